"""Writes of the registration app: register, cancel, promote, move, check in, purge.

Every function that touches places takes a row lock on the event (`select_for_update`)
before it counts, inside one transaction: two registrations for the last place queue on
that lock, so the second sees the first and goes to the waiting list. On SQLite the
settings open IMMEDIATE transactions, which serialise writers the same way.

The modules: `common` (errors, the lock), `answers` (questions and input checks),
`register` (register, update), `public` (the public request that answers alike for known
and new emails, "send my link again"), `places` (cancel, promote, move), `checkin`,
`aftercare`.
"""

from .aftercare import due_reminders, purge_sensitive_answers, queue_reminders
from .answers import clean_answers, ensure_builtin_questions
from .checkin import check_in, undo_check_in
from .common import (
    MAX_TEXT_ANSWER,
    AlreadyRegistered,
    CheckInError,
    CheckInResult,
    MeetingOver,
    RegistrationError,
    normalise_email,
)
from .places import cancel_own_registration, cancel_registration, move_registration, promote_waiting
from .public import RequestOutcome, request_registration, resend_link
from .register import create_pending_organisation, register_participant, update_registration

__all__ = [
    "MAX_TEXT_ANSWER",
    "AlreadyRegistered",
    "RequestOutcome",
    "request_registration",
    "resend_link",
    "CheckInError",
    "CheckInResult",
    "RegistrationError",
    "MeetingOver",
    "cancel_own_registration",
    "cancel_registration",
    "check_in",
    "clean_answers",
    "create_pending_organisation",
    "due_reminders",
    "ensure_builtin_questions",
    "move_registration",
    "normalise_email",
    "promote_waiting",
    "purge_sensitive_answers",
    "queue_reminders",
    "register_participant",
    "undo_check_in",
    "update_registration",
]
