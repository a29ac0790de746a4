"""A phone's own state in a room, kept in the shared cache: the questions it supports and the
polls it has answered (decision 0174).

A phone's update is the room's shared snapshot plus this small state; reading it is one
cache read, no query. It is built from the database on first use (two indexed queries) and
kept up to date by the signals of votes and ballots (`state.connect_signals`: services,
admin and scripts alike): after the commit the vote's question or the ballot's poll is added
to or removed from the cached copy (a copy rebuilt by a reader before the commit gets the
change too; no copy, nothing to do). Two writes of one device at the same moment could lose
one change in the copy: the refusal that follows ("already supported", a withdrawal of
nothing) drops the copy, and it expires after 10 minutes. The rest of a phone's own parts
(its questions, its place in the queue, its questions waiting for approval) come from the
shared snapshot.
"""

from django.core.cache import cache
from django.db import transaction

from .models import PollBallot, QuestionVote

TIMEOUT = 600  # seconds; bounds how long a copy rebuilt in a rare race could be out of date
EMPTY = {"votes": frozenset(), "ballots": frozenset()}


def _key(room_id: int, device_id: str) -> str:
    return f"live:own:{room_id}:{device_id}"


def load(room_id: int, device_id: str) -> dict:
    """From the database: two indexed queries."""
    votes = QuestionVote.objects.filter(device_id=device_id, question__room_id=room_id)
    ballots = PollBallot.objects.filter(device_id=device_id, poll__room_id=room_id)
    return {
        "votes": frozenset(votes.values_list("question_id", flat=True)),
        "ballots": frozenset(ballots.values_list("poll_id", flat=True)),
    }


def get(room_id: int, device_id: str | None) -> dict:
    """The device's state: from the cache, else from the database (and then cached)."""
    if not device_id:
        return EMPTY
    key = _key(room_id, device_id)
    value = cache.get(key)
    if value is None:
        value = load(room_id, device_id)
        cache.set(key, value, TIMEOUT)
    return value


def refresh(room_id: int, device_id: str | None) -> dict:
    """Rebuilt from the database now (the person's own page load after an action)."""
    if not device_id:
        return EMPTY
    value = load(room_id, device_id)
    cache.set(_key(room_id, device_id), value, TIMEOUT)
    return value


def forget(room_id: int | None, device_id: str | None) -> None:
    """Drop the device's copy (now and after the commit): it is rebuilt on the next read."""
    if not room_id or not device_id:
        return
    key = _key(room_id, device_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def changed(room_id: int | None, device_id: str | None, what: str, pk, *, added: bool) -> None:
    """After the commit: `pk` joins or leaves the device's `what` ("votes", "ballots")."""
    if not room_id or not device_id:
        return
    key = _key(room_id, device_id)

    def apply():
        value = cache.get(key)
        if value is None:
            return
        items = value[what] | {pk} if added else value[what] - {pk}
        cache.set(key, {**value, what: items}, TIMEOUT)

    transaction.on_commit(apply)
