"""Retention of sensitive answers, on a frozen clock: kept one day before the deadline, gone
one day after, in every copy (the registration's fields, the forums' assignment snapshots)."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import UserFactory
from tests.forums.factories import ForumFactory, SlotFactory
from tests.registration.factories import EventFactory
from vernetzt.forums import services as forum_services
from vernetzt.forums.models import AssignmentRun
from vernetzt.registration import services
from vernetzt.registration.models import Question, Registration
from vernetzt.registration.retention import purge_sensitive_answers

pytestmark = pytest.mark.django_db

ENDS = datetime(2026, 6, 6, 17, 0, tzinfo=UTC)
DEADLINE = ENDS + timedelta(weeks=4)


@pytest.fixture
def registration():
    with freeze_time(ENDS - timedelta(days=20)):
        event = EventFactory(starts_at=ENDS - timedelta(hours=7), ends_at=ENDS)
        Question.objects.create(
            event=event, key="glaube", label="Religion", kind=Question.Kind.TEXT, sensitive=True
        )
        Question.objects.create(event=event, key="wunsch", label="Wunsch", kind=Question.Kind.TEXT)
        slot = SlotFactory(event=event)
        forum = ForumFactory(event=event, slot=slot)
        registration, _ = services.register_participant(
            event=event,
            first_name="Kim",
            last_name="Frist",
            email="frist@example.org",
            answers={
                "dietary": ["halal"],
                "accessibility": ["step_free"],
                "interpretation": "ar",
                "photo_consent": "yes",
                "glaube": "muslimisch",
                "wunsch": "Kaffee",
            },
        )
        forum_services.set_rankings(registration=registration, choices={slot.pk: [forum.pk]})
        run = forum_services.start_assignment(event=event)
        forum_services.execute_run(run_id=run.pk)
    return registration


def _snapshot(registration):
    run = AssignmentRun.objects.filter(event=registration.event).latest("created_at")
    return next(p for p in run.instance["participants"] if p["id"] == f"p{registration.pk}")


def test_sensitive_answers_and_snapshots_are_kept_until_the_deadline(registration):
    assert _snapshot(registration)["needs_step_free"] is True
    with freeze_time(DEADLINE - timedelta(days=1)):
        assert purge_sensitive_answers() == 0
    registration.refresh_from_db()
    assert registration.answers["glaube"] == "muslimisch"
    assert registration.interpretation_language == "ar"
    assert _snapshot(registration)["interpretation"] == "ar"


def test_sensitive_answers_and_every_copy_are_gone_after_the_deadline(registration):
    with freeze_time(DEADLINE + timedelta(days=1)):
        assert purge_sensitive_answers() == 1
        assert purge_sensitive_answers() == 0  # idempotent
    registration.refresh_from_db()
    assert registration.answers == {"photo_consent": "yes", "wunsch": "Kaffee"}
    assert registration.interpretation_language == ""
    assert registration.accessibility_needs == []
    snapshot = _snapshot(registration)
    assert snapshot["needs_step_free"] is False and snapshot["interpretation"] is None
    assert snapshot["preferences"]  # the forums chosen stay


def test_the_daily_command_uses_the_same_deadline(registration):
    out = StringIO()
    with freeze_time(DEADLINE - timedelta(days=1)):
        call_command("purge_sensitive_answers", stdout=out)
    assert Registration.objects.get(pk=registration.pk).answers.get("dietary") == ["halal"]
    with freeze_time(DEADLINE + timedelta(days=1)):
        call_command("purge_sensitive_answers", stdout=out)
    assert "dietary" not in Registration.objects.get(pk=registration.pk).answers


def test_staff_can_mark_their_own_question_sensitive(client):
    event = EventFactory()
    client.force_login(UserFactory(is_staff=True))
    response = client.post(
        reverse("registration:questions", kwargs={"slug": event.slug}),
        {
            "label": "Brauchen Sie eine Begleitung?",
            "kind": "text",
            "sensitive": "on",
            "position": 9,
        },  # fmt: skip
    )
    assert response.status_code == 302
    question = Question.objects.get(event=event, label="Brauchen Sie eine Begleitung?")
    assert question.sensitive is True
    # A built-in sensitive question cannot be made ordinary.
    dietary = Question.objects.get(event=event, key="dietary")
    client.post(
        reverse("registration:question_edit", kwargs={"slug": event.slug, "pk": dietary.pk}),
        {"label": dietary.label, "kind": dietary.kind, "position": 0},
    )
    dietary.refresh_from_db()
    assert dietary.sensitive is True
