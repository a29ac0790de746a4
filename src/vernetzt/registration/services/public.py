"""The public way in: a registration request that never tells whether an email is known.

A request for an email that is already registered answers like a new registration; the
registrant gets an email with their personal link instead ("someone asked to register
you"). "Send me my link again" works the same way. Neither answer contains a personal link:
the link only ever goes to the email address.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

from vernetzt.core.background import tasks_of
from vernetzt.directory.models import Organisation
from vernetzt.events.models import Event

from ..models import Registration
from .common import AlreadyRegistered, normalise_email
from .register import create_pending_organisation, register_participant

LINK_EMAIL_EVERY = 10 * 60  # seconds: at most one link email per registration in that time


@dataclass
class RequestOutcome:
    """What happened (for the server's own use; the answer to the client is the same)."""

    registration: Registration | None  # the registration this request created or repeated
    created: bool
    already_registered: bool = False
    existing_id: int | None = None  # the earlier registration of the same email (not shown)


def _send_link(registration: Registration, reason: str) -> bool:
    tasks = tasks_of("registration")
    if not registration.email or not cache.add(
        f"registration:link-email:{registration.pk}", 1, LINK_EMAIL_EVERY
    ):
        return False
    pk = registration.pk
    transaction.on_commit(lambda: tasks.send_link.enqueue(pk, reason))
    return True


def request_registration(
    *,
    event: Event,
    first_name: str,
    last_name: str,
    email: str,
    organisation: Organisation | None = None,
    new_organisation: str = "",
    language: str = "de",
    answers: dict | None = None,
    pronouns: str = "",
    consents=(),
    idempotency_key: str | None = None,
    user=None,
) -> RequestOutcome:
    """A registration from the public form or API (see `register_participant`).

    `new_organisation` creates a pending association entry in the same transaction. An
    already registered email raises nothing: the existing registrant gets their link by email
    (at most once in 10 minutes) and the outcome has `already_registered=True`. Raises
    RegistrationError for invalid input, a closed meeting or a full association.
    """
    try:
        with transaction.atomic():
            if organisation is None and (new_organisation or "").strip():
                organisation = create_pending_organisation(name=new_organisation)
            registration, created = register_participant(
                event=event,
                first_name=first_name,
                last_name=last_name,
                email=email,
                organisation=organisation,
                language=language,
                answers=answers,
                pronouns=pronouns,
                consents=consents,
                idempotency_key=idempotency_key,
                user=user,
            )
    except AlreadyRegistered:
        existing = _active(event, email)
        if existing is not None:
            with transaction.atomic():
                _send_link(existing, "repeat")
        return RequestOutcome(
            registration=None,
            created=False,
            already_registered=True,
            existing_id=existing.pk if existing is not None else None,
        )
    return RequestOutcome(registration=registration, created=created)


def _active(event: Event, email: str | None) -> Registration | None:
    email_norm = normalise_email(email)
    if not email_norm:
        return None
    return Registration.objects.filter(
        event=event, email_normalised=email_norm, status__in=Registration.ACTIVE_STATUSES
    ).first()


def resend_link(*, event: Event, email: str) -> None:
    """ "Send me my link again": emails the personal link if the address is registered.

    Says nothing either way (the caller shows the same message); at most one email per
    registration in 10 minutes.
    """
    registration = _active(event, (email or "")[:254])
    if registration is not None:
        with transaction.atomic():
            _send_link(registration, "resend")
