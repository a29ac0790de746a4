"""Reads of the events app used in more than one place."""

from django.apps import apps
from django.db.models import Prefetch

from .models import Event, ProgrammeItem, StagePerson


def programme(event: Event):
    """The meeting's programme items with their people on stage (organisation loaded)."""
    return ProgrammeItem.objects.filter(event=event).prefetch_related(
        Prefetch(
            "stage_people",
            queryset=StagePerson.objects.select_related("organisation").order_by("position", "id"),
        )
    )


def page_context(event: Event) -> dict:
    """What other apps add to the public page of a meeting (`AppConfig.event_page_context`)."""
    context = {}
    for app_config in apps.get_app_configs():
        hook = getattr(app_config, "event_page_context", None)
        if hook:
            context.update(hook(event))
    return context
