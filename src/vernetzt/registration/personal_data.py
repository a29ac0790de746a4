"""What registration holds about a person, and its erasure (hooks of RegistrationConfig).

Erasure anonymises a registration instead of deleting it: the meeting's figures (confirmed,
checked in, associations, districts: the ministry report) stay, the person is gone. An
active registration of a meeting that has not ended is cancelled first (its place goes to the
waiting list). The personal link and the ticket stop working (new random secrets).
"""

from django.utils import timezone

from vernetzt.core.personal_data import delete_task_rows, first_argument_in

from . import services, tasks
from .models import Consent, Question, Registration, new_secret


def _answers(registration: Registration, labels: dict) -> list[dict]:
    return [
        {"question": labels.get((registration.event_id, key), key), "key": key, "answer": value}
        for key, value in (registration.answers or {}).items()
    ]


def _iso(value):
    return value.isoformat() if value else None


def personal_data(person) -> dict:
    registrations = list(
        Registration.objects.filter(pk__in=person.registration_ids)
        .select_related("event", "organisation")
        .order_by("created_at")
    )
    labels = {
        (q.event_id, q.key): q.display_label
        for q in Question.objects.filter(event__in={r.event_id for r in registrations})
    }
    consents = Consent.objects.filter(registration__in=registrations).order_by("given_at", "pk")
    if not registrations:
        return {}
    return {
        "registrations": [
            {
                "id": r.pk,
                "meeting": r.event.title,
                "meeting_slug": r.event.slug,
                "status": r.status,
                "waiting_position": r.waiting_position,
                "first_name": r.first_name,
                "last_name": r.last_name,
                "pronouns": r.pronouns,
                "email": r.email,
                "association": r.organisation.name if r.organisation else None,
                "language": r.language,
                "answers": _answers(r, labels),
                "photo_consent": r.photo_consent,
                "reserved_place": r.is_reserved,
                "registered_at": _iso(r.created_at),
                "confirmed_at": _iso(r.confirmed_at),
                "cancelled_at": _iso(r.cancelled_at),
                "checked_in_at": _iso(r.checked_in_at),
                "confirmation_sent_at": _iso(r.confirmation_sent_at),
                "reminder_sent_at": _iso(r.reminder_sent_at),
                "sensitive_answers_deleted_at": _iso(r.sensitive_purged_at),
            }
            for r in registrations
        ],
        "consents": [
            {
                "registration_id": c.registration_id,
                "purpose": c.purpose,
                "text_version": c.text_version,
                "language": c.language,
                "given_at": _iso(c.given_at),
                "withdrawn_at": _iso(c.withdrawn_at),
            }
            for c in consents
        ],
    }


def erase_personal_data(person) -> dict:
    now = timezone.now()
    registrations = Registration.objects.filter(pk__in=person.registration_ids).select_related(
        "event"
    )
    cancelled = 0
    for registration in registrations:
        if registration.is_active and registration.event.ends_at >= now:
            services.cancel_registration(registration=registration)
            cancelled += 1
    emails = 0
    for task in (tasks.send_confirmation, tasks.send_promoted, tasks.send_reminder):
        emails += delete_task_rows(
            task, first_argument_in(person.registration_ids, "registration_id")
        )
    consents = Consent.objects.filter(registration_id__in=person.registration_ids).delete()[0]
    anonymised = Registration.objects.filter(
        pk__in=person.registration_ids, erased_at__isnull=True
    ).count()
    for registration in Registration.objects.filter(pk__in=person.registration_ids):
        # Keeps event, status, association, reserved place and the times (the figures).
        registration.first_name = ""
        registration.last_name = ""
        registration.pronouns = ""
        registration.email = ""
        registration.email_normalised = None
        registration.answers = {}
        registration.photo_consent = False
        registration.interpretation_language = ""
        registration.accessibility_needs = []
        registration.user = None
        registration.idempotency_key = None
        registration.manage_token = new_secret()
        registration.ticket_code = new_secret()
        registration.erased_at = registration.erased_at or now
        registration.save()
    return {
        "registrations anonymised": anonymised,
        "registrations cancelled": cancelled,
        "queued or sent emails deleted": emails,
        "consents deleted": consents,
    }
