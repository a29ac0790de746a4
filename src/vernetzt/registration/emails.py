"""The emails of a registration, rendered in the registrant's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from vernetzt.core.translations import translated

from . import tickets


def _context(registration, **extra):
    return {
        "registration": registration,
        "event": registration.event,
        "manage_url": settings.SITE_URL + registration.get_absolute_url(),
        "event_url": settings.SITE_URL + registration.event.get_absolute_url(),
        **extra,
    }


def send_confirmation(registration, *, promoted: bool = False) -> None:
    """Confirmation (or waiting list) email with .ics and, once confirmed, the QR ticket."""
    with translation.override(registration.language):
        context = _context(registration, promoted=promoted)
        if promoted:
            subject = _("You have a place: %(title)s") % {
                "title": translated(registration.event, "title").text
            }
        elif registration.status == "confirmed":
            subject = _("Your registration: %(title)s") % {
                "title": translated(registration.event, "title").text
            }
        else:
            subject = _("You are on the waiting list: %(title)s") % {
                "title": translated(registration.event, "title").text
            }
        body = render_to_string("registration/email/confirmation.txt", context)
        message = EmailMultiAlternatives(subject, body, to=[registration.email])
        ics = tickets.event_ics(registration.event, registration=registration)
        message.attach("meeting.ics", ics, "text/calendar")
        if registration.status == "confirmed":
            message.attach("ticket.png", tickets.qr_png(registration.ticket_code), "image/png")
        message.send()


def send_reminder(registration) -> None:
    with translation.override(registration.language):
        context = _context(registration)
        subject = _("Reminder: %(title)s") % {"title": translated(registration.event, "title").text}
        body = render_to_string("registration/email/reminder.txt", context)
        message = EmailMultiAlternatives(subject, body, to=[registration.email])
        message.attach("ticket.png", tickets.qr_png(registration.ticket_code), "image/png")
        message.send()


def send_link(registration, *, reason: str = "resend") -> None:
    """The personal link: asked for again, or someone tried to register this email again."""
    with translation.override(registration.language):
        context = _context(registration, repeat=reason == "repeat")
        subject = _("Your personal link: %(title)s") % {
            "title": translated(registration.event, "title").text
        }
        body = render_to_string("registration/email/link.txt", context)
        EmailMultiAlternatives(subject, body, to=[registration.email]).send()


def send_cancellation(registration) -> None:
    """The registration is cancelled: says so, and where to register again while places last."""
    with translation.override(registration.language):
        context = _context(registration)
        subject = _("Registration cancelled: %(title)s") % {
            "title": translated(registration.event, "title").text
        }
        body = render_to_string("registration/email/cancelled.txt", context)
        EmailMultiAlternatives(subject, body, to=[registration.email]).send()
