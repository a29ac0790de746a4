"""Writes of meetings: save a meeting, copy one (programme, questions, limits; dates shifted)."""

from datetime import datetime

from django.contrib.admin.utils import NestedObjects
from django.db import transaction
from django.utils import timezone

from vernetzt.core.hooks import ask_apps

from .models import Event, StagePerson


@transaction.atomic
def copy_event(*, source: Event, title: str, slug: str, starts_at: datetime) -> Event:
    """A new draft meeting like `source`, shifted so that it starts at `starts_at`.

    Copies venue, texts, capacity and limits, programme items with their people on stage.
    Other apps copy their parts through `AppConfig.copy_event_data(source, target, delta)`
    (registration: questions; forums: their forums). Raises IntegrityError for a used slug.
    """
    delta = starts_at - source.starts_at
    target = Event.objects.create(
        title=title,
        slug=slug,
        edition="",
        theme=source.theme,
        description=source.description,
        starts_at=source.starts_at + delta,
        ends_at=source.ends_at + delta,
        venue=source.venue,
        partners=source.partners,
        funders=source.funders,
        status=Event.Status.DRAFT,
        capacity=source.capacity,
        reserved_places=source.reserved_places,
        per_organisation_limit=source.per_organisation_limit,
        per_organisation_limit_until=(
            source.per_organisation_limit_until + delta
            if source.per_organisation_limit_until
            else None
        ),
        copied_from=source,
    )
    for item in source.programme_items.prefetch_related("stage_people"):
        people = list(item.stage_people.all())
        item.pk = None
        item.event = target
        item.starts_at += delta
        if item.ends_at:
            item.ends_at += delta
        item.save()
        for person in people:
            person.pk = None
            person.event = target
            person.programme_item = item
            person.save()
    for person in StagePerson.objects.filter(event=source, programme_item__isnull=True):
        person.pk = None
        person.event = target
        person.save()
    ask_apps("copy_event_data", source, target, delta)
    return target


@transaction.atomic
def save_event(*, form) -> Event:
    """Save the staff's meeting form (a new meeting or changes) and let other apps follow.

    Apps react through `AppConfig.event_saved(event, created=..., previous_capacity=...)`
    (registration: the built-in questions of a new meeting; more places move the waiting
    list up). The form must be valid.
    """
    created = form.instance._state.adding
    previous_capacity = (
        None
        if created
        else Event.objects.values_list("capacity", flat=True).get(pk=form.instance.pk)
    )
    event = form.save()
    ask_apps("event_saved", event, created=created, previous_capacity=previous_capacity)
    return event


def add_to_programme(*, event: Event, form):
    """Add a programme item or a person on stage (a valid ProgrammeItemForm or
    StagePersonForm) to the meeting."""
    entry = form.save(commit=False)
    entry.event = event
    entry.save()
    return entry


def next_meeting():
    """The next published meeting that has not ended (for the home page), or None."""
    return (
        Event.objects.filter(status__in=Event.VISIBLE_STATUSES, ends_at__gte=timezone.now())
        .exclude(status=Event.Status.PAST)
        .select_related("venue")
        .order_by("starts_at")
        .first()
    )


def deletion_preview(obj) -> list[tuple[str, int]]:
    """What deleting `obj` takes with it: (plural name, count) per kind of object, without
    `obj` itself. Uses Django's own collector, so every cascade of every app is counted."""
    collector = NestedObjects(using="default")
    collector.collect([obj])
    rows = []
    for model, objects in collector.model_objs.items():
        count = len(objects) - (1 if model is type(obj) else 0)
        if count:
            rows.append((str(model._meta.verbose_name_plural), count))
    return sorted(rows)
