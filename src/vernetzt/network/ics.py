"""Calendar files (.ics) of bookings: one booking, an offer's feed, a borrower's feed."""

from django.conf import settings
from icalendar import Calendar, Event

from .models import Booking


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//vernetzt//network//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(booking: Booking, *, with_names: bool) -> Event:
    event = Event()
    event.add("uid", f"booking-{booking.pk}@vernetzt")
    event.add("dtstamp", booking.decided_at or booking.created_at)
    event.add("dtstart", booking.start)
    event.add("dtend", booking.end)
    listing = booking.listing
    summary = listing.title
    if with_names:
        summary = f"{listing.title} – {booking.organisation.name}"
        event.add("description", f"{listing.organisation.name} → {booking.organisation.name}")
    event.add("summary", summary)
    if listing.municipality_id:
        event.add("location", listing.municipality.name)
    event.add("url", settings.SITE_URL + listing.get_absolute_url())
    return event


def booking_ics(booking: Booking) -> bytes:
    calendar = _calendar(booking.listing.title)
    calendar.add_component(_event(booking, with_names=True))
    return calendar.to_ical()


def feed_ics(name: str, bookings) -> bytes:
    calendar = _calendar(name)
    for booking in bookings:
        calendar.add_component(_event(booking, with_names=True))
    return calendar.to_ical()
