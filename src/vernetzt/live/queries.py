"""Reads of the live app: what the phone, the moderator and the projector show."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import ChairRequest, LiveQuestion, LiveRoom, Poll, QuestionStatus

VISIBLE = (LiveQuestion.Status.APPROVED, LiveQuestion.Status.ANSWERED)


SORTS = {
    "popular": ("-pinned", "status", "-votes_count", "created_at", "id"),
    "new": ("-pinned", "status", "-created_at", "-id"),
}


def visible_questions(room: LiveRoom, *, limit: int | None = None, sort: str = "popular"):
    """Approved (then answered) questions, pinned first, then by votes and time
    (`sort="popular"`) or newest first (`sort="new"`)."""
    questions = LiveQuestion.objects.filter(room=room, status__in=VISIBLE).order_by(
        *SORTS.get(sort, SORTS["popular"])
    )
    return list(questions[:limit] if limit else questions)


def visible_count(room: LiveRoom) -> int:
    return LiveQuestion.objects.filter(room=room, status__in=VISIBLE).count()


MODERATION_LIMIT = 50  # questions per list on the moderator's page; the rest are counted


def moderation_questions(room: LiveRoom) -> dict:
    """The moderator's lists: waiting for approval (oldest first), shown (pinned first, then
    by votes) and answered or hidden; at most `MODERATION_LIMIT` each with the numbers of
    all, so that the page costs the same at 50 and at 5,000 questions (four queries)."""
    status = LiveQuestion.Status
    mine = LiveQuestion.objects.filter(room=room)
    counts = dict(mine.order_by().values_list("status").annotate(n=Count("pk")))
    lists = {
        "pending": mine.filter(status=status.PENDING).order_by("created_at", "pk"),
        "approved": mine.filter(status=status.APPROVED).order_by(
            "-pinned", "-votes_count", "created_at", "pk"
        ),
        "done": mine.filter(status__in=[status.ANSWERED, status.HIDDEN]).order_by(
            "status", "-votes_count", "created_at", "pk"
        ),
    }
    found = {name: list(query[:MODERATION_LIMIT]) for name, query in lists.items()}
    numbers = {
        "pending": counts.get(status.PENDING, 0),
        "approved": counts.get(status.APPROVED, 0),
        "done": counts.get(status.ANSWERED, 0) + counts.get(status.HIDDEN, 0),
    }
    return {
        **found,
        **{f"{name}_count": n for name, n in numbers.items()},
        **{f"{name}_more": n - len(found[name]) for name, n in numbers.items()},
    }


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def ordered_queue(room: LiveRoom) -> list[ChairRequest]:
    """Waiting free-chair requests in queue order: first come first; with `newcomers_first`,
    newcomers to the network before the others (each group first come first)."""
    waiting = list(
        ChairRequest.objects.filter(room=room, status=ChairRequest.Status.WAITING).order_by(
            "created_at", "id"
        )
    )
    if room.newcomers_first:
        waiting.sort(key=lambda r: (not r.is_newcomer, r.created_at, r.pk))
    return waiting


def current_speaker(room: LiveRoom) -> ChairRequest | None:
    return ChairRequest.objects.filter(room=room, status=ChairRequest.Status.SPEAKING).first()


def queue_place(room: LiveRoom, device_id: str | None) -> dict | None:
    """The device's own request: its place in the queue (1 = next), or that it is speaking."""
    if not device_id:
        return None
    own = (
        ChairRequest.objects.filter(
            room=room,
            device_id=device_id,
            status__in=[ChairRequest.Status.WAITING, ChairRequest.Status.SPEAKING],
        )
        .order_by("-created_at")
        .first()
    )
    if own is None:
        return None
    if own.status == ChairRequest.Status.SPEAKING:
        return {"request": own, "speaking": True, "place": 0}
    queue = ordered_queue(room)
    place = next((i for i, r in enumerate(queue, start=1) if r.pk == own.pk), None)
    return {"request": own, "speaking": False, "place": place}


def fairness_hint(room: LiveRoom) -> dict:
    """Who has not spoken yet, and the balance of women and men among those who said.

    - `new_voices`: waiting requests whose person and association have not spoken in this
      room yet (by name and association name, case-insensitive);
    - `women`, `men`: how many of those who spoke said so; `suggest_gender` the one to
      prefer next when the numbers differ by two or more and someone of it is waiting;
    - `suggestion`: the first waiting request that fits all of the above.
    """
    spoken = list(
        ChairRequest.objects.filter(
            room=room,
            status__in=[ChairRequest.Status.DONE, ChairRequest.Status.SPEAKING],
        )
    )
    spoken_names = {_key(r.name) for r in spoken}
    spoken_orgs = {_key(r.organisation_name) for r in spoken if r.organisation_name}
    queue = ordered_queue(room)
    new_voices = [
        r
        for r in queue
        if _key(r.name) not in spoken_names
        and (not r.organisation_name or _key(r.organisation_name) not in spoken_orgs)
    ]
    women = sum(r.gender == ChairRequest.Gender.WOMAN for r in spoken)
    men = sum(r.gender == ChairRequest.Gender.MAN for r in spoken)
    suggest_gender = ""
    if men - women >= 2:
        suggest_gender = ChairRequest.Gender.WOMAN
    elif women - men >= 2:
        suggest_gender = ChairRequest.Gender.MAN
    candidates = new_voices or queue
    suggestion = None
    if suggest_gender:
        suggestion = next((r for r in candidates if r.gender == suggest_gender), None)
    if suggestion is None and candidates:
        suggestion = candidates[0]
    if queue and suggestion is not None and suggestion.pk == queue[0].pk:
        suggestion = None  # the hint only speaks up when it differs from the queue order
    return {
        "new_voices": new_voices,
        "women": women,
        "men": men,
        "suggest_gender": suggest_gender,
        "suggestion": suggestion,
        "spoken_count": len(spoken),
    }


def open_poll(room: LiveRoom) -> Poll | None:
    return Poll.objects.filter(room=room, status=Poll.Status.OPEN).first()


def projector_poll(room: LiveRoom) -> Poll | None:
    """The open poll, else the most recently closed one (its final result)."""
    return (
        open_poll(room)
        or Poll.objects.filter(room=room, status=Poll.Status.CLOSED)
        .order_by("-closed_at", "-id")
        .first()
    )


WORD_CLOUD_SIZE = 40


def poll_results(poll: Poll) -> dict:
    """Votes per answer, with percentages of the ballots (multiple choice: can sum over 100).

    A word-cloud poll: the most frequent answers (`words`, already normalised when stored),
    each with its count and a size step 1-5 relative to the most frequent."""
    if poll.kind == Poll.Kind.WORDS:
        words = list(
            poll.ballots.exclude(text="")
            .values("text")
            .annotate(count=Count("id"))
            .order_by("-count", "text")[:WORD_CLOUD_SIZE]
        )
        top = words[0]["count"] if words else 1
        for word in words:
            word["size"] = 1 + round(4 * word["count"] / top) if top else 1
        return {"poll": poll, "options": [], "words": words, "ballots": poll.ballots.count()}
    options = list(poll.options.annotate(votes=Count("ballots")).order_by("position", "id"))
    ballots = poll.ballots.count()
    for option in options:
        option.percent = round(100 * option.votes / ballots) if ballots else 0
    return {"poll": poll, "options": options, "words": [], "ballots": ballots}


def queue_devices(room: LiveRoom) -> dict:
    """Who waits (device ids in queue order) and who speaks: each phone finds its own place."""
    speaking = current_speaker(room)
    return {
        "queue": [r.device_id for r in ordered_queue(room)],
        "speaking": speaking.device_id if speaking else None,
    }


def pending_by_device(room: LiveRoom) -> dict[str, int]:
    rows = (
        LiveQuestion.objects.filter(room=room, status=LiveQuestion.Status.PENDING)
        .values("device_id")
        .annotate(n=Count("id"))
    )
    return {row["device_id"]: row["n"] for row in rows}


def has_answered(poll: Poll, device_id: str | None) -> bool:
    return bool(device_id) and poll.ballots.filter(device_id=device_id).exists()


def voted_question_ids(room: LiveRoom, device_id: str | None) -> set[int]:
    if not device_id:
        return set()
    return set(
        LiveQuestion.objects.filter(room=room, votes__device_id=device_id).values_list(
            "pk", flat=True
        )
    )


def counts(room: LiveRoom) -> dict:
    return LiveQuestion.objects.filter(room=room).aggregate(
        pending=Count("pk", filter=Q(status=LiveQuestion.Status.PENDING)),
        approved=Count("pk", filter=Q(status=LiveQuestion.Status.APPROVED)),
    )


def questions_for_documentation(event, *, per_room: int = 10) -> list[dict]:
    """The most supported questions a moderator let through, per live room of a meeting.

    Only approved or answered questions: nothing the moderators hid or never approved, and
    no names (the audience asked without an account and did not agree to be published).
    """
    questions = (
        LiveQuestion.objects.filter(
            room__event=event,
            status__in=[QuestionStatus.APPROVED, QuestionStatus.ANSWERED],
        )
        .select_related("room__programme_item")
        .order_by("room__programme_item__starts_at", "room_id", "-votes_count", "created_at")
    )
    by_room: dict = {}
    for question in questions:
        items = by_room.setdefault(question.room, [])
        if len(items) < per_room:
            items.append(question)
    return [
        {
            "title": _("Questions from the audience: %(title)s") % {"title": room.title},
            "items": [
                {
                    "title": "",
                    "text": question.text,
                    "meta": ngettext(
                        "%(count)d support", "%(count)d supports", question.votes_count
                    )
                    % {"count": question.votes_count},
                }
                for question in items
            ],
        }
        for room, items in by_room.items()
    ]
