"""What phones and the projector receive on each update, built from shared snapshots.

A phone's update = the room's shared part (questions, poll; rendered once per version, see
`state.snapshot`) + its own small parts, filled into placeholders of the shared HTML:
`<!--live:me-->` (its place in the free-chair queue, its questions waiting for approval),
`<!--live:vote:<pk>-->` (support, supported/withdraw, or "your question") and
`<!--live:poll-->` (the poll form, or thanks and the results). The own parts come from the
snapshot (queue order, authors) plus one indexed query (the questions this device supports)
and one more while a poll is open (answered already?).

Forms in the shared HTML carry no CSRF token: their buttons and inputs belong to one form
outside the updated region (`form="live-action"`), which has the visitor's token.
"""

import re
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import get_language

from . import queries
from .models import LiveQuestion, LiveRoom, PollBallot, QuestionVote
from .state import snapshot, version

PHONE_LIMIT = 60  # questions on a phone; the rest are counted ("and 40 more")
PROJECTOR_LIMIT = 6
PK_SENTINEL = "987654321"
LABEL_SENTINEL = "@@label@@"
PLACEHOLDER = re.compile(r"<!--live:(me|poll|vote:(\d+))-->")
ROOM_ID_TIMEOUT = 60
ROOM_ID_MEMORY = 10  # seconds a process remembers a code without asking the cache


@dataclass
class Update:
    etag: str
    html: str
    in_queue: bool = False  # the device waits for the free chair or is speaking
    busy: bool = False  # the room changed again since this snapshot (a stream of writes)


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


def _build_phone(room_pk: int, sort: str) -> dict:
    room = _room(room_pk)
    questions = queries.visible_questions(room, limit=PHONE_LIMIT, sort=sort)
    total = queries.visible_count(room) if len(questions) >= PHONE_LIMIT else len(questions)
    poll = queries.open_poll(room)
    results = queries.poll_results(poll) if poll and poll.show_results else None
    context = {"room": room, "poll": poll, "poll_results": results}
    html = render_to_string(
        "live/_phone_live.html",
        {**context, "questions": questions, "more": total - len(questions), "sort": sort},
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
    return {
        "html": html,
        "votes": votes,
        "polls": polls,
        "poll_id": poll.pk if poll else None,
        "labels": {q.pk: escape(Truncator(q.text).chars(60)) for q in questions},
        "approved": {q.pk for q in questions if q.status == LiveQuestion.Status.APPROVED},
        "authors": {q.pk: q.device_id for q in questions},
        "pending": queries.pending_by_device(room),
        **queries.queue_devices(room),
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


def _me(data: dict, device_id: str | None) -> str:
    if not device_id:
        return ""
    place = _place(data, device_id)
    pending = data["pending"].get(device_id, 0)
    if place is None and not pending:
        return ""
    return render_to_string("live/_phone_me.html", {"place": place, "pending": pending})


def phone_update(
    room_pk: int, device_id: str | None, *, sort: str = "popular", fresh: bool = False
) -> Update:
    """The phone's live region for this device (see the module's docstring); `fresh`: of the
    current version (the page after the person's own action), not a recent snapshot."""
    sort = sort if sort in queries.SORTS else "popular"
    snap = snapshot(
        room_pk,
        f"phone:{get_language()}:{sort}",
        lambda: _build_phone(room_pk, sort),
        min_interval=0 if fresh else None,
    )
    data = snap.data
    voted: set[int] = set()
    if device_id and data["labels"]:
        voted = set(
            QuestionVote.objects.filter(
                device_id=device_id, question__in=list(data["labels"])
            ).values_list("question_id", flat=True)
        )
    answered = False
    if device_id and data["poll_id"]:
        answered = PollBallot.objects.filter(poll_id=data["poll_id"], device_id=device_id).exists()

    def fill(match):
        what = match.group(1)
        if what == "me":
            return _me(data, device_id)
        if what == "poll":
            return data["polls"][answered]
        pk = int(match.group(2))
        if device_id and data["authors"].get(pk) == device_id:
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
        html=PLACEHOLDER.sub(fill, data["html"]),
        in_queue=_place(data, device_id) is not None,
        busy=snap.reused,
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
    return {"html": html}


def projector_update(room_pk: int, *, fresh: bool = False) -> Update:
    snap = snapshot(
        room_pk,
        f"projector:{get_language()}",
        lambda: _build_projector(room_pk),
        min_interval=0 if fresh else None,
    )
    return Update(etag=snap.etag, html=snap.data["html"])
