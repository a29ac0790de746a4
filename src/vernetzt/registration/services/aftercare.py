"""After and before the meeting: purge sensitive answers, queue reminders."""

from datetime import timedelta

from django.utils import timezone

from .. import enums
from ..models import Question, Registration


def purge_sensitive_answers(*, weeks: int = 4, now=None) -> int:
    """Delete dietary, accessibility and interpretation answers N weeks after a meeting.

    Idempotent: purged registrations are marked and skipped. Returns how many were purged.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(weeks=weeks)
    sensitive_keys = set(
        Question.objects.filter(sensitive=True).values_list("key", flat=True)
    ) | set(enums.SENSITIVE_KEYS)
    count = 0
    candidates = Registration.objects.filter(
        event__ends_at__lt=cutoff, sensitive_purged_at__isnull=True
    )
    for registration in candidates.iterator():
        registration.answers = {
            key: value for key, value in registration.answers.items() if key not in sensitive_keys
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
            ]
        )
        count += 1
    return count


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
    from .. import tasks

    ids = list(due_reminders(now=now, days_before=days_before).values_list("pk", flat=True))
    for pk in ids:
        tasks.send_reminder.enqueue(pk)
    return len(ids)
