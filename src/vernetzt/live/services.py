"""Writes of the live app. Each function runs in one transaction.

Audience actions raise `Refused` with a message for the person (room closed, too long,
too many in a short time, blocked device, voted already); moderator actions raise `Refused`
for a state that does not allow them (e.g. no one waiting).
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .device import rate_limited
from .models import (
    ANSWER_MAX_LENGTH,
    NAME_MAX_LENGTH,
    QUESTION_MAX_LENGTH,
    TOPIC_MAX_LENGTH,
    WORD_MAX_LENGTH,
    BlockedDevice,
    ChairRequest,
    LiveQuestion,
    LiveRoom,
    Poll,
    PollBallot,
    PollOption,
    QuestionVote,
)
from .queries import ordered_queue
from .state import changed

QUESTIONS_PER_MINUTE = 3
VOTES_PER_MINUTE = 30
CHAIR_REQUESTS_PER_10_MINUTES = 2
# Questions a phone can support, and withdraw its support from.
VOTABLE = (LiveQuestion.Status.APPROVED, LiveQuestion.Status.ANSWERED)


class Refused(Exception):
    """An action was refused; `str(error)` is the message for the person."""


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _require_open(room: LiveRoom, device_id: str):
    if not room.is_open:
        raise Refused(_("This live room is closed."))
    # A room loaded for this device (`rooms.room_for_device`) knows already; else one query.
    blocked = getattr(room, "device_blocked", None)
    if blocked is None:
        blocked = BlockedDevice.objects.filter(room=room, device_id=device_id).exists()
    if blocked:
        raise Refused(_("Your device has been blocked in this room by the moderation."))


# --- Staff: rooms -------------------------------------------------------------------------------


@transaction.atomic
def create_room(*, programme_item) -> LiveRoom:
    """The live room of a programme item (created closed if missing). Never raises."""
    room, _created = LiveRoom.objects.get_or_create(
        programme_item=programme_item, defaults={"event": programme_item.event}
    )
    return room


@transaction.atomic
def set_room_open(*, room: LiveRoom, is_open: bool) -> LiveRoom:
    """Open or close a room for the audience (closing keeps everything; phones are refused)."""
    room = LiveRoom.objects.select_for_update().get(pk=room.pk)
    room.is_open = is_open
    if is_open:
        room.opened_at = timezone.now()
    else:
        room.closed_at = timezone.now()
    room.save(update_fields=["is_open", "opened_at", "closed_at"])
    return room


@transaction.atomic
def update_room_settings(
    *, room: LiveRoom, moderation: bool, newcomers_first: bool, speaking_seconds: int
) -> LiveRoom:
    """Change moderation, newcomers-first and speaking time. Raises Refused for a bad time."""
    if not 30 <= speaking_seconds <= 1800:
        raise Refused(_("Speaking time must be between 30 seconds and 30 minutes."))
    room.moderation = moderation
    room.newcomers_first = newcomers_first
    room.speaking_seconds = speaking_seconds
    room.save(update_fields=["moderation", "newcomers_first", "speaking_seconds"])
    return room


# --- Audience -----------------------------------------------------------------------------------


@transaction.atomic
def ask_question(
    *,
    room: LiveRoom,
    device_id: str,
    text: str,
    name: str = "",
    organisation_name: str = "",
    language: str = "",
) -> LiveQuestion:
    """Store a question: pending if the room is moderated, else approved at once.
    `language`: of the phone's interface (the question is shown with it as `lang`).

    Raises Refused: room closed, device blocked, empty or too long, too many per minute.
    """
    _require_open(room, device_id)
    text = (text or "").strip()
    if not text:
        raise Refused(_("Please write your question."))
    if len(text) > QUESTION_MAX_LENGTH:
        raise Refused(
            _("Your question is too long: at most %(max)d characters.")
            % {"max": QUESTION_MAX_LENGTH}
        )
    if rate_limited(key=f"q:{room.pk}:{device_id}", limit=QUESTIONS_PER_MINUTE, window_s=60):
        raise Refused(_("You have asked several questions just now. Please wait a minute."))
    return LiveQuestion.objects.create(
        room=room,
        device_id=device_id,
        text=text,
        name=_clean(name)[:NAME_MAX_LENGTH],
        organisation_name=_clean(organisation_name)[:NAME_MAX_LENGTH],
        language=language if language in dict(settings.LANGUAGES) else "",
        status=LiveQuestion.Status.PENDING if room.moderation else LiveQuestion.Status.APPROVED,
    )


def vote_question(
    *, room: LiveRoom, device_id: str, question_id: int, withdraw: bool = False
) -> None:
    """Support a visible question once per device (unique constraint, safe under races), or
    withdraw the device's support (`withdraw=True`; nothing happens if it had none).

    A support is two statements in one transaction: the count goes up only for an approved
    question of this room that the device did not ask (the row's lock orders concurrent
    votes), then the vote is inserted; a second support of the same device breaks the unique
    constraint and undoes both.

    Raises Refused: room closed, device blocked, unknown or hidden question, own question,
    voted already, too many votes in a minute.
    """
    _require_open(room, device_id)
    if rate_limited(key=f"v:{room.pk}:{device_id}", limit=VOTES_PER_MINUTE, window_s=60):
        raise Refused(_("Too many votes in a short time. Please wait a minute."))
    if withdraw:
        _withdraw_vote(room, device_id, question_id)
        return
    # An instance with the keys only: the vote's signal knows the room without a query.
    question = LiveQuestion(pk=question_id, room_id=room.pk)
    try:
        with transaction.atomic():
            counted = (
                LiveQuestion.objects.filter(
                    pk=question_id, room=room, status=LiveQuestion.Status.APPROVED
                )
                .exclude(device_id=device_id)
                .update(votes_count=F("votes_count") + 1)
            )
            if not counted:
                raise LiveQuestion.DoesNotExist
            QuestionVote.objects.create(question=question, device_id=device_id)
    except LiveQuestion.DoesNotExist as error:
        own_question = LiveQuestion.objects.filter(
            pk=question_id, room=room, device_id=device_id
        ).exists()
        if own_question:
            raise Refused(_("You cannot support your own question.")) from error
        raise Refused(_("This question cannot be supported.")) from error
    except IntegrityError as error:
        raise Refused(_("You have already supported this question.")) from error


@transaction.atomic
def _withdraw_vote(room: LiveRoom, device_id: str, question_id: int) -> None:
    question = (
        LiveQuestion.objects.select_for_update()
        .filter(pk=question_id, room=room, status__in=VOTABLE)
        .first()
    )
    if question is None:
        raise Refused(_("This question cannot be supported."))
    deleted, _details = QuestionVote.objects.filter(question=question, device_id=device_id).delete()
    if deleted:
        LiveQuestion.objects.filter(pk=question.pk, votes_count__gt=0).update(
            votes_count=F("votes_count") - 1
        )


@transaction.atomic
def request_chair(
    *,
    room: LiveRoom,
    device_id: str,
    name: str,
    topic: str,
    organisation_name: str = "",
    gender: str = "",
    is_newcomer: bool = False,
) -> ChairRequest:
    """Join the free-chair queue. Raises Refused: room closed or without free chair, blocked,
    name or topic missing or too long, already waiting, too many requests."""
    _require_open(room, device_id)
    if not room.free_chair:
        raise Refused(_("This programme item has no free chair."))
    name, topic = _clean(name), _clean(topic)
    if not name or not topic:
        raise Refused(_("Please give your name and your topic."))
    if len(name) > NAME_MAX_LENGTH or len(topic) > TOPIC_MAX_LENGTH:
        raise Refused(
            _("Please keep it short: name up to %(name)d, topic up to %(topic)d characters.")
            % {"name": NAME_MAX_LENGTH, "topic": TOPIC_MAX_LENGTH}
        )
    if gender not in ("", *ChairRequest.Gender.values):
        gender = ""
    if ChairRequest.objects.filter(
        room=room,
        device_id=device_id,
        status__in=[ChairRequest.Status.WAITING, ChairRequest.Status.SPEAKING],
    ).exists():
        raise Refused(_("You are already in the queue."))
    if rate_limited(
        key=f"c:{room.pk}:{device_id}", limit=CHAIR_REQUESTS_PER_10_MINUTES, window_s=600
    ):
        raise Refused(_("Too many requests from this device. Please wait a few minutes."))
    return ChairRequest.objects.create(
        room=room,
        device_id=device_id,
        name=name,
        topic=topic,
        organisation_name=_clean(organisation_name)[:NAME_MAX_LENGTH],
        gender=gender,
        is_newcomer=bool(is_newcomer),
        speaking_seconds=room.speaking_seconds,
    )


@transaction.atomic
def withdraw_chair_request(*, room: LiveRoom, device_id: str) -> int:
    """Leave the queue (the device's waiting request). Returns how many were withdrawn."""
    changed(room.pk)
    return ChairRequest.objects.filter(
        room=room, device_id=device_id, status=ChairRequest.Status.WAITING
    ).update(status=ChairRequest.Status.WITHDRAWN)


def normalise_word(text: str | None) -> str:
    """A word-cloud answer as it is counted: case folded, spaces collapsed."""
    return " ".join((text or "").casefold().split())


def vote_poll(
    *, room: LiveRoom, device_id: str, poll_id: int, option_ids: list[int], text: str = ""
) -> Poll:
    """Answer an open poll once per device: options, or a short `text` in a word-cloud poll.

    Raises Refused: room or poll closed, blocked, no or invalid choice, more than one choice
    in a single-choice poll, an empty or too long word, answered already."""
    _require_open(room, device_id)
    try:
        with transaction.atomic():
            poll = Poll.objects.select_for_update().get(pk=poll_id, room=room)
            if poll.status != Poll.Status.OPEN:
                raise Refused(_("This poll is not open."))
            if poll.kind == Poll.Kind.WORDS:
                word = normalise_word(text)
                if not word:
                    raise Refused(_("Please write a word or a few words."))
                if len(word) > WORD_MAX_LENGTH:
                    raise Refused(
                        _("Please keep it short: at most %(max)d characters.")
                        % {"max": WORD_MAX_LENGTH}
                    )
                PollBallot.objects.create(poll=poll, device_id=device_id, text=word)
            else:
                option_ids = sorted({int(pk) for pk in option_ids})
                options = list(PollOption.objects.filter(poll=poll, pk__in=option_ids))
                if not options or len(options) != len(option_ids):
                    raise Refused(_("Please choose an answer."))
                if poll.kind == Poll.Kind.SINGLE and len(options) > 1:
                    raise Refused(_("Please choose only one answer."))
                ballot = PollBallot.objects.create(poll=poll, device_id=device_id)
                ballot.options.set(options)
    except Poll.DoesNotExist as error:
        raise Refused(_("This poll is not open.")) from error
    except IntegrityError as error:
        raise Refused(_("You have already answered this poll.")) from error
    return poll


# --- Moderation ---------------------------------------------------------------------------------

QUESTION_ACTIONS = ("approve", "hide", "answer", "pin", "unpin", "reopen")


@transaction.atomic
def moderate_question(*, room: LiveRoom, question_id: int, action: str) -> LiveQuestion:
    """Approve, hide, mark answered, pin/unpin or reopen a question of this room.

    Raises Refused for an unknown action; LiveQuestion.DoesNotExist for another room's question.
    """
    if action not in QUESTION_ACTIONS:
        raise Refused(_("Unknown action."))
    question = LiveQuestion.objects.select_for_update().get(pk=question_id, room=room)
    status = {
        "approve": LiveQuestion.Status.APPROVED,
        "hide": LiveQuestion.Status.HIDDEN,
        "answer": LiveQuestion.Status.ANSWERED,
        "reopen": LiveQuestion.Status.APPROVED,
    }.get(action)
    if status:
        question.status = status
        if status in (LiveQuestion.Status.HIDDEN, LiveQuestion.Status.ANSWERED):
            question.pinned = False
    elif action == "pin":
        LiveQuestion.objects.filter(room=room, pinned=True).update(pinned=False)
        question.pinned = True
        if question.status in (LiveQuestion.Status.PENDING, LiveQuestion.Status.HIDDEN):
            question.status = LiveQuestion.Status.APPROVED
    else:
        question.pinned = False
    question.save(update_fields=["status", "pinned"])
    changed(room.pk)
    return question


@transaction.atomic
def answer_question(*, room: LiveRoom, question_id: int, answer: str) -> LiveQuestion:
    """The moderator's short written answer under a question (empty text removes it).

    Raises Refused for a too long answer; LiveQuestion.DoesNotExist for another room's."""
    answer = " ".join((answer or "").split())
    if len(answer) > ANSWER_MAX_LENGTH:
        raise Refused(
            _("The answer is too long: at most %(max)d characters.") % {"max": ANSWER_MAX_LENGTH}
        )
    question = LiveQuestion.objects.select_for_update().get(pk=question_id, room=room)
    question.answer = answer
    question.save(update_fields=["answer"])
    return question


@transaction.atomic
def block_device(*, room: LiveRoom, device_id: str) -> int:
    """Block a device in a room: hides its questions, withdraws its waiting requests.
    Returns the number of questions hidden."""
    BlockedDevice.objects.get_or_create(room=room, device_id=device_id)
    changed(room.pk)
    ChairRequest.objects.filter(
        room=room, device_id=device_id, status=ChairRequest.Status.WAITING
    ).update(status=ChairRequest.Status.WITHDRAWN)
    return LiveQuestion.objects.filter(room=room, device_id=device_id).update(
        status=LiveQuestion.Status.HIDDEN, pinned=False
    )


def _finish_speaker(room: LiveRoom, now):
    changed(room.pk)
    ChairRequest.objects.filter(room=room, status=ChairRequest.Status.SPEAKING).update(
        status=ChairRequest.Status.DONE, ended_at=now
    )


@transaction.atomic
def call_next_speaker(*, room: LiveRoom, request_id: int | None = None) -> ChairRequest:
    """End the current speaker's turn and give the free chair to the next waiting person
    (or the one with `request_id`, e.g. chosen from the fairness hint); the timer starts.

    Raises Refused when no one is waiting (or the chosen request is not waiting).
    """
    room = LiveRoom.objects.select_for_update().get(pk=room.pk)
    now = timezone.now()
    if request_id is not None:
        chosen = ChairRequest.objects.filter(
            pk=request_id, room=room, status=ChairRequest.Status.WAITING
        ).first()
    else:
        queue = ordered_queue(room)
        chosen = queue[0] if queue else None
    if chosen is None:
        raise Refused(_("No one is waiting for the free chair."))
    _finish_speaker(room, now)
    chosen.status = ChairRequest.Status.SPEAKING
    chosen.started_at = now
    chosen.speaking_seconds = room.speaking_seconds
    chosen.save(update_fields=["status", "started_at", "speaking_seconds"])
    return chosen


@transaction.atomic
def end_speaker(*, room: LiveRoom) -> int:
    """End the current free-chair turn. Returns 1 if someone was speaking, else 0."""
    room = LiveRoom.objects.select_for_update().get(pk=room.pk)
    changed(room.pk)
    return ChairRequest.objects.filter(room=room, status=ChairRequest.Status.SPEAKING).update(
        status=ChairRequest.Status.DONE, ended_at=timezone.now()
    )


@transaction.atomic
def remove_chair_request(*, room: LiveRoom, request_id: int) -> int:
    """Take a waiting request off the queue (moderator)."""
    changed(room.pk)
    return ChairRequest.objects.filter(
        pk=request_id, room=room, status=ChairRequest.Status.WAITING
    ).update(status=ChairRequest.Status.WITHDRAWN)


@transaction.atomic
def create_poll(*, room: LiveRoom, question: str, kind: str, options: list[str]) -> Poll:
    """A draft poll with 2-10 answers (a word-cloud poll has none: people type a word).

    Raises Refused for a missing question or answers."""
    question = _clean(question)
    labels = [_clean(label)[:120] for label in options if _clean(label)]
    if kind not in Poll.Kind.values:
        kind = Poll.Kind.SINGLE
    if not question or len(question) > 300:
        raise Refused(_("Please write the poll question (up to 300 characters)."))
    if kind == Poll.Kind.WORDS:
        labels = []
    elif not 2 <= len(labels) <= 10:
        raise Refused(_("A poll needs between 2 and 10 answers, one per line."))
    poll = Poll.objects.create(room=room, question=question, kind=kind)
    PollOption.objects.bulk_create(
        PollOption(poll=poll, label=label, position=i) for i, label in enumerate(labels)
    )
    return poll


@transaction.atomic
def show_poll_results(*, room: LiveRoom, poll_id: int, shown: bool) -> Poll:
    """The moderator decides when the results are shown (projector, and phones that answered).

    Raises Poll.DoesNotExist for another room's poll."""
    poll = Poll.objects.select_for_update().get(pk=poll_id, room=room)
    poll.show_results = shown
    poll.save(update_fields=["show_results"])
    return poll


@transaction.atomic
def set_poll_status(*, room: LiveRoom, poll_id: int, status: str) -> Poll:
    """Open (closing any other open poll of the room) or close a poll.

    Raises Refused for an unknown status; Poll.DoesNotExist for another room's poll."""
    poll = Poll.objects.select_for_update().get(pk=poll_id, room=room)
    now = timezone.now()
    if status == Poll.Status.OPEN:
        Poll.objects.filter(room=room, status=Poll.Status.OPEN).exclude(pk=poll.pk).update(
            status=Poll.Status.CLOSED, closed_at=now
        )
        poll.status, poll.opened_at = Poll.Status.OPEN, now
    elif status == Poll.Status.CLOSED:
        poll.status, poll.closed_at = Poll.Status.CLOSED, now
    else:
        raise Refused(_("Unknown action."))
    poll.save(update_fields=["status", "opened_at", "closed_at"])
    changed(room.pk)
    return poll
