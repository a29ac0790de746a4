"""Shared parts of the registration services: errors, the event lock, email normalising."""

from dataclasses import dataclass, field

from vernetzt.events.models import Event

from ..models import Registration

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
