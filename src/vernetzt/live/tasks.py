"""Seating plans in the background: the solver may take up to its time limit (20 s), longer
than a web request should wait. With the `immediate` backend (laptop, tests) it runs at once."""

import logging

from django.contrib.auth import get_user_model
from django_tasks import task

from vernetzt.events.models import Event

from . import networking

logger = logging.getLogger(__name__)


@task()
def make_plan(
    event_id: int, who: str, table_size: int, rounds: int, title: str, user_id: int | None
) -> int | None:
    """Compute and store a seating plan; returns its id, or None if it could not be made."""
    event = Event.objects.get(pk=event_id)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        plan = networking.create_plan(
            event=event, who=who, table_size=table_size, rounds=rounds, title=title, user=user
        )
    except networking.PlanError as error:
        logger.warning("seating plan for %s failed: %s", event.slug, error)
        return None
    return plan.pk
