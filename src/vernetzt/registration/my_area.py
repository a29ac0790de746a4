"""The registrations part of "Mein Bereich" (through `AppConfig.my_area_sections`)."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .models import Registration


def registrations_of_user(user):
    """The person's registrations: linked to the account, or made with its (verified) email."""
    email = (user.email or "").strip().lower()
    return (
        Registration.objects.filter(Q(user=user) | Q(email_normalised=email))
        .select_related("event", "organisation")
        .order_by("-event__starts_at")
    )


def sections(request) -> list[dict]:
    now = timezone.now()
    rows = []
    for registration in registrations_of_user(request.user):
        event = registration.event
        certificate = None
        if registration.checked_in_at and event.starts_at <= now:
            certificate = reverse(
                "registration:certificate",
                kwargs={"slug": event.slug, "token": registration.manage_token},
            )
        ticket = None
        if registration.status == Registration.Status.CONFIRMED and event.ends_at >= now:
            ticket = reverse(
                "registration:ticket_pdf",
                kwargs={"slug": event.slug, "token": registration.manage_token},
            )
        rows.append(
            {
                "registration": registration,
                "event": event,
                "upcoming": event.ends_at >= now,
                "ticket": ticket,
                "certificate": certificate,
            }
        )
    return [{"template": "registration/_my_area.html", "order": 10, "rows": rows}]
