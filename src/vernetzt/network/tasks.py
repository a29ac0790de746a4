"""Background work of the network (thin: call a service)."""

from django_tasks import task

from . import services


@task()
def notify_matches() -> int:
    """Tell requesting associations about new fitting offers (at most once a day each)."""
    return services.notify_matches()
