from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import OrganisationFactory
from vernetzt.registration import services
from vernetzt.registration.models import Registration

from .factories import EventFactory, ProgrammeItemFactory, RegistrationFactory, StagePersonFactory

pytestmark = pytest.mark.django_db


def register(event, n, **kwargs):
    defaults = {
        "event": event,
        "first_name": "Kim",
        "last_name": f"Beispiel{n}",
        "email": f"p{n}@example.org",
    }
    defaults.update(kwargs)
    return services.register_participant(**defaults)


def test_confirmed_then_waiting_with_positions():
    event = EventFactory(capacity=2)
    statuses = [register(event, n)[0] for n in range(5)]
    assert [r.status for r in statuses] == ["confirmed"] * 2 + ["waiting"] * 3
    assert [r.waiting_position for r in statuses[2:]] == [1, 2, 3]


def test_same_email_twice_is_refused_and_case_insensitive():
    event = EventFactory()
    register(event, 1, email="Kim@Example.org")
    with pytest.raises(services.AlreadyRegistered) as error:
        register(event, 2, email=" kim@example.ORG ")
    assert "email" in error.value.errors
    assert Registration.objects.count() == 1


def test_idempotency_key_returns_the_same_registration():
    event = EventFactory()
    first, created = register(event, 1, idempotency_key="abc")
    again, created_again = register(event, 1, idempotency_key="abc")
    assert created and not created_again and first.pk == again.pk


def test_cancel_promotes_first_waiting_and_closes_gaps(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    mail.outbox.clear()
    a = register(event, 1)[0]
    b = register(event, 2)[0]
    c = register(event, 3)[0]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.cancel_registration(registration=a)
    assert promoted == [b.pk]
    b.refresh_from_db()
    c.refresh_from_db()
    assert b.status == "confirmed" and c.waiting_position == 1
    assert [m.to for m in mail.outbox] == [["p2@example.org"]]
    assert services.cancel_registration(registration=a) == []  # idempotent


def test_cancel_waiting_closes_gap():
    event = EventFactory(capacity=1)
    regs = [register(event, n)[0] for n in range(4)]
    services.cancel_registration(registration=regs[2])
    positions = list(
        Registration.objects.filter(status="waiting").values_list("waiting_position", flat=True)
    )
    assert sorted(positions) == [1, 2]


def test_per_organisation_limit_until_date_and_not_without_association():
    organisation = OrganisationFactory()
    event = EventFactory(
        per_organisation_limit=2, per_organisation_limit_until=timezone.now() + timedelta(days=1)
    )
    register(event, 1, organisation=organisation)
    register(event, 2, organisation=organisation)
    with pytest.raises(services.RegistrationError) as error:
        register(event, 3, organisation=organisation)
    assert "organisation" in error.value.errors
    for n in range(4, 8):
        register(event, n)  # without association: never limited
    with freeze_time(timezone.now() + timedelta(days=2)):
        assert register(event, 3, organisation=organisation)[0].status == "confirmed"


def test_reserved_places_outside_capacity():
    event = EventFactory(capacity=1, reserved_places=1)
    register(event, 1)
    reserved, _ = register(event, 2, by_staff=True, reserved=True, email=None)
    assert reserved.status == "confirmed" and reserved.email_normalised is None
    with pytest.raises(services.RegistrationError):
        register(event, 3, by_staff=True, reserved=True)


def test_closed_event_refuses_but_staff_can_add():
    event = EventFactory(status="registration_closed")
    with pytest.raises(services.RegistrationError):
        register(event, 1)
    assert register(event, 1, by_staff=True)[0].pk


def test_answers_validated():
    event = EventFactory()
    with pytest.raises(services.RegistrationError) as error:
        register(event, 1, answers={"dietary": ["poison"], "photo_consent": "maybe"})
    assert set(error.value.errors) == {"answers.dietary", "answers.photo_consent"}
    event.questions.create(key="motto", label="Motto", kind="text", required=True)
    with pytest.raises(services.RegistrationError) as error:
        register(event, 1, answers={"motto": "x" * 10_000})
    assert "answers.motto" in error.value.errors
    with pytest.raises(services.RegistrationError) as error:
        register(event, 1, answers={})
    assert "answers.motto" in error.value.errors
    r = register(
        event, 1, answers={"motto": "Hallo", "photo_consent": "yes", "interpretation": "ar"}
    )[0]
    assert r.photo_consent and r.interpretation_language == "ar"
    assert Registration.objects.count() == 1


def test_photo_consent_counts_as_no_until_given():
    event = EventFactory()
    assert register(event, 1)[0].photo_consent is False


def test_check_in_once_then_already_and_errors():
    event = EventFactory()
    other = EventFactory()
    r = register(event, 1)[0]
    first = services.check_in(event=event, ticket_code=r.ticket_code)
    again = services.check_in(event=event, ticket_code=r.ticket_code)
    assert not first.already and again.already
    with pytest.raises(services.CheckInError):
        services.check_in(event=other, ticket_code=r.ticket_code)
    with pytest.raises(services.CheckInError):
        services.check_in(event=event, ticket_code="forged")
    services.undo_check_in(registration=r)
    assert r.checked_in_at is None
    cancelled = register(event, 2)[0]
    services.cancel_registration(registration=cancelled)
    with pytest.raises(services.CheckInError):
        services.check_in(event=event, registration=cancelled)


def test_secrets_are_long_and_random():
    event = EventFactory()
    first, second = register(event, 1)[0], register(event, 2)[0]
    tokens = [first.manage_token, first.ticket_code, second.manage_token, second.ticket_code]
    # 32 URL-safe base64 characters carry 192 bits; all four differ, none is the id.
    assert all(len(token) >= 32 for token in tokens)
    assert len(set(tokens)) == 4
    assert str(first.pk) not in {first.manage_token, first.ticket_code}


def test_purge_sensitive_answers_after_weeks_idempotent():
    event = EventFactory()
    r = register(
        event, 1, answers={"dietary": ["halal"], "accessibility": ["step_free"], "childcare": "yes"}
    )[0]
    assert services.purge_sensitive_answers(weeks=4) == 0
    with freeze_time(event.ends_at + timedelta(weeks=5)):
        assert services.purge_sensitive_answers(weeks=4) == 1
        assert services.purge_sensitive_answers(weeks=4) == 0
    r.refresh_from_db()
    assert r.answers == {"childcare": "yes"} and r.accessibility_needs == []


def test_reminders_sent_once():
    event = EventFactory(starts_at=timezone.now() + timedelta(days=1))
    register(event, 1)
    mail.outbox.clear()
    assert services.queue_reminders() == 1
    assert services.queue_reminders() == 0
    assert len(mail.outbox) == 1


def test_move_registration():
    event = EventFactory(capacity=1)
    a = register(event, 1)[0]
    b = register(event, 2)[0]
    with pytest.raises(services.RegistrationError):
        services.move_registration(registration=b, to="confirmed")
    services.move_registration(registration=a, to="waiting", position=1)
    a.refresh_from_db()
    b.refresh_from_db()
    assert b.status == "confirmed" and a.waiting_position == 1


def test_copy_event_shifts_dates_and_copies_programme_and_questions():
    from vernetzt.events.services import copy_event

    event = EventFactory(per_organisation_limit=2)
    item = ProgrammeItemFactory(event=event)
    StagePersonFactory(programme_item=item, role="moderator")
    copy = copy_event(
        source=event, title="Neu", slug="neu", starts_at=event.starts_at + timedelta(days=365)
    )
    assert copy.status == "draft" and copy.per_organisation_limit == 2
    new_item = copy.programme_items.get()
    assert new_item.starts_at == item.starts_at + timedelta(days=365)
    assert new_item.stage_people.get().role == "moderator"
    assert copy.questions.count() == event.questions.count() == 7


def test_registration_factory_smoke():
    assert RegistrationFactory().status == "confirmed"


def test_commands_reminders_and_purge_are_idempotent():
    from io import StringIO

    from django.core.management import call_command

    event = EventFactory(starts_at=timezone.now() + timedelta(hours=20))
    register(event, 1, answers={"dietary": ["vegan"]})
    mail.outbox.clear()
    out = StringIO()
    call_command("send_reminders", stdout=out)
    call_command("send_reminders", stdout=out)
    assert len(mail.outbox) == 1
    assert event.title in mail.outbox[0].subject
    with freeze_time(event.ends_at + timedelta(weeks=6)):
        call_command("purge_sensitive_answers", stdout=out)
    assert Registration.objects.get().answers == {}


def test_raising_capacity_promotes_waiting(client):
    from tests.factories import UserFactory

    event = EventFactory(capacity=1)
    register(event, 1)
    waiting = register(event, 2)[0]
    client.force_login(UserFactory(email="s@example.org", is_staff=True))
    data = {
        "title": event.title,
        "slug": event.slug,
        "starts_at": timezone.localtime(event.starts_at).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": timezone.localtime(event.ends_at).strftime("%Y-%m-%dT%H:%M"),
        "status": event.status,
        "capacity": 2,
        "reserved_places": 0,
    }
    response = client.post(f"/veranstaltungen/{event.slug}/verwaltung/", data)
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
