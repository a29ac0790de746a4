"""Writes of bookings: request (or book instantly), approve, decline, cancel, feedback.

Never a double booking: every write that can confirm a booking locks the offer's row
(`_lock_listing`, `select_for_update`) inside one transaction before it looks for an
overlapping confirmed booking; a second booking of the same slot waits for the first and then
sees it. On PostgreSQL the exclusion constraint `booking_no_overlap` refuses an overlap even
if a check were skipped; on SQLite the settings open IMMEDIATE transactions, which serialise
writers the same way. Emails go out after the commit.
"""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vernetzt.directory.models import Membership, Organisation

from . import availability, emails
from .enums import BookingMode, BookingStatus
from .models import Booking, Feedback, Listing, OrganisationFeed

MAX_MESSAGE = 2000


class BookingError(Exception):
    """A booking cannot be made or changed; `errors` maps field names to messages."""

    def __init__(self, errors: dict[str, list[str]] | str):
        if isinstance(errors, str):
            errors = {"__all__": [errors]}
        self.errors = errors
        super().__init__("; ".join(m for messages in errors.values() for m in messages))


class SlotTaken(BookingError):
    """The slot overlaps a confirmed booking; `next_free` is (start, end) or None."""

    def __init__(self, next_free):
        self.next_free = next_free
        if next_free:
            start = availability.to_local(next_free[0])
            text = _("This time is already booked. The next free time is %(when)s.") % {
                "when": f"{start:%d.%m.%Y %H:%M}"
            }
        else:
            text = _("This time is already booked, and there is no free time in the next weeks.")
        super().__init__({"start": [text]})


def _lock_listing(listing_id: int) -> Listing:
    """Lock the offer's row until the end of the transaction (the booking guard)."""
    return Listing.objects.select_for_update().get(pk=listing_id)


def _overlapping(listing: Listing, start: datetime, end: datetime) -> bool:
    return Booking.objects.filter(
        listing=listing, status=BookingStatus.CONFIRMED, start__lt=end, end__gt=start
    ).exists()


def _is_member(user, organisation_id) -> bool:
    return bool(
        user
        and user.is_authenticated
        and Membership.objects.filter(user=user, organisation_id=organisation_id).exists()
    )


def validate_times(listing: Listing, start, end) -> dict[str, list[str]]:
    """The checks of a booking's time that need no lock; {} when all is well."""
    errors: dict[str, list[str]] = {}
    if not isinstance(start, datetime):
        errors["start"] = [_("Please give a start date and time.")]
    if not isinstance(end, datetime):
        errors["end"] = [_("Please give an end date and time.")]
    if errors:
        return errors
    start, end = availability.to_local(start), availability.to_local(end)
    if end <= start:
        return {"end": [_("The end must be after the start.")]}
    if start < timezone.now():
        return {"start": [_("This time is in the past. Please choose a time from now on.")]}
    if start.utcoffset() != end.utcoffset():
        return {
            "end": [
                _(
                    "The clocks change during this time (summer or winter time). "
                    "Please book up to the change and from it on separately."
                )
            ]
        }
    if (start.minute, start.second, start.microsecond) != (0, 0, 0) or (
        end.minute,
        end.second,
        end.microsecond,
    ) != (0, 0, 0):
        return {"start": [_("Bookings are made in whole hours (for example 14:00 to 16:00).")]}
    hours = (end - start) / timedelta(hours=1)
    if hours > listing.max_hours:
        return {
            "end": [
                _("This offer can be booked for at most %(hours)s hours at a time.")
                % {"hours": listing.max_hours}
            ]
        }
    if not availability.within_opening(listing, start, end):
        return {
            "start": [
                _("The offer is not available at this time. Please choose a free time shown.")
            ]
        }
    return {}


def request_booking(
    *,
    listing: Listing,
    organisation_id,
    user,
    start,
    end,
    message: str = "",
) -> Booking:
    """Book `listing` for the borrowing association (instant) or ask the owner (approval).

    Raises BookingError (errors by field) for bad input and SlotTaken (with the next free
    slot) when a confirmed booking overlaps. Sends emails to both sides after the commit.
    """
    errors: dict[str, list[str]] = {}
    if not listing.is_bookable or not listing.is_active:
        raise BookingError(_("This offer cannot be booked."))
    try:
        organisation_id = int(organisation_id)
    except (TypeError, ValueError):
        organisation_id = 0
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None or not _is_member(user, organisation_id):
        errors["organisation"] = [_("You can only book for an association you are a member of.")]
    elif organisation.pk == listing.organisation_id:
        errors["organisation"] = [_("This is an offer of your own association.")]
    message = (message or "").strip()
    if len(message) > MAX_MESSAGE:
        errors["message"] = [
            _("The message is too long: at most %(max)s characters.") % {"max": MAX_MESSAGE}
        ]
    errors.update(validate_times(listing, start, end))
    if errors:
        raise BookingError(errors)
    start, end = availability.to_local(start), availability.to_local(end)
    instant = listing.booking_mode == BookingMode.INSTANT
    try:
        with transaction.atomic():
            locked = _lock_listing(listing.pk)
            if _overlapping(locked, start, end):
                raise SlotTaken(None)
            booking = Booking.objects.create(
                listing=locked,
                organisation=organisation,
                requested_by=user,
                start=start,
                end=end,
                message=message,
                status=BookingStatus.CONFIRMED if instant else BookingStatus.REQUESTED,
                decided_at=timezone.now() if instant else None,
            )
            # The borrower's calendar feed exists from its first booking on.
            OrganisationFeed.objects.get_or_create(organisation=organisation)
            transaction.on_commit(lambda: emails.send_booking_made(booking.pk))
    except (SlotTaken, IntegrityError) as error:
        raise SlotTaken(availability.next_free(listing, start, end)) from error
    return booking


def _lock_booking(booking: Booking) -> tuple[Listing, Booking]:
    listing = _lock_listing(booking.listing_id)
    return listing, Booking.objects.select_for_update().get(pk=booking.pk)


def _check_answer(text: str, field: str = "answer") -> str:
    text = (text or "").strip()
    if len(text) > MAX_MESSAGE:
        raise BookingError(
            {field: [_("The text is too long: at most %(max)s characters.") % {"max": MAX_MESSAGE}]}
        )
    return text


def approve_booking(*, booking: Booking, answer: str = "") -> Booking:
    """The owner confirms a requested booking. Raises SlotTaken if the time is gone."""
    answer = _check_answer(answer)
    try:
        with transaction.atomic():
            listing, current = _lock_booking(booking)
            if current.status != BookingStatus.REQUESTED:
                raise BookingError(_("This booking has already been decided."))
            if _overlapping(listing, current.start, current.end):
                raise SlotTaken(None)
            current.status = BookingStatus.CONFIRMED
            current.answer = answer
            current.decided_at = timezone.now()
            current.save(update_fields=["status", "answer", "decided_at"])
            transaction.on_commit(lambda: emails.send_booking_decided(current.pk))
    except (SlotTaken, IntegrityError) as error:
        raise SlotTaken(
            availability.next_free(booking.listing, booking.start, booking.end)
        ) from error
    return current


def decline_booking(*, booking: Booking, answer: str = "") -> Booking:
    answer = _check_answer(answer)
    with transaction.atomic():
        _listing, current = _lock_booking(booking)
        if current.status != BookingStatus.REQUESTED:
            raise BookingError(_("This booking has already been decided."))
        current.status = BookingStatus.DECLINED
        current.answer = answer
        current.decided_at = timezone.now()
        current.save(update_fields=["status", "answer", "decided_at"])
        transaction.on_commit(lambda: emails.send_booking_decided(current.pk))
    return current


def cancel_booking(*, booking: Booking, by_organisation_id: int | None, reason: str) -> Booking:
    """Either side cancels a requested or confirmed booking, with a reason (required)."""
    reason = _check_answer(reason, "reason")
    if not reason:
        raise BookingError({"reason": [_("Please say why you cancel.")]})
    with transaction.atomic():
        _listing, current = _lock_booking(booking)
        if current.status not in (BookingStatus.REQUESTED, BookingStatus.CONFIRMED):
            raise BookingError(_("This booking is no longer active."))
        if current.end <= timezone.now():
            raise BookingError(_("This booking is over and cannot be cancelled."))
        current.status = BookingStatus.CANCELLED
        current.cancel_reason = reason
        current.cancelled_by_id = by_organisation_id
        current.save(update_fields=["status", "cancel_reason", "cancelled_by"])
        transaction.on_commit(lambda: emails.send_booking_cancelled(current.pk))
    return current


def give_feedback(*, booking: Booking, organisation_id: int, went_well: bool, comment: str = ""):
    """One side says whether the loan went well; once per side (a repeat changes the answer)."""
    comment = _check_answer(comment, "comment")
    if booking.status != BookingStatus.CONFIRMED or booking.end > timezone.now():
        raise BookingError(_("Feedback is possible after a confirmed booking has ended."))
    if organisation_id not in (booking.organisation_id, booking.listing.organisation_id):
        raise BookingError(_("Only the two associations of a booking can give feedback."))
    feedback, _created = Feedback.objects.update_or_create(
        booking=booking,
        organisation_id=organisation_id,
        defaults={"went_well": went_well, "comment": comment},
    )
    return feedback
