"""A phone's own state in a room: the questions it supports and the polls it has answered
(decisions 0174, 0187).

Read from the database (two indexed queries) when the phone's page is built and after the
phone's own actions; live.js keeps it between them. The updates a phone asks for every few
seconds do not carry it: they are the room's shared bytes plus what the shared snapshot
knows of the device (its questions, its place in the queue), so that they cost no query and
no cache round trip. A phone with two tabs learns a vote of the other tab with its next own
action or page load.
"""

from .models import PollBallot, QuestionVote

EMPTY = {"votes": frozenset(), "ballots": frozenset()}


def load(room_id: int, device_id: str | None) -> dict:
    """From the database: two indexed queries (none without a device)."""
    if not device_id:
        return EMPTY
    votes = QuestionVote.objects.filter(device_id=device_id, question__room_id=room_id)
    ballots = PollBallot.objects.filter(device_id=device_id, poll__room_id=room_id)
    return {
        "votes": frozenset(votes.values_list("question_id", flat=True)),
        "ballots": frozenset(ballots.values_list("poll_id", flat=True)),
    }
