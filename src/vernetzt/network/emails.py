"""Emails of the network, each rendered in its recipient's language."""

from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from vernetzt.directory.models import Membership

from . import ics
from .models import Booking


def recipients(organisation_id) -> list:
    """The people of an association: its admins, else all its members."""
    people = list(
        Membership.objects.filter(organisation_id=organisation_id)
        .select_related("user")
        .order_by("role", "user__email")
    )
    admins = [m.user for m in people if m.role == Membership.Role.ADMIN and m.user.is_active]
    return admins or [m.user for m in people if m.user.is_active]


def _send(users, subject_fn, template, context, attach_ics=None):
    for user in users:
        with translation.override(user.language or settings.LANGUAGE_CODE):
            body = render_to_string(template, {**context, "recipient": user})
            message = EmailMultiAlternatives(str(subject_fn()), body, to=[user.email])
            if attach_ics is not None:
                message.attach("booking.ics", attach_ics, "text/calendar")
            message.send()


def _booking(pk) -> Booking | None:
    return (
        Booking.objects.select_related("listing__organisation", "organisation", "requested_by")
        .filter(pk=pk)
        .first()
    )


def _people(booking):
    borrower = recipients(booking.organisation_id)
    if booking.requested_by and booking.requested_by not in borrower:
        borrower = [booking.requested_by, *borrower]
    return recipients(booking.listing.organisation_id), borrower


def _context(booking):
    return {
        "booking": booking,
        "listing": booking.listing,
        "url": settings.SITE_URL + booking.get_absolute_url(),
    }


def _notify(pk, messages, with_calendar=True) -> None:
    """Send each of `messages` about booking `pk`: (to whom, subject, template), "owners" or
    "borrowers", the subject a function of the booking called in the recipient's language."""
    booking = _booking(pk)
    if booking is None:
        return
    owners, borrowers = _people(booking)
    people = {"owners": owners, "borrowers": borrowers}
    confirmed = booking.status == "confirmed"
    attachment = ics.booking_ics(booking) if with_calendar and confirmed else None
    for who, subject, template in messages:
        _send(people[who], partial(subject, booking), template, _context(booking), attachment)


def _title(booking) -> dict:
    return {"title": booking.listing.title}


def _made_owner(booking) -> str:
    if booking.status == "confirmed":
        return _("New booking of %(title)s") % _title(booking)
    return _("Booking request for %(title)s") % _title(booking)


def _made_borrower(booking) -> str:
    if booking.status == "confirmed":
        return _("Booked: %(title)s") % _title(booking)
    return _("Your request for %(title)s was sent") % _title(booking)


def _decided(booking) -> str:
    if booking.status == "confirmed":
        return _("Confirmed: %(title)s") % _title(booking)
    return _("Declined: %(title)s") % _title(booking)


def _cancelled(booking) -> str:
    return _("Cancelled: %(title)s") % _title(booking)


def send_booking_made(pk) -> None:
    _notify(
        pk,
        [
            ("owners", _made_owner, "network/email/booking_owner.txt"),
            ("borrowers", _made_borrower, "network/email/booking_borrower.txt"),
        ],
    )


def send_booking_decided(pk) -> None:
    template = "network/email/booking_decided.txt"
    _notify(pk, [("borrowers", _decided, template), ("owners", _decided, template)])


def send_booking_cancelled(pk) -> None:
    template = "network/email/booking_cancelled.txt"
    _notify(
        pk,
        [("owners", _cancelled, template), ("borrowers", _cancelled, template)],
        with_calendar=False,
    )


def send_matches(organisation_id, pairs) -> int:
    """One email to an association: new offers that fit its open requests. Returns count."""
    people = recipients(organisation_id)
    context = {
        "pairs": pairs,
        "site": settings.SITE_URL,
    }
    _send(
        people,
        lambda: _("New offers in the network fit your request"),
        "network/email/matches.txt",
        context,
    )
    return len(people)
