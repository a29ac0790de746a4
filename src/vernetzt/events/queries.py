"""Reads of the events app used in more than one place."""

from django.db.models import Prefetch

from vernetzt.core.hooks import ask_apps

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
    for part in ask_apps("event_page_context", event):
        context.update(part)
    return context
