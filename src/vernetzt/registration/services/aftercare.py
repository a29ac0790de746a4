"""After and before the meeting: purge sensitive answers, queue reminders."""

from datetime import timedelta

from django.utils import timezone

from vernetzt.core.background import tasks_of

from ..models import Registration
from ..retention import purge_sensitive_answers as purge


def purge_sensitive_answers(*, weeks: int = 4, now=None) -> int:
    """Delete sensitive answers and every copy N weeks after a meeting (see `retention`)."""
    return purge(weeks=weeks, now=now)


def due_reminders(*, now=None, days_before: int = 2):
    now = now or timezone.now()
    return Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        email_normalised__isnull=False,
        event__starts_at__gt=now,
        event__starts_at__lte=now + timedelta(days=days_before),
    )


def queue_reminders(*, now=None, days_before: int = 2) -> int:
    """Enqueue the reminder of every confirmed person of a meeting within `days_before` days.

    Idempotent: the task sets `reminder_sent_at` and skips registrations that have it.
    """
    tasks = tasks_of("registration")
    ids = list(due_reminders(now=now, days_before=days_before).values_list("pk", flat=True))
    for pk in ids:
        tasks.send_reminder.enqueue(pk)
    return len(ids)
