"""Cancel, promote and move: the waiting list stays gapless under the event lock."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from vernetzt.core.background import tasks_of
from vernetzt.events.models import Event

from ..models import Registration
from . import common
from .common import RegistrationError


def _close_gap(event: Event, position: int) -> None:
    Registration.objects.filter(
        event=event, status=Registration.Status.WAITING, waiting_position__gt=position
    ).update(waiting_position=F("waiting_position") - 1)


def _promote(event: Event) -> list[int]:
    """Confirm the first waiting while a public place is free. Caller holds the event lock."""
    promoted = []
    confirmed = Registration.objects.filter(
        event=event, status=Registration.Status.CONFIRMED, is_reserved=False
    ).count()
    free = event.capacity - confirmed
    if free <= 0:
        return promoted
    firsts = list(
        Registration.objects.filter(event=event, status=Registration.Status.WAITING).order_by(
            "waiting_position"
        )[:free]
    )
    if not firsts:
        return promoted
    now = timezone.now()
    for registration in firsts:
        registration.status = Registration.Status.CONFIRMED
        registration.waiting_position = None
        registration.confirmed_at = now
        registration.save(update_fields=["status", "waiting_position", "confirmed_at"])
        promoted.append(registration.pk)
    Registration.objects.filter(event=event, status=Registration.Status.WAITING).update(
        waiting_position=F("waiting_position") - len(firsts)
    )
    return promoted


def _after_promotion(promoted: list[int]) -> None:
    tasks = tasks_of("registration")
    for pk in promoted:
        transaction.on_commit(lambda pk=pk: tasks.send_promoted.enqueue(pk))


def cancel_registration(
    *, registration: Registration, notify: bool = True, tell_person: bool = False
) -> list[int]:
    """Cancel a registration; a freed place goes to the first on the waiting list.

    Idempotent (cancelling twice changes nothing). Returns the ids of promoted registrations;
    their emails are enqueued after commit. With `tell_person`, the person gets an email that
    the registration is cancelled (once, also when cancelled twice).
    """
    with transaction.atomic():
        event = common.lock_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            return []
        was = current.status
        position = current.waiting_position
        current.status = Registration.Status.CANCELLED
        current.waiting_position = None
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "waiting_position", "cancelled_at", "updated_at"])
        if was == Registration.Status.WAITING and position:
            _close_gap(event, position)
        promoted = _promote(event) if was == Registration.Status.CONFIRMED else []
        if notify:
            _after_promotion(promoted)
        if tell_person and current.email:
            tasks = tasks_of("registration")
            transaction.on_commit(lambda: tasks.send_cancellation.enqueue(current.pk))
    registration.refresh_from_db()
    return promoted


def cancel_own_registration(*, registration: Registration) -> list[int]:
    """The person cancels through their personal link: like `cancel_registration` with an
    email to them, refused with MeetingOver once the meeting has ended (nothing changes)."""
    common.refuse_after_meeting(registration)
    return cancel_registration(registration=registration, tell_person=True)


def promote_waiting(*, event: Event) -> list[int]:
    """After the capacity grew: confirm as many waiting as there are free places."""
    with transaction.atomic():
        locked = common.lock_event(event)
        promoted = _promote(locked)
        _after_promotion(promoted)
    return promoted


def move_registration(
    *, registration: Registration, to: str, position: int | None = None
) -> Registration:
    """Staff move: "confirmed" (needs a free place), "waiting" (at `position`, default last).

    Raises RegistrationError when the meeting is full or the registration is cancelled.
    """
    with transaction.atomic():
        event = common.lock_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            raise RegistrationError(_("This registration is cancelled."))
        waiting = Registration.objects.filter(event=event, status=Registration.Status.WAITING)
        if to == Registration.Status.CONFIRMED:
            if current.status == Registration.Status.CONFIRMED:
                return current
            confirmed = Registration.objects.filter(
                event=event, status=Registration.Status.CONFIRMED, is_reserved=False
            ).count()
            if confirmed >= event.capacity:
                raise RegistrationError(
                    _("The meeting is full. Raise the number of places or cancel someone first.")
                )
            old = current.waiting_position
            current.status = Registration.Status.CONFIRMED
            current.waiting_position = None
            current.confirmed_at = timezone.now()
            current.save()
            _close_gap(event, old)
        elif to == Registration.Status.WAITING:
            was_confirmed = current.status == Registration.Status.CONFIRMED
            if current.status == Registration.Status.WAITING:
                _close_gap(event, current.waiting_position)
            # Out of both lists for a moment, so that a freed place goes to someone else.
            current.status = Registration.Status.CANCELLED
            current.waiting_position = None
            current.save(update_fields=["status", "waiting_position"])
            promoted = _promote(event) if was_confirmed and not current.is_reserved else []
            count = waiting.count()
            target = max(1, min(position or count + 1, count + 1))
            waiting.filter(waiting_position__gte=target).update(
                waiting_position=F("waiting_position") + 1
            )
            current.status = Registration.Status.WAITING
            current.waiting_position = target
            current.confirmed_at = None
            current.save()
            _after_promotion(promoted)
        else:
            raise RegistrationError(_("Unknown target."))
    return current
