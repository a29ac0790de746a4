"""What phones and the projector receive on each update, built from shared snapshots.

A phone's update = the room's shared part (questions, poll; rendered once per version, see
`state.snapshot`) + its own small parts. The shared part has a slot for each own part
(`data-live-slot`: `me` = its place in the free-chair queue and its questions waiting for
approval; `vote` = support, supported/withdraw, or "your question"; `poll` = the poll form,
or thanks and the results) and the variants of the slots as `<template>`s.

- For live.js (`phone_part`): the shared bytes as they are, the same for every phone, plus a
  tiny `<template data-live-own>` block with what the snapshot knows of the device (its own
  questions, the open poll, its place/waiting questions); live.js keeps which questions the
  device supports and which polls it answered (from the page and from the answers to its own
  actions) and fills the slots before morphing. No query and, in the steady state, no cache
  round trip (decisions 0174, 0187).
- For the page itself and phones without JavaScript (`phone_update`): the server fills the
  `<!--live:...-->` comments inside the slots.

Forms in the shared HTML carry no CSRF token: their buttons and inputs belong to one form
outside the updated region (`form="live-action"`), which has the visitor's token.
"""

import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import get_language

from . import own, queries
from .models import LiveQuestion, LiveRoom
from .state import recent_version, snapshot, version

PHONE_LIMIT = 60  # questions on a phone; the rest are counted ("and 40 more")
PROJECTOR_LIMIT = 6
PK_SENTINEL = "987654321"
LABEL_SENTINEL = "@@label@@"
PLACEHOLDER = re.compile(r"<!--live:(me|poll|vote:(\d+))-->")
ROOM_ID_TIMEOUT = 60
ROOM_ID_MEMORY = 10  # seconds a process remembers a code without asking the cache
OWN_ANSWER_INTERVAL = 5  # seconds a snapshot may be old for the answer to a write
# Seconds the phones' shared part is reused while writes go on: phones ask every 3 s, so a
# second more costs them little and saves two of three renders (the projector keeps 0.3 s).
PHONE_RENDER_INTERVAL = getattr(settings, "LIVE_PHONE_RENDER_INTERVAL", 1.0)


@dataclass
class Update:
    etag: str
    html: str
    in_queue: bool = False  # the device waits for the free chair or is speaking
    body: bytes = b""  # what is sent to live.js, when it differs from `html`


_room_ids: dict[str, tuple[int, float]] = {}  # per process: code -> (id, until)


def room_id(code: str) -> int:
    """The room's id by its short code: from this process's memory (10 s), else the shared
    cache (a minute), else one query; 404 if unknown."""
    code = (code or "").lower()[:12]
    now = time.monotonic()
    known = _room_ids.get(code)
    if known and known[1] > now:
        return known[0]
    key = f"live:code:{code}"
    pk = cache.get(key)
    if pk is None:
        pk = LiveRoom.objects.filter(code=code).values_list("pk", flat=True).first() or 0
        cache.set(key, pk, ROOM_ID_TIMEOUT if pk else 10)
    if not pk:
        raise Http404
    if len(_room_ids) > 1000:
        _room_ids.clear()
    _room_ids[code] = (pk, now + ROOM_ID_MEMORY)
    return pk


def forget_code(code: str) -> None:
    """The code's room is gone (deleted, or the code now names another room): ask again."""
    code = (code or "").lower()[:12]
    _room_ids.pop(code, None)
    cache.delete(f"live:code:{code}")


def current_etag(room_pk: int) -> str:
    return f'"{version(room_pk)}"'


def _room(room_pk: int) -> LiveRoom:
    return LiveRoom.objects.select_related("programme_item", "event").get(pk=room_pk)


# --- The phone ----------------------------------------------------------------------------------


def _label(question) -> str:
    """The question in a button's hidden label, in its own language and direction."""
    language = f' lang="{escape(question.language)}"' if question.language else ""
    return f'<span dir="auto"{language}>{escape(Truncator(question.text).chars(60))}</span>'


def _variant(name: str, html: str) -> str:
    return f'<template data-live-variant="{name}">{html}</template>'


def _build_phone(room_pk: int, sort: str) -> dict:
    room = _room(room_pk)
    questions = queries.visible_questions(room, limit=PHONE_LIMIT, sort=sort)
    total = queries.visible_count(room) if len(questions) >= PHONE_LIMIT else len(questions)
    poll = queries.open_poll(room)
    results = queries.poll_results(poll) if poll and poll.show_results else None
    context = {"room": room, "poll": poll, "poll_results": results}
    approved = {q.pk for q in questions if q.status == LiveQuestion.Status.APPROVED}
    html = render_to_string(
        "live/_phone_live.html",
        {
            **context,
            "questions": questions,
            "more": total - len(questions),
            "sort": sort,
            "approved": approved,
        },
    )
    votes = {
        state: render_to_string(
            "live/_phone_vote.html",
            {"room": room, "state": state, "pk": PK_SENTINEL, "label": LABEL_SENTINEL},
        )
        for state in ("can", "done", "own")
    }
    polls = (
        {
            answered: render_to_string(
                "live/_phone_poll.html", {**context, "poll_answered": answered}
            )
            for answered in (False, True)
        }
        if poll
        else {False: "", True: ""}
    )
    own: dict[str, list[int]] = {}
    for q in questions:
        own.setdefault(q.device_id, []).append(q.pk)
    pending = queries.pending_by_device(room)
    queue = queries.queue_devices(room)
    me = {}
    for device_id in {*pending, *queue["queue"], queue["speaking"]} - {None}:
        place = _place(queue, device_id)
        me[device_id] = render_to_string(
            "live/_phone_me.html", {"place": place, "pending": pending.get(device_id, 0)}
        ).strip()
    variants = "".join(_variant(state, votes[state]) for state in votes)
    if poll:
        variants += _variant("poll", polls[False]) + _variant("poll-done", polls[True])
    return {
        "html": html,
        # What every phone of the room gets on an update, as it is sent (decision 0174).
        "body": (html + variants).encode(),
        "variants": variants,
        "votes": votes,
        "polls": polls,
        "poll_id": poll.pk if poll else None,
        "labels": {q.pk: _label(q) for q in questions},
        "approved": approved,
        "own": own,
        "me": me,
        **queue,
        "free_chair": room.free_chair,
    }


def _place(data: dict, device_id: str | None) -> int | None:
    """0: speaking now; n: number n in the queue; None: neither."""
    if not device_id:
        return None
    if data["speaking"] == device_id:
        return 0
    if device_id in data["queue"]:
        return data["queue"].index(device_id) + 1
    return None


def _phone_snapshot(room_pk, sort, *, fresh=False, current=None, min_interval=None):
    sort = sort if sort in queries.SORTS else "popular"
    return snapshot(
        room_pk,
        f"phone:{get_language()}:{sort}",
        lambda: _build_phone(room_pk, sort),
        min_interval=0 if fresh else (min_interval or PHONE_RENDER_INTERVAL),
        current=current,
    )


def own_parts(data: dict, device_id: str | None, mine: dict | None = None) -> dict:
    """The device's own parts of the phone's region: what the snapshot knows (its questions,
    its place in the queue or questions waiting for approval, the open poll) and, with
    `mine` (`own.load`), the questions it supports and the polls it answered."""
    poll_id = data["poll_id"]
    parts = {
        "own": data["own"].get(device_id, []) if device_id else [],
        "me": data["me"].get(device_id, "") if device_id else "",
        "poll": poll_id or "",
    }
    if mine is not None:
        parts["voted"] = sorted(mine["votes"])
        parts["ballots"] = sorted(mine["ballots"])
        parts["answered"] = bool(poll_id) and poll_id in mine["ballots"]
    return parts


def _own_block(parts: dict) -> str:
    """The device's own parts for live.js, applied to the shared HTML before morphing; an
    update's block has no `data-voted`/`data-ballots` (live.js keeps what it knows)."""
    attributes = f'data-own="{" ".join(map(str, parts["own"]))}" data-poll="{parts["poll"]}"'
    if "voted" in parts:
        voted, ballots = " ".join(map(str, parts["voted"])), " ".join(map(str, parts["ballots"]))
        attributes += f' data-voted="{voted}" data-ballots="{ballots}"'
    return f"<template data-live-own {attributes}>{parts['me']}</template>"


def phone_part(
    room_pk: int, device_id: str | None, *, sort: str = "popular", current: int | None = None
) -> Update:
    """A phone's update for live.js: the room's shared bytes as they are (the same for every
    phone) and what the snapshot knows of the device as a small block (no query, no cache
    round trip in the steady state: decision 0187)."""
    snap = _phone_snapshot(room_pk, sort, current=current)
    return Update(
        etag=snap.etag,
        html="",
        body=snap.data["body"] + _own_block(own_parts(snap.data, device_id)).encode(),
        in_queue=_place(snap.data, device_id) is not None,
    )


def own_answer(
    room_pk: int, device_id: str | None, *, sort: str = "popular", change: dict | None = None
) -> dict:
    """The device's own parts after one of its actions (the answer to live.js): its questions
    and place from a snapshot of the last few seconds (the next update brings the rest), so
    that a write never waits for a render; and what the action changed (`change`, e.g.
    `{"add": {"voted": [7]}}`: live.js keeps the rest) or, without `change` (a refusal: the
    page may not know), the device's votes and ballots from the database."""
    snap = _phone_snapshot(
        room_pk, sort, min_interval=OWN_ANSWER_INTERVAL, current=recent_version(room_pk)
    )
    if change is not None:
        return {**own_parts(snap.data, device_id), **change}
    return own_parts(snap.data, device_id, own.load(room_pk, device_id))


def phone_update(
    room_pk: int, device_id: str | None, *, sort: str = "popular", fresh: bool = False
) -> Update:
    """The phone's region with the device's own parts filled in on the server (the page
    itself, and phones without JavaScript); `fresh`: of the current version (the page after
    the person's own action), not a recent snapshot."""
    snap = _phone_snapshot(room_pk, sort, fresh=fresh)
    data = snap.data
    parts = own_parts(data, device_id, own.load(room_pk, device_id))
    voted, mine = set(parts["voted"]), set(parts["own"])

    def fill(match):
        what = match.group(1)
        if what == "me":
            return parts["me"]
        if what == "poll":
            return data["polls"][parts["answered"]]
        pk = int(match.group(2))
        if pk in mine:
            state = "own"
        elif pk in voted:
            state = "done"
        elif pk in data["approved"]:
            state = "can"
        else:
            return ""
        return (
            data["votes"][state]
            .replace(PK_SENTINEL, str(pk))
            .replace(LABEL_SENTINEL, data["labels"][pk])
        )

    return Update(
        etag=snap.etag,
        html=PLACEHOLDER.sub(fill, data["html"]) + data["variants"] + _own_block(parts),
        in_queue=_place(data, device_id) is not None,
    )


# --- The projector ------------------------------------------------------------------------------


def _build_projector(room_pk: int) -> dict:
    room = _room(room_pk)
    queue = queries.ordered_queue(room)
    poll = queries.projector_poll(room)
    html = render_to_string(
        "live/_projector_live.html",
        {
            "room": room,
            "questions": queries.visible_questions(room, limit=PROJECTOR_LIMIT),
            "speaker": queries.current_speaker(room),
            "next_up": queue[:3],
            "queue_length": len(queue),
            "poll_results": queries.poll_results(poll) if poll and poll.show_results else None,
            "server_now": timezone.now(),
        },
    )
    return {"html": html, "body": html.encode()}


def projector_update(room_pk: int, *, fresh: bool = False, current: int | None = None) -> Update:
    snap = snapshot(
        room_pk,
        f"projector:{get_language()}",
        lambda: _build_projector(room_pk),
        min_interval=0 if fresh else None,
        current=current,
    )
    return Update(etag=snap.etag, html=snap.data["html"], body=snap.data["body"])
