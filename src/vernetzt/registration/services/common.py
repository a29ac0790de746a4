"""Shared parts of the registration services: errors, the event lock, email normalising."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from vernetzt.events.models import Event

from ..models import Registration

MAX_TEXT_ANSWER = 2000


class RegistrationError(Exception):
    """A registration cannot be made or changed; `errors` maps field names to messages."""

    def __init__(self, errors: dict[str, list[str]] | str):
        if isinstance(errors, str):
            errors = {"__all__": [errors]}
        self.errors = errors
        super().__init__("; ".join(m for messages in errors.values() for m in messages))


class AlreadyRegistered(RegistrationError):
    """The email is already registered for this meeting (told to staff, never to the public)."""

    def __init__(self):
        super().__init__(
            {"email": [_("This email address is already registered for this meeting.")]}
        )


class CheckInError(Exception):
    """A ticket or person cannot be checked in (unknown, other meeting, cancelled, waiting)."""


@dataclass
class CheckInResult:
    registration: Registration
    already: bool = False
    messages: list[str] = field(default_factory=list)


class MeetingOver(RegistrationError):
    """The person tried to change or cancel their registration after the meeting."""

    def __init__(self):
        super().__init__(
            _(
                "The meeting is over: a registration can no longer be changed or cancelled. "
                "Your answers about food and access are deleted some weeks after the meeting."
            )
        )


def refuse_after_meeting(registration: Registration) -> None:
    """Raise MeetingOver once the meeting has ended (`Event.is_over`): from then on the
    person can no longer edit or cancel their registration (staff still can)."""
    if registration.event.is_over:
        raise MeetingOver()


def normalise_email(email: str | None) -> str | None:
    email = (email or "").strip().lower()
    return email or None


def lock_event(event: Event) -> Event:
    """The meeting's row, locked until the end of the transaction (every count of places)."""
    return Event.objects.select_for_update().get(pk=event.pk)
