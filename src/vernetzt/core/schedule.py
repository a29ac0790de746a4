"""The one place of periodic work: every app lists its jobs, `manage.py run_scheduled` runs them.

An app's AppConfig may define `scheduled_jobs() -> list[Job]`. Every job is idempotent (a
second run does nothing new), so running the command more often than needed is harmless and
a missed run is caught up by the next. docs/operations.md lists the jobs and the cron line.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str  # unique, e.g. "registration.reminders"
    every_minutes: int  # at most this often
    run: Callable[[], object]  # returns a short summary (a count)
    description: str = ""


def all_jobs() -> list[Job]:
    jobs = []
    for app_config in apps.get_app_configs():
        contribute = getattr(app_config, "scheduled_jobs", None)
        if contribute:
            jobs.extend(contribute())
    return sorted(jobs, key=lambda job: job.name)


def run_due(*, force: bool = False, only: str = "") -> list[tuple[str, str]]:
    """Run every job that is due (or all with `force`); a failing job does not stop the rest."""
    results = []
    now = timezone.now().timestamp()
    for job in all_jobs():
        if only and job.name != only:
            continue
        key = f"vernetzt:schedule:{job.name}"
        last = cache.get(key)
        if not force and last is not None and now - last < job.every_minutes * 60 - 30:
            results.append((job.name, "not due"))
            continue
        try:
            summary = job.run()
        except Exception as error:  # noqa: BLE001 - one job's failure is logged, others run
            logger.exception("scheduled job %s failed", job.name)
            results.append((job.name, f"failed: {error}"))
            continue
        cache.set(key, now, timeout=None)
        results.append((job.name, str(summary)))
    return results
