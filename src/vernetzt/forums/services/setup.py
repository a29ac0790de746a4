"""The forum set-up of a meeting: the error every forum write raises, settings, copying."""

from vernetzt.events.models import Event

from ..models import ForumSetup, Slot


class ForumError(Exception):
    """A forum action is refused; the message is for the user."""


def get_setup(*, event: Event) -> ForumSetup:
    setup, _created = ForumSetup.objects.get_or_create(event=event)
    return setup


def copy_forums(*, source: Event, target: Event, delta) -> int:
    """Copy slots, forums (title, room, capacity, languages, host associations) and the
    limit per association to a copied meeting; times move by `delta`. Returns the forums."""
    setup = ForumSetup.objects.filter(event=source).first()
    if setup:
        ForumSetup.objects.update_or_create(
            event=target, defaults={"max_per_organisation": setup.max_per_organisation}
        )
    count = 0
    for slot in Slot.objects.filter(event=source).prefetch_related("forums"):
        forums = list(slot.forums.all())
        slot.pk = None
        slot.event = target
        slot.starts_at = slot.starts_at + delta if slot.starts_at else None
        slot.ends_at = slot.ends_at + delta if slot.ends_at else None
        slot.save()
        for forum in forums:
            organisations = list(forum.host_organisations.all())
            forum.pk = None
            forum.event = target
            forum.slot = slot
            forum.save()
            forum.host_organisations.set(organisations)
            count += 1
    return count


def set_choice_open(*, event: Event, is_open: bool) -> ForumSetup:
    """Open or close the participants' forum choice."""
    setup = get_setup(event=event)
    setup.choice_open = is_open
    setup.save(update_fields=["choice_open"])
    return setup
