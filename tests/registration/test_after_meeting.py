"""The personal page after the meeting (issue 16): what is useful then, and no ticket, no
cancelling, no editing of answers that are about to be deleted."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.feedback.factories import survey_for
from tests.forums.factories import ForumFactory, ResultItemFactory, SlotFactory
from vernetzt.core.translations import translated
from vernetzt.feedback.models import Invitation
from vernetzt.publishing.models import Documentation
from vernetzt.registration import services

from .factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies["vernetzt_language"] = "en"


def _past_event(**kwargs):
    starts = timezone.now() - timedelta(days=3)
    return EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=7), **kwargs)


def _registered(event, email="kim@example.org", checked_in=True):
    registration, _ = services.register_participant(
        event=event, first_name="Kim", last_name="Beispiel", email=email, by_staff=True
    )
    if checked_in:
        registration.checked_in_at = event.starts_at + timedelta(minutes=10)
        registration.save(update_fields=["checked_in_at"])
    return registration


def _cancel_url(registration):
    return reverse(
        "registration:cancel",
        kwargs={"slug": registration.event.slug, "token": registration.manage_token},
    )


def test_event_is_over_follows_its_end():
    event = EventFactory()
    assert not event.is_over
    event.starts_at = timezone.now() - timedelta(hours=2)
    event.ends_at = timezone.now() + timedelta(hours=1)
    assert not event.is_over  # during the meeting
    event.ends_at = timezone.now() - timedelta(minutes=1)
    assert event.is_over


def test_page_after_the_meeting_shows_what_is_useful_then(client):
    event = _past_event()
    registration = _registered(event)
    forum = ForumFactory(slot=SlotFactory(event=event))
    ResultItemFactory(forum=forum, text="Ein veröffentlichter Bedarf")
    survey = survey_for(event)
    Invitation.objects.create(survey=survey, registration=registration, token_hash="a" * 64)
    Documentation.objects.create(event=event, status=Documentation.Status.PUBLISHED)

    content = client.get(registration.get_absolute_url()).content.decode()

    assert "Thank you for taking part" in content and 'id="after-meeting"' in content
    certificate = reverse(
        "registration:certificate", kwargs={"slug": event.slug, "token": registration.manage_token}
    )
    results = reverse(
        "forums:participant_results",
        kwargs={"slug": event.slug, "token": registration.manage_token},
    )
    documentation = reverse("publishing:documentation", kwargs={"slug": event.slug})
    assert f'href="{certificate}"' in content
    assert f'href="{results}"' in content
    assert (
        f'id="after-survey-{survey.pk}"' in content
        and translated(survey, "title", "en").text in content
    )
    assert f'href="{documentation}"' in content
    assert 'href="#your-data"' in content and 'id="your-data"' in content
    # Nothing of before the meeting: no ticket, no calendar, no changing, no cancelling.
    assert "show it at the entrance" not in content and "Ticket to print" not in content
    assert "kalender.ics" not in content
    assert _cancel_url(registration) not in content
    assert "Save changes" not in content and 'name="first_name"' not in content


def test_survey_button_gives_a_fresh_link_once(client):
    event = _past_event()
    registration = _registered(event)
    survey = survey_for(event)
    Invitation.objects.create(survey=survey, registration=registration, token_hash="c" * 64)
    url = reverse(
        "feedback:from_personal_page",
        kwargs={"slug": event.slug, "token": registration.manage_token, "pk": survey.pk},
    )
    assert url in client.get(registration.get_absolute_url()).content.decode()
    assert client.get(url).status_code == 405  # no GET changes data
    response = client.post(url)
    assert response.status_code == 302 and "/umfrage/" in response["Location"]
    form = client.get(response["Location"])
    assert (
        form.status_code == 200 and translated(survey, "title", "en").text in form.content.decode()
    )
    Invitation.objects.filter(survey=survey).update(used=True)
    response = client.post(url, follow=True)
    assert "already answered" in response.content.decode()
    other = EventFactory()
    forged = reverse(
        "feedback:from_personal_page",
        kwargs={"slug": other.slug, "token": registration.manage_token, "pk": survey.pk},
    )
    assert client.post(forged).status_code == 404


def test_after_the_meeting_links_only_what_exists(client):
    """No published results, no open survey, a documentation in draft, not checked in: no
    links to them (the data rights are always there)."""
    event = _past_event()
    registration = _registered(event, checked_in=False)
    forum = ForumFactory(slot=SlotFactory(event=event))
    ResultItemFactory(forum=forum, text="Noch nicht geprüft", is_published=False)
    Invitation.objects.create(
        survey=survey_for(event), registration=registration, token_hash="b" * 64, used=True
    )
    Documentation.objects.create(event=event)  # draft

    content = client.get(registration.get_absolute_url()).content.decode()

    assert 'id="after-meeting"' in content and 'href="#your-data"' in content
    for absent in ("after-results", "after-survey", "after-documentation", "after-certificate"):
        assert absent not in content
    assert "ergebnisse/" not in content


def test_before_the_meeting_results_link_only_for_published_items(client):
    event = EventFactory()
    registration = _registered(event, checked_in=False)
    forum = ForumFactory(slot=SlotFactory(event=event))
    ResultItemFactory(forum=forum, text="Noch nicht geprüft", is_published=False)
    results = reverse(
        "forums:participant_results",
        kwargs={"slug": event.slug, "token": registration.manage_token},
    )
    assert results not in client.get(registration.get_absolute_url()).content.decode()
    ResultItemFactory(forum=forum, text="Geprüft")
    assert results in client.get(registration.get_absolute_url()).content.decode()


def test_edit_and_cancel_after_the_meeting_are_refused(client):
    event = _past_event()
    registration = _registered(event)

    response = client.post(
        registration.get_absolute_url(),
        {"first_name": "Anders", "last_name": "Beispiel", "language": "de"},
        follow=True,
    )
    assert response.status_code == 200 and "The meeting is over" in response.content.decode()
    response = client.post(_cancel_url(registration), follow=True)
    assert response.status_code == 200 and "The meeting is over" in response.content.decode()
    response = client.get(_cancel_url(registration), follow=True)
    assert response.status_code == 200 and "The meeting is over" in response.content.decode()

    registration.refresh_from_db()
    assert registration.first_name == "Kim" and registration.status == "confirmed"
    with pytest.raises(services.MeetingOver):
        services.cancel_own_registration(registration=registration)
    with pytest.raises(services.MeetingOver):
        services.update_registration(registration=registration, data={"first_name": "X"})
    # Staff may still correct a name (for the certificate).
    services.update_registration(
        registration=registration, data={"first_name": "Kimberly"}, by_staff=True
    )
    registration.refresh_from_db()
    assert registration.first_name == "Kimberly"


def test_before_and_during_the_meeting_the_page_is_unchanged(client):
    for starts in (timezone.now() + timedelta(days=3), timezone.now() - timedelta(hours=1)):
        event = EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=7))
        registration = _registered(event, email=f"kim-{event.pk}@example.org", checked_in=False)
        content = client.get(registration.get_absolute_url()).content.decode()
        assert "show it at the entrance" in content and _cancel_url(registration) in content
        assert "Save changes" in content and 'id="after-meeting"' not in content
        assert client.get(_cancel_url(registration)).status_code == 200
        client.post(_cancel_url(registration))
        registration.refresh_from_db()
        assert registration.status == "cancelled"
