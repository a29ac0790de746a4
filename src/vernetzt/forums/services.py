"""Writes of the forums app: rankings, assignment runs, moves, publishing, results.

Every function raises ForumError with a message for the user when the input is refused;
nothing is saved then.
"""

import logging
import time
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from vernetzt.events.models import Event
from vernetzt.registration.models import Registration

from . import assignment
from .models import (
    AssignmentRun,
    Forum,
    ForumSetup,
    Placement,
    Ranking,
    ResultItem,
    Slot,
    Support,
    Tag,
)

logger = logging.getLogger(__name__)
STALE_RUN = timedelta(minutes=10)


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


# --- Rankings ------------------------------------------------------------------------------


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


def set_choice_open(*, event: Event, is_open: bool) -> ForumSetup:
    """Open or close the participants' forum choice."""
    setup = get_setup(event=event)
    setup.choice_open = is_open
    setup.save(update_fields=["choice_open"])
    return setup


# --- Assignment ----------------------------------------------------------------------------


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
    from . import tasks

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
    from vernetzt.solvers.assignment import assign_forums, first_come_first_served
    from vernetzt.solvers.errors import SolverInputError

    claimed = AssignmentRun.objects.filter(pk=run_id, status=AssignmentRun.Status.QUEUED).update(
        status=AssignmentRun.Status.RUNNING, started_at=timezone.now()
    )
    run = AssignmentRun.objects.select_related("event").filter(pk=run_id).first()
    if not claimed or run is None:
        return run
    started = time.perf_counter()
    try:
        instance = load_instance(event=run.event)
        result = assign_forums(instance)
        baseline = first_come_first_served(instance)
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


def placement_warnings(*, registration: Registration, forum: Forum) -> list[str]:
    """What a placement of `registration` in `forum` would break (for staff, not blocking)."""
    warnings = []
    taken = Placement.objects.filter(forum=forum).exclude(registration=registration).count()
    if taken >= forum.capacity:
        warnings.append(
            _("%(forum)s is over capacity: %(n)d of %(capacity)d places.")
            % {"forum": forum.title, "n": taken + 1, "capacity": forum.capacity}
        )
    if (
        assignment.STEP_FREE_NEED in (registration.accessibility_needs or [])
        and not forum.step_free
    ):
        warnings.append(_("This person needs step-free access, but the room is not step-free."))
    language = registration.interpretation_language
    if language and language not in forum.all_languages:
        warnings.append(
            _("This person needs interpretation (%(language)s), which this forum does not offer.")
            % {"language": language}
        )
    limit = get_setup(event=forum.event).max_per_organisation
    if limit and registration.organisation_id:
        same = (
            Placement.objects.filter(
                forum=forum, registration__organisation_id=registration.organisation_id
            )
            .exclude(registration=registration)
            .count()
        )
        if same >= limit:
            warnings.append(
                _("More than %(limit)d people of the same association would be in this forum.")
                % {"limit": limit}
            )
    return warnings


def move_participant(*, registration: Registration, forum: Forum, by=None) -> list[str]:
    """Staff move a participant to `forum` and pin them there (a re-run keeps the pin).

    Returns warnings (over capacity, a constraint broken); the move is made anyway.
    Raises ForumError for a forum of another meeting or a registration not confirmed.
    """
    if forum.event_id != registration.event_id:
        raise ForumError(_("This forum does not belong to this meeting."))
    if registration.status != Registration.Status.CONFIRMED:
        raise ForumError(_("Only confirmed participants can be placed."))
    warnings = placement_warnings(registration=registration, forum=forum)
    with transaction.atomic():
        Placement.objects.update_or_create(
            registration=registration,
            slot=forum.slot,
            defaults={"forum": forum, "pinned": True, "manual": True, "run": None},
        )
    return warnings


def unpin(*, registration: Registration, slot: Slot) -> None:
    """Let the next run place this person freely again in this slot."""
    Placement.objects.filter(registration=registration, slot=slot).update(
        pinned=False, manual=False
    )


def publish_assignment(*, event: Event) -> int:
    """Publish the placements: personal pages show them, hosts see their lists, and every
    placed participant with an email gets one (background task, in their language).
    Returns how many emails were queued. Raises ForumError when nobody is placed."""
    from . import tasks

    ids = list(
        Placement.objects.filter(slot__event=event, registration__status="confirmed")
        .exclude(registration__email="")
        .values_list("registration_id", flat=True)
        .distinct()
    )
    if not Placement.objects.filter(slot__event=event).exists():
        raise ForumError(_("Nobody is placed yet. Please run the assignment first."))
    with transaction.atomic():
        setup = get_setup(event=event)
        setup.published_at = timezone.now()
        setup.choice_open = False
        setup.save(update_fields=["published_at", "choice_open"])
        transaction.on_commit(lambda: [tasks.send_placement.enqueue(pk) for pk in ids])
    return len(ids)


# --- Results -------------------------------------------------------------------------------


def can_record(user, forum: Forum) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff:
        return True
    return bool(
        getattr(user, "is_forum_host", False) and forum.host_links.filter(user=user).exists()
    )


def record_item(
    *,
    forum: Forum,
    by,
    kind: str,
    text: str,
    tags=(),
    organisations=(),
    field_of_activity: str = "",
) -> ResultItem:
    """A forum host (of this forum) or staff records a result. Raises ForumError."""
    if not can_record(by, forum):
        raise ForumError(_("Only the hosts of this forum can record its results."))
    text = (text or "").strip()
    if not text:
        raise ForumError(_("Please write what was said."))
    if len(text) > 2000:
        raise ForumError(_("Please write at most %(max)d characters.") % {"max": 2000})
    if kind not in ResultItem.Kind.values:
        raise ForumError(_("Please choose from the list."))
    with transaction.atomic():
        item = ResultItem.objects.create(
            forum=forum, kind=kind, text=text, created_by=by, field_of_activity=field_of_activity
        )
        item.tags.set(tags)
        item.organisations.set(organisations)
    return item


def support_item(*, item: ResultItem, registration: Registration) -> bool:
    """One vote per participant of the item's meeting. Returns False if already supported.
    Raises ForumError for another meeting's participant or a cancelled registration."""
    if item.forum.event_id != registration.event_id:
        raise ForumError(_("Only participants of this meeting can support its results."))
    if registration.status == Registration.Status.CANCELLED:
        raise ForumError(_("This registration is cancelled."))
    try:
        with transaction.atomic():
            Support.objects.create(item=item, registration=registration)
    except IntegrityError:
        return False
    return True


def merge_items(*, source: ResultItem, target: ResultItem) -> ResultItem:
    """Merge a duplicate into `target`: tags, associations and supports move over, the
    duplicate is hidden. Raises ForumError for the same item or a merged target."""
    if source.pk == target.pk:
        raise ForumError(_("An item cannot be merged into itself."))
    if target.merged_into_id:
        raise ForumError(_("This item is already merged into another one."))
    with transaction.atomic():
        target.tags.add(*source.tags.all())
        target.organisations.add(*source.organisations.all())
        existing = set(target.supports.values_list("registration_id", flat=True))
        for support in source.supports.all():
            if support.registration_id not in existing:
                Support.objects.create(item=target, registration_id=support.registration_id)
        source.supports.all().delete()
        ResultItem.objects.filter(merged_into=source).update(merged_into=target)
        source.merged_into = target
        source.is_published = False
        source.save(update_fields=["merged_into", "is_published"])
    return target


def answer_item(
    *, item: ResultItem, status: str, public_answer: str, is_published: bool
) -> ResultItem:
    """ "You said, we did": what the competence centre does about an item."""
    if status not in ResultItem.Status.values:
        raise ForumError(_("Please choose from the list."))
    item.status = status
    item.public_answer = (public_answer or "").strip()[:2000]
    item.is_published = is_published and item.merged_into_id is None
    if item.public_answer and not item.answered_at:
        item.answered_at = timezone.now()
    item.save()
    return item


def get_or_create_tag(*, name: str) -> Tag:
    name = name.strip()[:80]
    if not name:
        raise ForumError(_("Please enter a name."))
    tag = Tag.objects.filter(name__iexact=name).first()
    if tag:
        return tag
    base = slugify(name)[:70] or "tag"
    slug, number = base, 1
    while Tag.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return Tag.objects.create(name=name, slug=slug)
