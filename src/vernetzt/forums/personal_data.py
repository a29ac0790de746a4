"""What the forums hold about a person, its erasure, and the purge of snapshot needs.

An assignment run keeps its input (`AssignmentRun.instance`) as a snapshot: per participant
the step-free need and the interpretation language, copies of sensitive answers. They are
scrubbed with the answers (retention purge) and when the person is erased.
"""

from vernetzt.core.personal_data import delete_task_rows, first_argument_in

from . import tasks
from .assignment import participant_key
from .models import AssignmentRun, Placement, Ranking, Support


def scrub_snapshots(*, registration_ids=None, event_ids=None) -> int:
    """Remove step-free needs and interpretation languages from assignment snapshots.

    Of the given registrations (erasure) or of every participant of the given meetings
    (retention purge). Returns how many runs changed. The forums chosen and placed stay.
    """
    runs = AssignmentRun.objects.all()
    if event_ids is not None:
        runs = runs.filter(event_id__in=event_ids)
    keys = None if registration_ids is None else {participant_key(pk) for pk in registration_ids}
    changed = 0
    for run in runs.only("pk", "instance"):
        instance = run.instance or {}
        dirty = False
        for participant in instance.get("participants") or []:
            if keys is not None and participant.get("id") not in keys:
                continue
            if participant.get("needs_step_free") or participant.get("interpretation"):
                participant["needs_step_free"] = False
                participant["interpretation"] = None
                dirty = True
        if dirty:
            AssignmentRun.objects.filter(pk=run.pk).update(instance=instance)
            changed += 1
    return changed


def personal_data(person) -> dict:
    ids = person.registration_ids
    rankings = Ranking.objects.filter(registration_id__in=ids).select_related(
        "forum", "slot", "registration__event"
    )
    placements = Placement.objects.filter(registration_id__in=ids).select_related(
        "forum", "slot", "registration__event"
    )
    supports = Support.objects.filter(registration_id__in=ids).select_related("item")
    data = {
        "forum_choices": [
            {
                "registration_id": r.registration_id,
                "meeting": r.registration.event.title,
                "slot": r.slot.title,
                "choice": r.rank,
                "forum": r.forum.title,
            }
            for r in rankings
        ],
        "forum_placements": [
            {
                "registration_id": p.registration_id,
                "meeting": p.registration.event.title,
                "slot": p.slot.title,
                "forum": p.forum.title,
                "room": p.forum.room,
                "pinned": p.pinned,
                "moved_by_hand": p.manual,
            }
            for p in placements
        ],
        "supported_results": [
            {"registration_id": s.registration_id, "text": s.item.text} for s in supports
        ],
    }
    return data if any(data.values()) else {}


def erase_personal_data(person) -> dict:
    ids = person.registration_ids
    return {
        # The choices are the person's own; placements and supports stay, tied to the
        # anonymised registration, for the forums' counts.
        "forum choices deleted": Ranking.objects.filter(registration_id__in=ids).delete()[0],
        "assignment snapshots scrubbed": scrub_snapshots(registration_ids=ids),
        "placement emails deleted": delete_task_rows(
            tasks.send_placement, first_argument_in(ids, "registration_id")
        ),
    }
