"""Register a person and change a registration."""

import hashlib
import json

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from vernetzt.core.background import tasks_of
from vernetzt.directory.models import Organisation
from vernetzt.events.models import Event

from ..consents import record_consents
from ..models import Registration
from . import common
from .answers import _check_names, _denormalise, clean_answers
from .common import AlreadyRegistered, RegistrationError, normalise_email, refuse_after_meeting


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


def request_fingerprint(
    *, key: str, email, first_name, last_name, organisation, language, answers, pronouns
) -> str:
    """The stored form of an idempotency key: a hash of the key, the email and the payload."""
    payload = {
        "key": key[:200],
        "email": email,
        "first_name": (first_name or "").strip(),
        "last_name": (last_name or "").strip(),
        "organisation": getattr(organisation, "pk", None),
        "language": language,
        "answers": answers,
        "pronouns": (pronouns or "").strip(),
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


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
    consents: tuple[str, ...] | set[str] = (),
) -> tuple[Registration, bool]:
    """Register one person: confirmed if a place is free, else on the waiting list.

    Returns (registration, created). A repeat with the same idempotency key, the same email
    and the same payload returns the first registration with created=False; a different
    email or payload with that key is a new request. Locks the event row, counts, inserts, and
    enqueues the confirmation email after commit. `by_staff` allows registering without an
    email and while registration is closed; `reserved` uses the reserved places (staff).
    Raises RegistrationError (per-field messages) when closed, full for the association or
    the input is invalid, AlreadyRegistered (a RegistrationError) for an email already
    registered; nothing is saved then. Public callers use `request_registration`, which
    answers an already registered email like a new registration.
    """
    tasks = tasks_of("registration")
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
        # The key alone is no credential: it counts only with the same email and payload.
        idempotency_key = request_fingerprint(
            key=idempotency_key,
            email=email_norm,
            first_name=first_name,
            last_name=last_name,
            organisation=organisation,
            language=language,
            answers=cleaned,
            pronouns=pronouns,
        )
        existing = Registration.objects.filter(event=event, idempotency_key=idempotency_key).first()
        if existing:
            return existing, False
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
        raise AlreadyRegistered()
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
            locked = common.lock_event(event)
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
            registration.event = locked
            registration.status = status
            registration.waiting_position = position
            if status == Registration.Status.CONFIRMED:
                registration.confirmed_at = timezone.now()
            registration.save()
            if consents:  # recorded with the answers they cover, in the same transaction
                record_consents(registration=registration, purposes=consents, language=language)
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
        raise AlreadyRegistered() from None
    return registration, True


def update_registration(
    *, registration: Registration, data: dict, by_staff: bool = False, consents=()
) -> Registration:
    """Change names, pronouns, language and answers (staff also email and association);
    records the `consents` given with new sensitive answers.

    Raises RegistrationError for invalid input, MeetingOver when the person (not staff)
    changes it after the meeting; nothing is saved then.
    """
    if not by_staff:
        refuse_after_meeting(registration)
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
        if consents:
            record_consents(
                registration=registration, purposes=consents, language=registration.language
            )
    return registration
