"""Tickets: the QR code (segno) and the calendar file (icalendar, RFC 5545)."""

import io

import segno
from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from vernetzt.core.translations import translated


def qr_svg(code: str, *, scale: int = 6) -> str:
    """The ticket code as an SVG QR code (no XML declaration, for inline use)."""
    buffer = io.BytesIO()
    segno.make(code, error="m").save(buffer, kind="svg", scale=scale, xmldecl=False, svgns=True)
    return buffer.getvalue().decode()


def qr_png(code: str, *, scale: int = 8) -> bytes:
    buffer = io.BytesIO()
    segno.make(code, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def qr_png_data_uri(code: str, *, scale: int = 3) -> str:
    """A small PNG as data URI: WeasyPrint draws PNGs much faster than SVGs."""
    return segno.make(code, error="m").png_data_uri(scale=scale, border=1)


def qr_data_uri(code: str, *, scale: int = 4) -> str:
    return segno.make(code, error="m").svg_data_uri(scale=scale)


def event_ics(event, *, registration=None) -> bytes:
    """A calendar file with the meeting (one VEVENT; UID stable per meeting)."""
    calendar = Calendar()
    calendar.add("prodid", "-//vernetzt//registration//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    item = CalendarEvent()
    item.add("uid", f"event-{event.pk}@vernetzt")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("summary", translated(event, "title").text)
    if event.venue_id:
        item.add("location", f"{event.venue.name}, {event.venue.address}".replace("\n", ", "))
    description = event.theme or ""
    if registration is not None:
        description += f"\n\n{settings.SITE_URL}{registration.get_absolute_url()}"
    item.add("description", description.strip())
    item.add("url", f"{settings.SITE_URL}{event.get_absolute_url()}")
    calendar.add_component(item)
    return calendar.to_ical()
