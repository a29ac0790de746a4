"""Reads of the registration app (no writes here)."""

from collections import defaultdict

from django.apps import apps
from django.db.models import Count, Q

from vernetzt.events.models import Event

from .models import Registration


def places_left(event: Event) -> int:
    """Public places still free (reserved places and registrations not counted)."""
    confirmed = Registration.objects.filter(
        event=event, status=Registration.Status.CONFIRMED, is_reserved=False
    ).count()
    return max(0, event.capacity - confirmed)


def get_by_token(*, slug: str, token: str) -> Registration | None:
    """The registration of a personal link, or None (wrong, forged or other meeting)."""
    if not token or len(token) > 64 or "\x00" in token:
        return None
    return (
        Registration.objects.select_related("event", "event__venue", "organisation")
        .filter(event__slug=slug, manage_token=token)
        .first()
    )


def counts(event: Event) -> dict:
    return Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status="confirmed")),
        waiting=Count("pk", filter=Q(status="waiting")),
        cancelled=Count("pk", filter=Q(status="cancelled")),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False, status="confirmed")),
        reserved=Count("pk", filter=Q(status="confirmed", is_reserved=True)),
    )


def badge_lines(event: Event) -> dict[int, list[str]]:
    """Extra lines for the name badges, by registration id, from other apps.

    An app config may define `badge_lines(event) -> {registration_id: text}` (live: the
    networking tables). One call per app for the whole meeting, not one per badge.
    """
    lines: dict[int, list[str]] = defaultdict(list)
    for app_config in apps.get_app_configs():
        contribute = getattr(app_config, "badge_lines", None)
        if contribute:
            for registration_id, text in contribute(event).items():
                lines[registration_id].append(text)
    return lines
