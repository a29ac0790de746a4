"""Check-in at the door, safe with several devices at once."""

from django.utils import timezone
from django.utils.translation import gettext as _

from vernetzt.events.models import Event

from ..models import Registration
from .common import CheckInError, CheckInResult


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
