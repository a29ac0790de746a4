"""Writes of the registration app: register, cancel, promote, move, check in, purge.

Every function that touches places takes a row lock on the event (`select_for_update`)
before it counts, inside one transaction: two registrations for the last place queue on
that lock, so the second sees the first and goes to the waiting list. On SQLite the
settings open IMMEDIATE transactions, which serialise writers the same way.
"""

import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from vernetzt.directory.models import Organisation
from vernetzt.events.models import Event

from . import enums
from .models import Question, Registration

# Test hooks for the self-check of the concurrency tests (never change them elsewhere):
# with LOCK_EVENT off and a small RACE_DELAY, concurrent registrations overbook.
LOCK_EVENT = True
RACE_DELAY = 0.0

MAX_TEXT_ANSWER = 2000


class RegistrationError(Exception):
    """A registration cannot be made or changed; `errors` maps field names to messages."""

    def __init__(self, errors: dict[str, list[str]] | str):
        if isinstance(errors, str):
            errors = {"__all__": [errors]}
        self.errors = errors
        super().__init__("; ".join(m for messages in errors.values() for m in messages))


class CheckInError(Exception):
    """A ticket or person cannot be checked in (unknown, other meeting, cancelled, waiting)."""


@dataclass
class CheckInResult:
    registration: Registration
    already: bool = False
    messages: list[str] = field(default_factory=list)


def normalise_email(email: str | None) -> str | None:
    email = (email or "").strip().lower()
    return email or None


def _lock_event(event: Event) -> Event:
    queryset = Event.objects.select_for_update() if LOCK_EVENT else Event.objects.all()
    return queryset.get(pk=event.pk)


# --- Questions -------------------------------------------------------------------------------


def ensure_builtin_questions(*, event: Event) -> None:
    """Create the built-in questions of a meeting that are missing (all optional)."""
    from django.utils import translation

    existing = set(event.questions.values_list("key", flat=True))
    for position, (key, label, help_text, kind, sensitive) in enumerate(enums.BUILTIN_QUESTIONS):
        if key in existing:
            continue
        with translation.override("en"):  # stored in English, shown translated
            label, help_text = str(label), str(help_text)
        Question.objects.create(
            event=event,
            key=key,
            label=label,
            help_text=help_text,
            kind=kind,
            builtin=True,
            sensitive=sensitive,
            required=False,
            position=position,
        )


def clean_answers(*, event: Event, answers: dict | None, questions=None) -> dict:
    """Check answers against the questions of the meeting; returns the cleaned dict.

    Keys are question keys. Text: a string up to 2,000 characters. Single choice and yes/no:
    one of the choices. Multiple choice: a list of choices. Raises RegistrationError with
    errors keyed "answers.<key>".
    """
    answers = answers if isinstance(answers, dict) else {}
    questions = list(event.questions.all()) if questions is None else questions
    cleaned, errors = {}, {}
    for question in questions:
        value = answers.get(question.key)
        field_name = f"answers.{question.key}"
        allowed = {choice for choice, _label in question.choice_pairs()}
        if question.kind == Question.Kind.TEXT:
            value = value.strip() if isinstance(value, str) else ""
            if "\x00" in value:
                errors[field_name] = [_("Please remove the invisible control characters.")]
                continue
            if len(value) > MAX_TEXT_ANSWER:
                errors[field_name] = [
                    _("Please write at most %(max)d characters.") % {"max": MAX_TEXT_ANSWER}
                ]
                continue
        elif question.kind == Question.Kind.MULTIPLE:
            if value is None or isinstance(value, str):
                value = [value] if value else []
            if (
                not isinstance(value, list)
                or not all(isinstance(v, str) for v in value)
                or any(v not in allowed for v in value)
            ):
                value = None
            if value is None:
                errors[field_name] = [_("Please choose from the list.")]
                continue
            value = [choice for choice, _label in question.choice_pairs() if choice in value]
        else:
            if value in (None, ""):
                value = ""
            elif not isinstance(value, str) or value not in allowed:
                errors[field_name] = [_("Please choose from the list.")]
                continue
        if question.required and not value:
            errors[field_name] = [_("Please answer this question.")]
            continue
        if value:
            cleaned[question.key] = value
    if errors:
        raise RegistrationError(errors)
    return cleaned


def _denormalise(registration: Registration) -> None:
    answers = registration.answers or {}
    registration.photo_consent = answers.get(enums.PHOTO_CONSENT) == "yes"
    registration.interpretation_language = answers.get(enums.INTERPRETATION, "") or ""
    registration.accessibility_needs = list(answers.get(enums.ACCESSIBILITY, []) or [])


def _check_names(first_name: str, last_name: str, email: str | None, email_required: bool):
    errors = {}
    for name, value in (("first_name", first_name), ("last_name", last_name), ("email", email)):
        if value and "\x00" in value:
            errors[name] = [_("Please remove the invisible control characters.")]
    if errors:
        return errors
    if not (first_name or "").strip():
        errors["first_name"] = [_("Please enter your first name.")]
    elif len(first_name) > 100:
        errors["first_name"] = [_("Please write at most %(max)d characters.") % {"max": 100}]
    if not (last_name or "").strip():
        errors["last_name"] = [_("Please enter your last name.")]
    elif len(last_name) > 100:
        errors["last_name"] = [_("Please write at most %(max)d characters.") % {"max": 100}]
    if email:
        from django.core.exceptions import ValidationError
        from django.core.validators import validate_email

        try:
            validate_email(email.strip())
        except ValidationError:
            errors["email"] = [_("This is not an email address. Example: name@example.org")]
    elif email_required:
        errors["email"] = [_("Please enter your email address.")]
    return errors


def create_pending_organisation(*, name: str) -> Organisation:
    """An association "not listed yet": a pending, unpublished entry for staff to check."""
    name = name.strip()[:200]
    existing = Organisation.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    base = slugify(name)[:100] or "verein"
    slug, number = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return Organisation.objects.create(
        name=name, slug=slug, status=Organisation.Status.PENDING, is_published=False
    )


# --- Register ----------------------------------------------------------------------------------


def register_participant(
    *,
    event: Event,
    first_name: str,
    last_name: str,
    email: str | None,
    organisation: Organisation | None = None,
    language: str = "de",
    answers: dict | None = None,
    pronouns: str = "",
    idempotency_key: str | None = None,
    user=None,
    created_by=None,
    by_staff: bool = False,
    reserved: bool = False,
) -> tuple[Registration, bool]:
    """Register one person: confirmed if a place is free, else on the waiting list.

    Returns (registration, created). A repeat with the same idempotency key returns the
    first registration with created=False. Locks the event row, counts, inserts, and
    enqueues the confirmation email after commit. `by_staff` allows registering without an
    email and while registration is closed; `reserved` uses the reserved places (staff).
    Raises RegistrationError (per-field messages) when closed, full for the association,
    already registered, or the input is invalid; nothing is saved then.
    """
    from . import tasks

    email_norm = normalise_email(email)
    errors = _check_names(first_name, last_name, email, email_required=not by_staff)
    valid_languages = {code for code, _name in settings.LANGUAGES}
    if language not in valid_languages:
        errors["language"] = [_("Please choose a language from the list.")]
    try:
        cleaned = clean_answers(event=event, answers=answers)
    except RegistrationError as error:
        errors.update(error.errors)
        cleaned = {}
    if "\x00" in (pronouns or "") or len(pronouns or "") > 40:
        errors["pronouns"] = [_("Please write at most %(max)d characters.") % {"max": 40}]
    if errors:
        raise RegistrationError(errors)
    if idempotency_key:
        idempotency_key = idempotency_key[:100]
        existing = Registration.objects.filter(event=event, idempotency_key=idempotency_key).first()
        if existing:
            return existing, False
    already = _("This email address is already registered for this meeting.")
    if (
        email_norm
        and Registration.objects.filter(
            event=event, status__in=Registration.ACTIVE_STATUSES, email_normalised=email_norm
        ).exists()
    ):
        if idempotency_key:
            # A repeat of the same request may have committed between the two checks above.
            existing = Registration.objects.filter(
                event=event, idempotency_key=idempotency_key
            ).first()
            if existing:
                return existing, False
        raise RegistrationError(
            {
                "email": [
                    _(
                        "This email address is already registered for this meeting. "
                        "Use the personal link in your confirmation email."
                    )
                ]
            }
        )
    # Built before the lock, so that the lock is held only to count and insert.
    registration = Registration(
        event=event,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        pronouns=(pronouns or "").strip(),
        email=(email or "").strip(),
        email_normalised=email_norm,
        organisation=organisation,
        language=language,
        answers=cleaned,
        is_reserved=reserved,
        idempotency_key=idempotency_key or None,
        user=user if getattr(user, "is_authenticated", False) else None,
        created_by=created_by,
    )
    _denormalise(registration)
    try:
        with transaction.atomic():
            locked = _lock_event(event)
            if idempotency_key:
                existing = Registration.objects.filter(
                    event=locked, idempotency_key=idempotency_key
                ).first()
                if existing:
                    return existing, False
            if not by_staff and not locked.is_registration_open:
                raise RegistrationError(_("Registration for this meeting is not open."))
            active = Registration.objects.filter(
                event=locked, status__in=Registration.ACTIVE_STATUSES
            )
            # One query for all counts while the event row is locked.
            counts = Registration.objects.filter(event=locked).aggregate(
                confirmed=Count("pk", filter=Q(status="confirmed", is_reserved=False)),
                reserved=Count("pk", filter=Q(status="confirmed", is_reserved=True)),
                waiting=Count("pk", filter=Q(status="waiting")),
            )
            if reserved:
                if counts["reserved"] >= locked.reserved_places:
                    raise RegistrationError(_("All reserved places are given."))
                status, position = Registration.Status.CONFIRMED, None
            else:
                if (
                    organisation is not None
                    and not by_staff
                    and locked.organisation_limit_applies()
                    and active.filter(organisation=organisation, is_reserved=False).count()
                    >= locked.per_organisation_limit
                ):
                    raise RegistrationError(
                        {
                            "organisation": [
                                _(
                                    "Your association has already registered %(limit)d "
                                    "people, the most allowed for now."
                                )
                                % {"limit": locked.per_organisation_limit}
                            ]
                        }
                    )
                if counts["confirmed"] < locked.capacity and counts["waiting"] == 0:
                    status, position = Registration.Status.CONFIRMED, None
                else:
                    status, position = Registration.Status.WAITING, counts["waiting"] + 1
            if RACE_DELAY:
                time.sleep(RACE_DELAY)
            registration.event = locked
            registration.status = status
            registration.waiting_position = position
            if status == Registration.Status.CONFIRMED:
                registration.confirmed_at = timezone.now()
            registration.save()
            if registration.email:
                pk = registration.pk
                transaction.on_commit(lambda: tasks.send_confirmation.enqueue(pk))
    except IntegrityError:
        # Only reachable when the guard is off or a repeat raced past the first check.
        if idempotency_key:
            existing = Registration.objects.filter(event=event, idempotency_key=idempotency_key)
            if existing.exists():
                return existing.first(), False
        # A race on the same email: the database's unique constraint decided.
        raise RegistrationError({"email": [already]}) from None
    return registration, True


def update_registration(
    *, registration: Registration, data: dict, by_staff: bool = False
) -> Registration:
    """Change names, pronouns, language and answers (staff also email and association).

    Raises RegistrationError for invalid input; nothing is saved then.
    """
    first_name = data.get("first_name", registration.first_name)
    last_name = data.get("last_name", registration.last_name)
    email = data.get("email", registration.email) if by_staff else registration.email
    errors = _check_names(first_name, last_name, email, email_required=False)
    try:
        cleaned = clean_answers(event=registration.event, answers=data.get("answers", {}))
    except RegistrationError as error:
        errors.update(error.errors)
        cleaned = {}
    if errors:
        raise RegistrationError(errors)
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        registration.first_name = first_name.strip()
        registration.last_name = last_name.strip()
        registration.pronouns = (data.get("pronouns", registration.pronouns) or "").strip()[:40]
        registration.language = data.get("language", registration.language)
        registration.answers = cleaned
        if by_staff:
            registration.email = (email or "").strip()
            registration.email_normalised = normalise_email(email)
            if "organisation" in data:
                registration.organisation = data["organisation"]
        _denormalise(registration)
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            raise RegistrationError(
                {"email": [_("This email address is already registered for this meeting.")]}
            ) from None
    return registration


# --- Cancel, promote, move ---------------------------------------------------------------------


def _close_gap(event: Event, position: int) -> None:
    Registration.objects.filter(
        event=event, status=Registration.Status.WAITING, waiting_position__gt=position
    ).update(waiting_position=F("waiting_position") - 1)


def _promote(event: Event) -> list[int]:
    """Confirm the first waiting while a public place is free. Caller holds the event lock."""
    promoted = []
    confirmed = Registration.objects.filter(
        event=event, status=Registration.Status.CONFIRMED, is_reserved=False
    ).count()
    free = event.capacity - confirmed
    if free <= 0:
        return promoted
    firsts = list(
        Registration.objects.filter(event=event, status=Registration.Status.WAITING).order_by(
            "waiting_position"
        )[:free]
    )
    if not firsts:
        return promoted
    now = timezone.now()
    for registration in firsts:
        registration.status = Registration.Status.CONFIRMED
        registration.waiting_position = None
        registration.confirmed_at = now
        registration.save(update_fields=["status", "waiting_position", "confirmed_at"])
        promoted.append(registration.pk)
    Registration.objects.filter(event=event, status=Registration.Status.WAITING).update(
        waiting_position=F("waiting_position") - len(firsts)
    )
    return promoted


def _after_promotion(promoted: list[int]) -> None:
    from . import tasks

    for pk in promoted:
        transaction.on_commit(lambda pk=pk: tasks.send_promoted.enqueue(pk))


def cancel_registration(*, registration: Registration, notify: bool = True) -> list[int]:
    """Cancel a registration; a freed place goes to the first on the waiting list.

    Idempotent (cancelling twice changes nothing). Returns the ids of promoted registrations;
    their emails are enqueued after commit.
    """
    with transaction.atomic():
        event = _lock_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            return []
        was = current.status
        position = current.waiting_position
        current.status = Registration.Status.CANCELLED
        current.waiting_position = None
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "waiting_position", "cancelled_at", "updated_at"])
        if was == Registration.Status.WAITING and position:
            _close_gap(event, position)
        promoted = _promote(event) if was == Registration.Status.CONFIRMED else []
        if notify:
            _after_promotion(promoted)
    registration.refresh_from_db()
    return promoted


def promote_waiting(*, event: Event) -> list[int]:
    """After the capacity grew: confirm as many waiting as there are free places."""
    with transaction.atomic():
        locked = _lock_event(event)
        promoted = _promote(locked)
        _after_promotion(promoted)
    return promoted


def move_registration(
    *, registration: Registration, to: str, position: int | None = None
) -> Registration:
    """Staff move: "confirmed" (needs a free place), "waiting" (at `position`, default last).

    Raises RegistrationError when the meeting is full or the registration is cancelled.
    """
    with transaction.atomic():
        event = _lock_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            raise RegistrationError(_("This registration is cancelled."))
        waiting = Registration.objects.filter(event=event, status=Registration.Status.WAITING)
        if to == Registration.Status.CONFIRMED:
            if current.status == Registration.Status.CONFIRMED:
                return current
            confirmed = Registration.objects.filter(
                event=event, status=Registration.Status.CONFIRMED, is_reserved=False
            ).count()
            if confirmed >= event.capacity:
                raise RegistrationError(
                    _("The meeting is full. Raise the number of places or cancel someone first.")
                )
            old = current.waiting_position
            current.status = Registration.Status.CONFIRMED
            current.waiting_position = None
            current.confirmed_at = timezone.now()
            current.save()
            _close_gap(event, old)
        elif to == Registration.Status.WAITING:
            was_confirmed = current.status == Registration.Status.CONFIRMED
            if current.status == Registration.Status.WAITING:
                _close_gap(event, current.waiting_position)
            # Out of both lists for a moment, so that a freed place goes to someone else.
            current.status = Registration.Status.CANCELLED
            current.waiting_position = None
            current.save(update_fields=["status", "waiting_position"])
            promoted = _promote(event) if was_confirmed and not current.is_reserved else []
            count = waiting.count()
            target = max(1, min(position or count + 1, count + 1))
            waiting.filter(waiting_position__gte=target).update(
                waiting_position=F("waiting_position") + 1
            )
            current.status = Registration.Status.WAITING
            current.waiting_position = target
            current.confirmed_at = None
            current.save()
            _after_promotion(promoted)
        else:
            raise RegistrationError(_("Unknown target."))
    return current


# --- Check-in ----------------------------------------------------------------------------------


def check_in(
    *, event: Event, registration: Registration | None = None, ticket_code: str = "", by=None
) -> CheckInResult:
    """Check a person in, by registration or ticket code; safe with several devices at once.

    One conditional UPDATE (checked_in_at IS NULL): of two devices, one checks in, the other
    gets `already=True`. Raises CheckInError for an unknown code, another meeting's ticket,
    or a registration that is cancelled or waiting.
    """
    if registration is None:
        registration = (
            Registration.objects.select_related("event", "organisation")
            .filter(ticket_code=(ticket_code or "").replace("\x00", "").strip()[:64])
            .first()
        )
        if registration is None:
            raise CheckInError(_("Unknown ticket code."))
    if registration.event_id != event.pk:
        raise CheckInError(
            _("This ticket belongs to another meeting: %(title)s.")
            % {"title": registration.event.title}
        )
    now = timezone.now()
    updated = Registration.objects.filter(
        pk=registration.pk,
        status=Registration.Status.CONFIRMED,
        checked_in_at__isnull=True,
    ).update(checked_in_at=now, checked_in_by=by if getattr(by, "pk", None) else None)
    registration.refresh_from_db()
    if updated:
        return CheckInResult(registration=registration, already=False)
    if registration.status == Registration.Status.CANCELLED:
        raise CheckInError(_("This registration is cancelled. Please send the person to the desk."))
    if registration.status == Registration.Status.WAITING:
        raise CheckInError(_("This person is on the waiting list, not confirmed."))
    return CheckInResult(registration=registration, already=True)


def undo_check_in(*, registration: Registration) -> Registration:
    """Take a check-in back (a mistaken tap)."""
    Registration.objects.filter(pk=registration.pk).update(checked_in_at=None, checked_in_by=None)
    registration.refresh_from_db()
    return registration


# --- After the meeting -------------------------------------------------------------------------


def purge_sensitive_answers(*, weeks: int = 4, now=None) -> int:
    """Delete dietary, accessibility and interpretation answers N weeks after a meeting.

    Idempotent: purged registrations are marked and skipped. Returns how many were purged.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(weeks=weeks)
    sensitive_keys = set(
        Question.objects.filter(sensitive=True).values_list("key", flat=True)
    ) | set(enums.SENSITIVE_KEYS)
    count = 0
    candidates = Registration.objects.filter(
        event__ends_at__lt=cutoff, sensitive_purged_at__isnull=True
    )
    for registration in candidates.iterator():
        registration.answers = {
            key: value for key, value in registration.answers.items() if key not in sensitive_keys
        }
        registration.interpretation_language = ""
        registration.accessibility_needs = []
        registration.sensitive_purged_at = now
        registration.save(
            update_fields=[
                "answers",
                "interpretation_language",
                "accessibility_needs",
                "sensitive_purged_at",
            ]
        )
        count += 1
    return count


def due_reminders(*, now=None, days_before: int = 2):
    now = now or timezone.now()
    return Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        email_normalised__isnull=False,
        event__starts_at__gt=now,
        event__starts_at__lte=now + timedelta(days=days_before),
    )


def queue_reminders(*, now=None, days_before: int = 2) -> int:
    """Enqueue the reminder of every confirmed person of a meeting within `days_before` days.

    Idempotent: the task sets `reminder_sent_at` and skips registrations that have it.
    """
    from . import tasks

    ids = list(due_reminders(now=now, days_before=days_before).values_list("pk", flat=True))
    for pk in ids:
        tasks.send_reminder.enqueue(pk)
    return len(ids)
