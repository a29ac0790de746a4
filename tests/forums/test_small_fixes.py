"""Small things people tripped on in the forums: only published results, one vocabulary,
readable filters."""

import pytest
from django.urls import reverse

from tests.registration.factories import EventFactory, RegistrationFactory
from vernetzt.directory.models import District
from vernetzt.forums.models import ResultItem

from .factories import ForumFactory, ResultItemFactory, SlotFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    event = EventFactory()
    return ForumFactory(slot=SlotFactory(event=event), title="Räume teilen")


def test_results_page_shows_only_published_items(client, forum):
    registration = RegistrationFactory(event=forum.slot.event)
    ResultItemFactory(forum=forum, text="Veröffentlichter Bedarf")
    ResultItemFactory(forum=forum, text="Noch nicht geprüfter Bedarf", is_published=False)
    url = reverse(
        "forums:participant_results",
        kwargs={"slug": forum.slot.event.slug, "token": registration.manage_token},
    )
    page = client.get(url).content.decode()
    assert "Veröffentlichter Bedarf" in page
    assert "Noch nicht geprüfter Bedarf" not in page


def test_an_unpublished_item_cannot_be_supported(client, forum):
    registration = RegistrationFactory(event=forum.slot.event)
    item = ResultItemFactory(forum=forum, is_published=False)
    url = reverse(
        "forums:support",
        kwargs={"slug": forum.slot.event.slug, "token": registration.manage_token, "pk": item.pk},
    )
    assert client.post(url).status_code == 404
    assert item.supports.count() == 0


def test_results_use_the_directorys_fields_of_activity(client, forum):
    ResultItemFactory(forum=forum, text="Mehr Sprachkurse", field_of_activity="sprache")
    ResultItemFactory(forum=forum, text="Mehr Sport", field_of_activity="sport")
    assert {value for value, _label in ResultItem._meta.get_field("field_of_activity").choices} >= {
        "bildung",
        "sprache",
        "teilhabe",
    }
    page = client.get(reverse("forums:needs"), {"field": "sprache"}).content.decode()
    assert "Mehr Sprachkurse" in page and "Mehr Sport" not in page


def test_needs_filter_tells_the_two_kassels_apart_and_sorts_by_german_rules(client):
    # The shipped geodata has Kassel twice: the city and the Landkreis.
    assert District.objects.filter(name="Kassel").count() == 2
    html = client.get(reverse("forums:needs")).content.decode()
    kassel_options = [line for line in html.split("<option") if ">Kassel" in line]
    labels = {option.split(">", 1)[1].split("<", 1)[0] for option in kassel_options}
    assert len(labels) == 2, labels


def test_field_filter_is_in_alphabetical_order_of_the_reader(client):
    html = client.get(reverse("forums:needs"), HTTP_COOKIE="vernetzt_language=de").content.decode()
    select = html.split('id="f-field"', 1)[1].split("</select>", 1)[0]
    labels = [part.split(">", 1)[1].split("<", 1)[0] for part in select.split("<option")[2:]]
    assert labels, "the field filter lists the fields of activity"
    from vernetzt.core.collation import collated

    assert labels == collated(labels, language="de")
    assert labels != sorted(labels) or all(label.isascii() for label in labels)
