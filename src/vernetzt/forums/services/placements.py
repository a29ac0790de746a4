"""Staff move and pin participants, and publish the placements."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vernetzt.core.background import tasks_of
from vernetzt.events.models import Event
from vernetzt.registration.models import Registration

from .. import assignment
from ..models import Forum, Placement, Slot
from .setup import ForumError, get_setup


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
    tasks = tasks_of("forums")
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
