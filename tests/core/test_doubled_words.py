"""Words said twice (issue 16): a city that is its own district, a note printed twice, a
table column named like its heading, "All" and "all" in filters, "e.V.." in the demo."""

import re

import pytest
from django.urls import reverse

from tests.directory.factories import municipality
from tests.factories import OrganisationFactory, UserFactory
from tests.forums.factories import ForumFactory, ForumHostFactory, SlotFactory
from tests.registration.factories import EventFactory
from vernetzt.events.demo import _sentence

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies["vernetzt_language"] = "en"


def test_a_city_that_is_its_own_district_is_named_once(client):
    kassel, lich = municipality("06611000"), municipality("06531011")
    assert kassel.other_district is None  # shown as "Kassel", not "Kassel · Kassel"
    assert lich.other_district == lich.district and lich.district.name != "Lich"
    organisation = OrganisationFactory(
        name="Beispielverein Nordstadt", municipality=kassel, is_published=True, status="verified"
    )
    for url in (reverse("directory:list"), organisation.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "Kassel · Kassel" not in page and "<bdi>Kassel</bdi>" in page


def test_host_list_says_its_note_once(client):
    forum = ForumFactory(slot=SlotFactory(event=EventFactory()))
    host = UserFactory(is_forum_host=True)
    ForumHostFactory(forum=forum, user=host)
    client.force_login(host)
    url = reverse("forums:host_list", kwargs={"slug": forum.slot.event.slug, "pk": forum.pk})
    page = client.get(url).content.decode()
    assert page.count("known to the team only") == 1
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<" not in title and forum.title in title


def test_report_table_is_not_named_like_its_heading(client):
    event = EventFactory(status="past")
    client.force_login(UserFactory(is_staff=True))
    client.cookies["vernetzt_language"] = "de"
    page = client.get(
        reverse("publishing:report", kwargs={"year": event.starts_at.year})
    ).content.decode()
    assert '<h2 id="report-meetings">Treffen</h2>' in page
    assert '<th scope="col">Treffen</th>' not in page


def test_filters_offer_all_with_one_spelling(client):
    page = client.get(reverse("forums:needs")).content.decode()
    empty_options = re.findall(r'<option value="">([^<]*)</option>', page)
    assert empty_options and "all" not in empty_options
    assert "All" in empty_options


def test_demo_sentence_ending_with_an_abbreviation_gets_no_second_full_stop():
    assert _sentence("Aus ihrer Praxis erzählen: KONE e.V., ZAN e.V.").endswith("ZAN e.V.")
    assert _sentence("Aus ihrer Praxis erzählen: Kompass") == "Aus ihrer Praxis erzählen: Kompass."
