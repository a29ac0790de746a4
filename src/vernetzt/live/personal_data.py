"""What live holds about a person (questions, free-chair requests from their phone) and its
erasure. A phone belongs to a person once their personal page was opened on it
(`DeviceLink`), or when the person asks from that phone (the request's device)."""

import secrets

from django.db import IntegrityError, transaction

from vernetzt.registration.models import Registration

from . import state
from .device import read_device_id
from .models import ChairRequest, DeviceLink, LiveQuestion, PollBallot, QuestionVote


def link_device(request, registration) -> None:
    """Remember the phone of this request as the registrant's (once; no cookie: nothing)."""
    device_id = read_device_id(request)
    if not device_id or not registration.is_active:
        return
    if DeviceLink.objects.filter(registration=registration, device_id=device_id).exists():
        return
    try:
        with transaction.atomic():
            DeviceLink.objects.create(registration=registration, device_id=device_id)
    except IntegrityError:  # the same page opened twice at once
        pass


def _devices(person) -> set[str]:
    linked = DeviceLink.objects.filter(registration_id__in=person.registration_ids)
    return set(linked.values_list("device_id", flat=True)) | set(person.device_ids or ())


def _events(person) -> set[int]:
    return set(
        Registration.objects.filter(pk__in=person.registration_ids).values_list(
            "event_id", flat=True
        )
    )


def _questions(person):
    return LiveQuestion.objects.filter(
        device_id__in=_devices(person), room__event_id__in=_events(person)
    ).exclude(device_id="")


def _chair_requests(person):
    return ChairRequest.objects.filter(
        device_id__in=_devices(person), room__event_id__in=_events(person)
    ).exclude(device_id="")


def personal_data(person) -> dict:
    data = {
        "live_questions": [
            {
                "room": q.room.title,
                "question": q.text,
                "name": q.name,
                "association": q.organisation_name,
                "status": q.status,
                "votes": q.votes_count,
                "asked_at": q.created_at.isoformat(),
            }
            for q in _questions(person).select_related("room__programme_item")
        ],
        "free_chair_requests": [
            {
                "room": c.room.title,
                "name": c.name,
                "association": c.organisation_name,
                "topic": c.topic,
                "gender": c.gender,
                "first_time": c.is_newcomer,
                "status": c.status,
                "requested_at": c.created_at.isoformat(),
            }
            for c in _chair_requests(person).select_related("room__programme_item")
        ],
    }
    return data if any(data.values()) else {}


def erase_personal_data(person) -> dict:
    devices = _devices(person)
    rooms = set(_questions(person).values_list("room_id", flat=True))
    rooms |= set(_chair_requests(person).values_list("room_id", flat=True))
    questions = _questions(person).delete()[0]
    # The free chair's counts (who spoke, how long) stay without name, topic or phone.
    chair = _chair_requests(person).update(name="", organisation_name="", topic="", device_id="")
    # Votes and ballots stay counted, no longer tied to one phone: a fresh random id each.
    unlinked = 0
    for model in (QuestionVote, PollBallot):
        for pk in model.objects.filter(device_id__in=devices).values_list("pk", flat=True):
            model.objects.filter(pk=pk).update(device_id=secrets.token_urlsafe(18))
            unlinked += 1
    links = DeviceLink.objects.filter(registration_id__in=person.registration_ids).delete()[0]
    for room_id in rooms:  # cached snapshots still show the question or the name
        transaction.on_commit(lambda room_id=room_id: state.forget(room_id))
        state.forget(room_id)
    return {
        "live questions deleted": questions,
        "free-chair requests anonymised": chair,
        "votes unlinked from the phone": unlinked,
        "phones forgotten": links,
    }
