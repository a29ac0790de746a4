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


@pytest.fixture
def hosting(forum):
    from tests.factories import UserFactory

    from .factories import ForumHostFactory

    host = UserFactory(is_forum_host=True)
    ForumHostFactory(forum=forum, user=host)
    return forum, host


def _record_url(forum, name, item):
    return reverse(
        f"forums:{name}",
        kwargs={"slug": forum.slot.event.slug, "pk": forum.pk, "item_pk": item.pk},
    )


def test_record_page_says_results_appear_after_review(client, hosting):
    forum, host = hosting
    client.force_login(host)
    page = client.get(
        reverse("forums:record", kwargs={"slug": forum.slot.event.slug, "pk": forum.pk})
    )
    assert "review" in page.content.decode() or "geprüft" in page.content.decode()


def test_host_corrects_own_unpublished_item(client, hosting):
    forum, host = hosting
    item = ResultItemFactory(forum=forum, created_by=host, is_published=False, text="Raum fehlt")
    client.force_login(host)
    assert client.get(_record_url(forum, "record_edit", item)).status_code == 200
    response = client.post(
        _record_url(forum, "record_edit", item),
        {
            "kind": "demand",
            "text": "Ein Raum für 30 Personen fehlt",
            "field_of_activity": "bildung",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.kind, item.text, item.field_of_activity) == (
        "demand",
        "Ein Raum für 30 Personen fehlt",
        "bildung",
    )


def test_host_cannot_change_published_or_others_items(client, hosting):
    from tests.factories import UserFactory

    forum, host = hosting
    published = ResultItemFactory(forum=forum, created_by=host, is_published=True)
    others = ResultItemFactory(forum=forum, created_by=UserFactory(), is_published=False)
    client.force_login(host)
    for item in (published, others):
        assert client.get(_record_url(forum, "record_edit", item)).status_code == 403
        assert client.post(_record_url(forum, "record_delete", item)).status_code == 403
    assert ResultItem.objects.filter(pk__in=[published.pk, others.pk]).count() == 2


def test_delete_asks_first_then_deletes(client, hosting):
    forum, host = hosting
    item = ResultItemFactory(forum=forum, created_by=host, is_published=False, text="Doppelt")
    client.force_login(host)
    confirm = client.get(_record_url(forum, "record_delete", item))
    assert confirm.status_code == 200 and "Doppelt" in confirm.content.decode()
    assert ResultItem.objects.filter(pk=item.pk).exists()
    client.post(_record_url(forum, "record_delete", item))
    assert not ResultItem.objects.filter(pk=item.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_assignment_run_says_done_when_it_finished(staff_client, forum):
    """Without a worker the run is over before the page answers (commit hooks run at once)."""
    event = forum.slot.event
    response = staff_client.post(reverse("forums:run", kwargs={"slug": event.slug}), follow=True)
    html = response.content.decode()
    assert "has started" not in html and "wurde gestartet" not in html
    assert "<details" in html and "python -m vernetzt.solvers" in html
