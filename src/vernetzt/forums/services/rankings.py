"""Participants rank the forums of each time slot."""

from django.db import transaction
from django.utils.translation import gettext as _

from vernetzt.registration.models import Registration

from ..models import Forum, Ranking, Slot
from .setup import ForumError, get_setup


def set_rankings(*, registration: Registration, choices: dict) -> list[Ranking]:
    """Replace the registration's rankings of the given slots.

    `choices` maps slot ids to forum ids, best first (empty values are skipped). Raises
    ForumError when the choice is closed, the registration is cancelled, a forum belongs to
    another meeting or slot, or a forum is named twice.
    """
    event = registration.event
    setup = get_setup(event=event)
    if not setup.choice_open or setup.published_at:
        raise ForumError(_("The forum choice is closed. Please ask the team if you need a change."))
    if not registration.is_active:
        raise ForumError(_("This registration is cancelled."))
    slots = {slot.pk: slot for slot in Slot.objects.filter(event=event)}
    forums = {forum.pk: forum for forum in Forum.objects.filter(event=event)}
    rows = []
    for slot_id, forum_ids in choices.items():
        try:
            slot = slots[int(slot_id)]
        except (KeyError, TypeError, ValueError):
            raise ForumError(_("This time slot does not belong to this meeting.")) from None
        seen = set()
        rank = 0
        for raw in forum_ids:
            if raw in (None, ""):
                continue
            try:
                forum = forums[int(raw)]
            except (KeyError, TypeError, ValueError):
                raise ForumError(_("This forum does not belong to this meeting.")) from None
            if forum.slot_id != slot.pk:
                raise ForumError(
                    _("%(forum)s does not take place in %(slot)s.")
                    % {"forum": forum.title, "slot": slot.title}
                )
            if forum.pk in seen:
                raise ForumError(
                    _("You chose %(forum)s twice. Please choose each forum only once.")
                    % {"forum": forum.title}
                )
            seen.add(forum.pk)
            rank += 1
            rows.append(Ranking(registration=registration, slot=slot, forum=forum, rank=rank))
    with transaction.atomic():
        Ranking.objects.filter(
            registration=registration, slot_id__in=[int(s) for s in choices]
        ).delete()
        Ranking.objects.bulk_create(rows)
    return rows
