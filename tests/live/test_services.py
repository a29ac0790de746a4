"""Services of the live app: audience input, moderation, free chair, polls."""

import pytest
from django.db import IntegrityError, transaction

from vernetzt.live import queries, services
from vernetzt.live.models import ChairRequest, LiveQuestion, QuestionVote

from .factories import ChairRequestFactory, LiveQuestionFactory, LiveRoomFactory, PollFactory

pytestmark = pytest.mark.django_db

DEVICE = "device-aaaaaaaaaaaaaaaa"
OTHER = "device-bbbbbbbbbbbbbbbb"


def test_question_is_pending_in_a_moderated_room_and_approved_otherwise():
    moderated = LiveRoomFactory(moderation=True)
    free = LiveRoomFactory(moderation=False)
    q1 = services.ask_question(room=moderated, device_id=DEVICE, text="  Warum?  ")
    q2 = services.ask_question(room=free, device_id=DEVICE, text="Why?")
    assert (q1.status, q1.text) == (LiveQuestion.Status.PENDING, "Warum?")
    assert q2.status == LiveQuestion.Status.APPROVED
    assert queries.visible_questions(moderated) == []
    assert queries.visible_questions(free) == [q2]


@pytest.mark.parametrize("text", ["", "   ", "x" * 501, "x" * 10_000])
def test_empty_or_too_long_questions_are_refused(text):
    room = LiveRoomFactory()
    with pytest.raises(services.Refused):
        services.ask_question(room=room, device_id=DEVICE, text=text)
    assert not LiveQuestion.objects.exists()


def test_closed_room_refuses_everything():
    room = LiveRoomFactory(is_open=False)
    question = LiveQuestionFactory(room=room)
    poll = PollFactory(room=room, status="open")
    with pytest.raises(services.Refused, match="closed"):
        services.ask_question(room=room, device_id=DEVICE, text="Frage")
    with pytest.raises(services.Refused):
        services.vote_question(room=room, device_id=DEVICE, question_id=question.pk)
    with pytest.raises(services.Refused):
        services.request_chair(room=room, device_id=DEVICE, name="Kim", topic="Thema")
    with pytest.raises(services.Refused):
        services.vote_poll(
            room=room, device_id=DEVICE, poll_id=poll.pk, option_ids=[poll.options.first().pk]
        )


def test_rate_limit_per_device():
    room = LiveRoomFactory()
    for i in range(services.QUESTIONS_PER_MINUTE):
        services.ask_question(room=room, device_id=DEVICE, text=f"Frage {i}")
    with pytest.raises(services.Refused, match="wait"):
        services.ask_question(room=room, device_id=DEVICE, text="Noch eine")
    services.ask_question(room=room, device_id=OTHER, text="Andere Person")
    assert LiveQuestion.objects.count() == services.QUESTIONS_PER_MINUTE + 1


def test_one_vote_per_device_and_question():
    question = LiveQuestionFactory()
    room = question.room
    services.vote_question(room=room, device_id=DEVICE, question_id=question.pk)
    with pytest.raises(services.Refused, match="already"):
        services.vote_question(room=room, device_id=DEVICE, question_id=question.pk)
    services.vote_question(room=room, device_id=OTHER, question_id=question.pk)
    question.refresh_from_db()
    assert question.votes_count == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        QuestionVote.objects.create(question=question, device_id=DEVICE)


def test_pending_or_other_rooms_question_cannot_be_supported():
    pending = LiveQuestionFactory(status=LiveQuestion.Status.PENDING)
    other = LiveQuestionFactory()
    with pytest.raises(services.Refused):
        services.vote_question(room=pending.room, device_id=DEVICE, question_id=pending.pk)
    with pytest.raises(services.Refused):
        services.vote_question(room=pending.room, device_id=DEVICE, question_id=other.pk)


def test_blocked_device_is_refused_and_its_questions_hidden():
    question = LiveQuestionFactory(device_id=DEVICE)
    room = question.room
    ChairRequestFactory(room=room, device_id=DEVICE)
    services.block_device(room=room, device_id=DEVICE)
    question.refresh_from_db()
    assert question.status == LiveQuestion.Status.HIDDEN
    assert queries.ordered_queue(room) == []
    with pytest.raises(services.Refused, match="blocked"):
        services.request_chair(room=room, device_id=DEVICE, name="Kim", topic="Thema")
    with pytest.raises(services.Refused, match="blocked"):
        services.ask_question(room=room, device_id=DEVICE, text="Frage")
    services.ask_question(room=room, device_id=OTHER, text="Frage")  # the room keeps working


def test_moderation_actions():
    question = LiveQuestionFactory(status=LiveQuestion.Status.PENDING)
    other = LiveQuestionFactory(room=question.room, pinned=True)
    room = question.room
    assert (
        services.moderate_question(room=room, question_id=question.pk, action="approve").status
        == "approved"
    )
    services.moderate_question(room=room, question_id=question.pk, action="pin")
    other.refresh_from_db()
    assert not other.pinned  # one pinned question per room
    assert queries.visible_questions(room)[0] == question
    answered = services.moderate_question(room=room, question_id=question.pk, action="answer")
    assert (answered.status, answered.pinned) == ("answered", False)
    with pytest.raises(services.Refused):
        services.moderate_question(room=room, question_id=question.pk, action="delete-all")
    foreign = LiveQuestionFactory()
    with pytest.raises(LiveQuestion.DoesNotExist):
        services.moderate_question(room=room, question_id=foreign.pk, action="hide")


def test_free_chair_queue_moves_and_shows_places():
    room = LiveRoomFactory()
    services.request_chair(room=room, device_id=DEVICE, name="Ada", topic="Eins")
    services.request_chair(room=room, device_id=OTHER, name="Bo", topic="Zwei")
    with pytest.raises(services.Refused, match="already"):
        services.request_chair(room=room, device_id=DEVICE, name="Ada", topic="Nochmal")
    assert queries.queue_place(room, OTHER)["place"] == 2
    first = services.call_next_speaker(room=room)
    assert first.name == "Ada" and first.started_at and first.ends_at
    assert queries.queue_place(room, DEVICE)["speaking"]
    assert queries.queue_place(room, OTHER)["place"] == 1
    second = services.call_next_speaker(room=room)
    assert second.name == "Bo"
    assert ChairRequest.objects.get(pk=first.pk).status == ChairRequest.Status.DONE
    assert ChairRequest.objects.filter(room=room, status="speaking").count() == 1
    services.end_speaker(room=room)
    with pytest.raises(services.Refused, match="No one"):
        services.call_next_speaker(room=room)


@pytest.mark.parametrize(
    ("name", "topic"), [("", "Thema"), ("Kim", ""), ("K" * 81, "Thema"), ("Kim", "T" * 121)]
)
def test_chair_request_needs_short_name_and_topic(name, topic):
    room = LiveRoomFactory()
    with pytest.raises(services.Refused):
        services.request_chair(room=room, device_id=DEVICE, name=name, topic=topic)


def test_newcomers_first_and_fairness_hint():
    room = LiveRoomFactory()
    done = [
        ChairRequestFactory(room=room, name=f"Mann {i}", gender="man", status="done")
        for i in range(2)
    ]
    done[0].organisation_name = "Beispielverein X"
    done[0].save()
    man = ChairRequestFactory(room=room, name="Mann 0", gender="man")
    same_org = ChairRequestFactory(room=room, name="Neu", organisation_name="beispielverein x")
    woman = ChairRequestFactory(room=room, name="Frau", gender="woman")
    newcomer = ChairRequestFactory(room=room, name="Neuling", is_newcomer=True)
    assert queries.ordered_queue(room) == [man, same_org, woman, newcomer]
    hint = queries.fairness_hint(room)
    assert hint["new_voices"] == [woman, newcomer]
    assert (hint["men"], hint["women"], hint["suggest_gender"]) == (2, 0, "woman")
    assert hint["suggestion"] == woman
    room.newcomers_first = True
    room.save()
    assert queries.ordered_queue(room)[0] == newcomer
    assert services.call_next_speaker(room=room, request_id=woman.pk) == woman


def test_polls_single_and_multiple_choice():
    room = LiveRoomFactory()
    poll = services.create_poll(
        room=room, question="Farbe?", kind="single", options=["Rot", "Blau", ""]
    )
    red, blue = poll.options.all()
    with pytest.raises(services.Refused, match="not open"):
        services.vote_poll(room=room, device_id=DEVICE, poll_id=poll.pk, option_ids=[red.pk])
    services.set_poll_status(room=room, poll_id=poll.pk, status="open")
    with pytest.raises(services.Refused, match="only one"):
        services.vote_poll(
            room=room, device_id=DEVICE, poll_id=poll.pk, option_ids=[red.pk, blue.pk]
        )
    with pytest.raises(services.Refused):
        services.vote_poll(room=room, device_id=DEVICE, poll_id=poll.pk, option_ids=[])
    services.vote_poll(room=room, device_id=DEVICE, poll_id=poll.pk, option_ids=[red.pk])
    with pytest.raises(services.Refused, match="already"):
        services.vote_poll(room=room, device_id=DEVICE, poll_id=poll.pk, option_ids=[blue.pk])
    services.vote_poll(room=room, device_id=OTHER, poll_id=poll.pk, option_ids=[red.pk])
    results = queries.poll_results(poll)
    assert [(o.label, o.votes, o.percent) for o in results["options"]] == [
        ("Rot", 2, 100),
        ("Blau", 0, 0),
    ]
    multi = services.create_poll(room=room, question="Was?", kind="multiple", options=["A", "B"])
    services.set_poll_status(room=room, poll_id=multi.pk, status="open")
    poll.refresh_from_db()
    assert poll.status == "closed"  # one open poll per room
    services.vote_poll(
        room=room,
        device_id=DEVICE,
        poll_id=multi.pk,
        option_ids=[o.pk for o in multi.options.all()],
    )
    assert queries.poll_results(multi)["ballots"] == 1
    with pytest.raises(services.Refused):
        services.create_poll(room=room, question="Nur eine?", kind="single", options=["A"])
