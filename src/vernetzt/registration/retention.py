"""Retention: sensitive answers, and every copy of them, are deleted N weeks after a meeting.

"Sensitive" means the built-in questions on food, access and interpretation, and any question
of that meeting staff marked as sensitive. The copies: the registration's own fields
(`interpretation_language`, `accessibility_needs`) and whatever other apps keep, through the
`purge_sensitive_copies(registration_ids, event_ids)` hook (forums: assignment snapshots).
Run daily (`manage.py purge_sensitive_answers`); idempotent.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from vernetzt.events.models import Event

from .consents import purge_sensitive_copies, retention_weeks, sensitive_keys
from .models import Registration


def purge_sensitive_answers(*, weeks: int | None = None, now=None) -> int:
    """Delete the sensitive answers of meetings that ended more than `weeks` weeks ago.

    Registrations are marked (`sensitive_purged_at`) and skipped next time; the other apps'
    copies of those meetings are scrubbed on every run (cheap when there is nothing left).
    Returns how many registrations were purged.
    """
    now = now or timezone.now()
    weeks = retention_weeks() if weeks is None else weeks
    cutoff = now - timedelta(weeks=weeks)
    count = 0
    events = list(Event.objects.filter(ends_at__lt=cutoff))
    for event in events:
        keys = sensitive_keys(event)
        with transaction.atomic():
            for registration in Registration.objects.select_for_update().filter(
                event=event, sensitive_purged_at__isnull=True
            ):
                registration.answers = {
                    key: value
                    for key, value in (registration.answers or {}).items()
                    if key not in keys
                }
                registration.interpretation_language = ""
                registration.accessibility_needs = []
                registration.sensitive_purged_at = now
                registration.save(
                    update_fields=[
                        "answers",
                        "interpretation_language",
                        "accessibility_needs",
                        "sensitive_purged_at",
                    ]  # fmt: skip
                )
                count += 1
    if events:
        purge_sensitive_copies(event_ids=[event.pk for event in events])
    return count
