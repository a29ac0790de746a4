"""The version of each live room's state, kept in the shared cache, and snapshots per version.

Every write to a room bumps its version (`changed`) when its transaction commits (a reader
that rendered before the commit keeps the older number, so the next update renders anew).
Phones, the projector and the moderator send the version they have (`If-None-Match`); an
unchanged room costs a 304. The updates of phones and projectors read the version through
`recent_version`: a worker asks the shared cache at most every `VERSION_MEMORY` seconds
per room, so that a hall of phones costs no cache round trip per update (decision 0187).

What all phones share (the question list, the poll) is rendered once per version and kept
in the cache as a `Snapshot`; under a stream of writes a snapshot is reused for up to
`MIN_RENDER_INTERVAL` seconds even if the version moved on, so a room is rendered at most a
few times per second however many phones ask (the reader gets the snapshot's own version and
asks again). Workers of several servers share the same cache, so they share the versions and
the snapshots (see docs/decisions/0170-live-versions-and-snapshots.md).
"""

import time
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import models

# Seconds a snapshot is reused while writes go on: bounds renders per room and kind.
MIN_RENDER_INTERVAL = getattr(settings, "LIVE_MIN_RENDER_INTERVAL", 0.3)
# Seconds a worker reuses a room's version read from the shared cache for the updates of
# phones and projectors (adds at most this much to the delay from a write to a screen).
VERSION_MEMORY = getattr(settings, "LIVE_VERSION_MEMORY", 0.2)
SNAPSHOT_TIMEOUT = 3600
LOCAL_LIMIT = 200  # rooms or snapshots a process remembers before it starts afresh
BUILD_LOCK_TIMEOUT = 2  # seconds; a worker that died while rendering blocks no one longer


# What a version counts: "state" = every write to the room (what screens show); "room" = the
# room's own settings and blocked devices (what a phone's action checks; `rooms.py`).
PARTS = {"state": "live:v", "room": "live:room"}


def _version_key(room_id: int, part: str = "state") -> str:
    return f"{PARTS[part]}:{room_id}"


def _seed() -> int:
    # Milliseconds: a version lost with the cache restarts above every number handed out
    # before (as long as a room gets fewer than 1,000 writes per second).
    return int(time.time() * 1000)


def version(room_id: int, part: str = "state") -> int:
    """The room's current version (created on first use)."""
    key = _version_key(room_id, part)
    value = cache.get(key)
    if value is None:
        cache.add(key, _seed(), timeout=None)
        value = cache.get(key) or _seed()
    return int(value)


_versions: dict[tuple, tuple[int, float]] = {}  # per process: (room, part) -> (version, read at)


def recent_version(room_id: int, part: str = "state") -> int:
    """The room's version as this process read it less than `VERSION_MEMORY` seconds ago,
    else from the shared cache (for updates: a phone may see a write 0.2 s later)."""
    now = time.monotonic()
    known = _versions.get((room_id, part))
    if known and now - known[1] < VERSION_MEMORY:
        return known[0]
    value = version(room_id, part)
    if len(_versions) > LOCAL_LIMIT:
        _versions.clear()
    _versions[(room_id, part)] = (value, now)
    return value


def bump(room_id: int, part: str = "state") -> None:
    key = _version_key(room_id, part)
    try:
        cache.incr(key)
    except ValueError:  # not there (new room, cache restarted): start above the old numbers
        cache.add(key, _seed(), timeout=None)
        cache.incr(key)


def changed(room_id: int | None, *, room: bool = False) -> None:
    """A write to the room: bump its version when the transaction commits (at once outside
    a transaction); `room`: the room's settings or blocked devices changed too."""
    if room_id is None:
        return
    transaction.on_commit(lambda: bump(room_id))
    if room:
        transaction.on_commit(lambda: bump(room_id, "room"))


@dataclass
class Snapshot:
    version: int
    built_at: float
    data: dict = field(default_factory=dict)
    reused: bool = False  # handed out although the room's version has moved on

    @property
    def etag(self) -> str:
        return f'"{self.version}"'


# Per process: the last snapshot of each room and kind, so that a worker does not fetch and
# unpickle the same snapshot from the cache for every phone (same rules as the cache's copy).
_local: dict[str, Snapshot] = {}


def _usable(snap, current: int, now: float, min_interval: float) -> Snapshot | None:
    if snap is None:
        return None
    if snap.version == current:
        return snap
    if snap.version < current and now - snap.built_at < min_interval:
        return replace(snap, reused=True)
    return None


def snapshot(
    room_id: int, kind: str, build, *, min_interval: float | None = None, current=None
) -> Snapshot:
    """The room's shared `kind` part (e.g. `phone:de:popular`), built by `build()` at most
    once per version, and at most once per `min_interval` seconds while writes go on
    (0: always the current version, e.g. for the page a person loads after an action).
    `current`: the room's version if the caller has just read it. A worker keeps the last
    snapshot of each kind in its memory: the steady state is one cache read (the version)."""
    if min_interval is None:
        min_interval = MIN_RENDER_INTERVAL
    key = f"live:snap:{room_id}:{kind}"
    now = time.time()
    if current is None:
        current = version(room_id)
    found = _usable(_local.get(key), current, now, min_interval)
    if found is not None:
        return found
    cached = cache.get(key)
    found = _usable(cached, current, now, min_interval)
    if found is None:
        older = cached or _local.get(key)
        lock = f"live:building:{room_id}:{kind}"
        waits = bool(min_interval) and older is not None and older.version <= current
        if waits and not cache.add(lock, 1, BUILD_LOCK_TIMEOUT):
            # Another worker is rendering this snapshot right now: the older one meanwhile
            # (no stampede of renders across workers and servers under a stream of writes).
            return replace(older, reused=True)
        data = build()
        # Reused from when it is ready (a slow render must not shorten its reuse).
        found = Snapshot(version=current, built_at=time.time(), data=data)
        cache.set(key, found, SNAPSHOT_TIMEOUT)
        if waits:
            cache.delete(lock)
        kinds_key = f"live:kinds:{room_id}"
        kinds = cache.get(kinds_key) or set()
        if kind not in kinds:  # remembered so that `forget` can remove every copy
            cache.set(kinds_key, kinds | {kind}, SNAPSHOT_TIMEOUT)
    if len(_local) > LOCAL_LIMIT:
        _local.clear()
    _local[key] = replace(found, reused=False)
    return found


def forget(room_id: int) -> None:
    """Every cached snapshot of the room goes (an erased person's question must not live on
    in the cache), and the version moves on so that phones fetch the state anew."""
    kinds_key = f"live:kinds:{room_id}"
    kinds = cache.get(kinds_key) or set()
    cache.delete_many([f"live:snap:{room_id}:{kind}" for kind in kinds] + [kinds_key])
    for key in [key for key in _local if key.startswith(f"live:snap:{room_id}:")]:
        _local.pop(key, None)
    for part in PARTS:
        _versions.pop((room_id, part), None)
    bump(room_id)


def connect_signals():
    """Writes that do not go through `services` (admin, other apps' hooks, scripts) bump too."""

    def room_of(instance):
        if isinstance(instance, models.LiveRoom):
            return instance.pk
        if isinstance(instance, models.QuestionVote):
            if models.QuestionVote.question.is_cached(instance):
                return instance.question.room_id
            return (
                models.LiveQuestion.objects.filter(pk=instance.question_id)
                .values_list("room_id", flat=True)
                .first()
            )
        if isinstance(instance, models.PollOption | models.PollBallot):
            if type(instance).poll.is_cached(instance):
                return instance.poll.room_id
            return (
                models.Poll.objects.filter(pk=instance.poll_id)
                .values_list("room_id", flat=True)
                .first()
            )
        return getattr(instance, "room_id", None)

    def on_write(sender, instance, **kwargs):
        if kwargs.get("action", "post_").startswith("post_"):
            settings_changed = isinstance(instance, models.LiveRoom | models.BlockedDevice)
            changed(room_of(instance), room=settings_changed)

    for model in (
        models.LiveRoom,
        models.LiveQuestion,
        models.QuestionVote,
        models.ChairRequest,
        models.Poll,
        models.PollOption,
        models.PollBallot,
        models.BlockedDevice,
    ):
        post_save.connect(
            on_write, sender=model, weak=False, dispatch_uid=f"live-state-{model.__name__}"
        )
        post_delete.connect(
            on_write, sender=model, weak=False, dispatch_uid=f"live-state-d-{model.__name__}"
        )
    m2m_changed.connect(
        on_write,
        sender=models.PollBallot.options.through,
        weak=False,
        dispatch_uid="live-state-ballot",
    )
