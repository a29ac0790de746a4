"""Filter lists and the profile editor in the reader's alphabetical order, without doubles."""

import pytest
from django.core.cache import cache
from django.utils import translation

from vernetzt.core.collation import collated, same_words, unique_collated
from vernetzt.directory.enums import TermKind
from vernetzt.directory.forms import OrganisationProfileForm
from vernetzt.directory.queries import filter_choices

pytestmark = pytest.mark.django_db


def test_collation_puts_umlauts_with_their_letter_and_merges_case():
    words = ["Zuwanderer", "ältere Menschen", "Alle", "alle", "Arbeit"]
    assert collated(words, language="de") == [
        "alle",
        "Alle",
        "ältere Menschen",
        "Arbeit",
        "Zuwanderer",
    ]
    assert unique_collated(words, language="de") == [
        "alle",
        "ältere Menschen",
        "Arbeit",
        "Zuwanderer",
    ]
    assert same_words("Alle", "alle", language="de")
    # Turkish has a dotless ı before i; Arabic letters in their own order first in Arabic.
    assert collated(["iz", "ısı"], language="tr") == ["ısı", "iz"]
    assert collated(["Zahl", "عربي"], language="ar") == ["عربي", "Zahl"]


@pytest.mark.parametrize("language", ["de", "en", "ar"])
def test_directory_filter_choices_are_collated_in_the_readers_language(language):
    cache.clear()
    with translation.override(language):
        choices = filter_choices()
    for kind in ("fields", "languages", "target_groups", "districts"):
        labels = [choice.label for choice in choices[kind]]
        assert labels == collated(labels, language=language), kind


def test_target_groups_do_not_repeat_the_all_option():
    cache.clear()
    with translation.override("de"):
        labels = [choice.label for choice in filter_choices()["target_groups"]]
        all_option = str(translation.gettext("All"))
    assert not any(same_words(label, all_option, language="de") for label in labels)
    assert not any(same_words(label, "alle", language="de") for label in labels)


def test_profile_editor_lists_languages_by_name_not_by_code():
    with translation.override("de"):
        form = OrganisationProfileForm()
        labels = [str(label) for _pk, label in form.fields["languages"].choices]
    assert len(labels) > 10
    assert labels == collated(labels, language="de")
    assert TermKind.LANGUAGE  # the languages field is built from the shared vocabulary
