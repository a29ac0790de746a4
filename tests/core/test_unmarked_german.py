"""No visible text on the main pages is unmarked German in another language.

German content without a translation is fine when it is marked `lang="de"` (a screen reader
then reads it with a German voice, and the visitor sees the "German original" hint). English
is checked now; a language joins LANGUAGES_CHECKED once its catalogue is complete (see
COMPLETE_LANGUAGES in test_translations.py).
"""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.core.test_translations import COMPLETE_LANGUAGES
from vernetzt.core.i18n_tools import german_letters, vocabularies

SRC = Path(__file__).resolve().parents[2] / "src" / "vernetzt"
LANGUAGES_CHECKED = [code for code in COMPLETE_LANGUAGES if code != "de"]


@pytest.fixture
def demo(db):
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def main_pages():
    from vernetzt.directory.models import Organisation
    from vernetzt.publishing.models import NewsPost

    meeting = "vernetzungstreffen-2026"
    organisation = (
        Organisation.objects.filter(is_published=True).exclude(description_translations={}).first()
    )
    return [
        reverse("core:home"),
        reverse("directory:list"),
        organisation.get_absolute_url(),
        reverse("events:list"),
        reverse("events:detail", args=[meeting]),
        reverse("registration:register", args=[meeting]),
        reverse("publishing:news_list"),
        NewsPost.objects.order_by("-publish_at").first().get_absolute_url(),
        reverse("core:site_page", args=["barrierefreiheit"]),
        reverse("core:site_page", args=["impressum"]),
        reverse("core:site_page", args=["datenschutz"]),
        reverse("publishing:documentation", args=["vernetzungstreffen-2019"]),
        reverse("forums:needs"),
        reverse("core:easy_read_index"),
        reverse("core:sign_language"),
        reverse("account_login"),
    ]


@pytest.mark.parametrize("language", LANGUAGES_CHECKED)
def test_no_unmarked_german_on_the_main_pages(demo, language):
    german, english = vocabularies(SRC, with_content=True)
    client = Client()
    client.cookies["vernetzt_language"] = language
    found = {}
    for url in main_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        _unmarked, _total, words = german_letters(
            response.content.decode(), german, english, language
        )
        if words:
            found[url] = sorted(set(words))
    assert found == {}
