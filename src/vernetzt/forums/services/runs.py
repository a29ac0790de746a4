"""Assignment runs: queue one, run the solver, store the placements."""

import logging
import time
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vernetzt.core.background import tasks_of
from vernetzt.events.models import Event
from vernetzt.registration.models import Registration
from vernetzt.solvers import assignment as solver
from vernetzt.solvers.errors import SolverInputError

from .. import assignment
from ..models import AssignmentRun, Forum, Placement, Ranking
from .setup import ForumError, get_setup

logger = logging.getLogger(__name__)


STALE_RUN = timedelta(minutes=10)


def participants_of(event: Event):
    return Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)


def load_instance(*, event: Event) -> dict:
    """Read forums, confirmed registrations, rankings and pins; return the solver instance."""
    setup = get_setup(event=event)
    forums = list(Forum.objects.filter(event=event))
    forum_data = [
        assignment.ForumData(
            id=f.pk,
            slot=f.slot_id,
            capacity=f.capacity,
            step_free=f.step_free,
            languages=f.all_languages,
            title=f.title,
        )
        for f in forums
    ]
    registrations = list(
        participants_of(event).values(
            "pk", "organisation_id", "accessibility_needs", "interpretation_language", "created_at"
        )
    )
    people = {
        r["pk"]: assignment.ParticipantData(
            id=r["pk"],
            organisation=r["organisation_id"],
            needs_step_free=assignment.STEP_FREE_NEED in (r["accessibility_needs"] or []),
            interpretation=r["interpretation_language"] or None,
            registered_at=r["created_at"].isoformat(),
        )
        for r in registrations
    }
    for registration_id, slot_id, forum_id in (
        Ranking.objects.filter(registration__in=people.keys())
        .order_by("registration_id", "slot_id", "rank")
        .values_list("registration_id", "slot_id", "forum_id")
    ):
        people[registration_id].rankings.setdefault(slot_id, []).append(forum_id)
    for forum in forums:
        for registration_id in forum.host_registrations.values_list("pk", flat=True):
            if registration_id in people:
                people[registration_id].pinned[forum.slot_id] = forum.pk
    for registration_id, slot_id, forum_id in Placement.objects.filter(
        registration__in=people.keys(), pinned=True
    ).values_list("registration_id", "slot_id", "forum_id"):
        people[registration_id].pinned.setdefault(slot_id, forum_id)
    return assignment.build_instance(
        forums=forum_data,
        participants=list(people.values()),
        max_per_organisation=setup.max_per_organisation,
    )


def start_assignment(*, event: Event, by=None) -> AssignmentRun:
    """Queue an assignment run (a background task). Refused while another run is queued or
    running for this meeting: the meeting row is locked while checking, and a conditional
    unique constraint catches anything that slips past. Raises ForumError."""
    if not Forum.objects.filter(event=event).exists():
        raise ForumError(_("This meeting has no forums yet."))
    try:
        with transaction.atomic():
            Event.objects.select_for_update().get(pk=event.pk)
            active = AssignmentRun.objects.filter(event=event, status__in=AssignmentRun.ACTIVE)
            active.filter(created_at__lt=timezone.now() - STALE_RUN).update(
                status=AssignmentRun.Status.FAILED,
                error="Stopped: no answer for 10 minutes.",
                finished_at=timezone.now(),
            )
            if active.exists():
                raise ForumError(
                    _("An assignment is already running. Please wait until it has finished.")
                )
            run = AssignmentRun.objects.create(event=event, created_by=by)
            tasks = tasks_of("forums")
            transaction.on_commit(lambda: tasks.run_assignment.enqueue(run.pk))
    except IntegrityError:
        raise ForumError(
            _("An assignment is already running. Please wait until it has finished.")
        ) from None
    return run


def execute_run(*, run_id: int) -> AssignmentRun | None:
    """Run the solver for a queued run and store the placements (the task calls this).

    Replaces every placement of the meeting that is not pinned; pinned ones stay (those of
    registrations no longer confirmed are dropped). Marks the
    run done or failed (with the error) and returns it.
    """
    claimed = AssignmentRun.objects.filter(pk=run_id, status=AssignmentRun.Status.QUEUED).update(
        status=AssignmentRun.Status.RUNNING, started_at=timezone.now()
    )
    run = AssignmentRun.objects.select_related("event").filter(pk=run_id).first()
    if not claimed or run is None:
        return run
    started = time.perf_counter()
    try:
        instance = load_instance(event=run.event)
        result = solver.assign_forums(instance)
        baseline = solver.first_come_first_served(instance)
        report = assignment.fairness_report(instance, result, baseline)
        with transaction.atomic():
            _store_placements(run, result)
            run.instance = instance
            run.result = result
            run.report = report
            run.status = AssignmentRun.Status.DONE
            run.finished_at = timezone.now()
            run.duration_ms = int((time.perf_counter() - started) * 1000)
            run.save()
    except (SolverInputError, ValueError, KeyError) as error:
        logger.warning("assignment run %s failed: %s", run_id, error)
        AssignmentRun.objects.filter(pk=run_id).update(
            status=AssignmentRun.Status.FAILED, error=str(error), finished_at=timezone.now()
        )
        run.refresh_from_db()
    except Exception as error:
        AssignmentRun.objects.filter(pk=run_id).update(
            status=AssignmentRun.Status.FAILED, error=repr(error), finished_at=timezone.now()
        )
        raise
    return run


def _store_placements(run: AssignmentRun, result: dict) -> None:
    event = run.event
    forums = {f"f{f.pk}": f for f in Forum.objects.filter(event=event)}
    Placement.objects.filter(slot__event=event, pinned=False).delete()
    Placement.objects.filter(slot__event=event).exclude(
        registration__status=Registration.Status.CONFIRMED
    ).delete()
    pinned = set(
        Placement.objects.filter(slot__event=event, pinned=True).values_list(
            "registration_id", "slot_id"
        )
    )
    hosts = {}
    for forum in forums.values():
        for registration_id in forum.host_registrations.values_list("pk", flat=True):
            hosts[(registration_id, forum.slot_id)] = forum
    rows = []
    for participant, per_slot in (result.get("assignment") or {}).items():
        registration_id = int(participant[1:])
        for _slot, forum_key in per_slot.items():
            forum = forums.get(forum_key)
            if forum is None or (registration_id, forum.slot_id) in pinned:
                continue
            is_host = (registration_id, forum.slot_id) in hosts
            rows.append(
                Placement(
                    registration_id=registration_id,
                    slot_id=forum.slot_id,
                    forum=forum,
                    pinned=is_host,
                    run=run,
                )
            )
    Placement.objects.bulk_create(rows)
