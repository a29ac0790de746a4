"""Demo: a live room for the 2025 open panel (fictional questions, a free-chair queue, a
poll), and networking rounds for 2025 if the seating solver is installed.

Idempotent: the room is found by its code; its content and the plan are created once.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model

from vernetzt.events.models import Event, ProgrammeItem

from . import networking
from .models import ChairRequest, LiveQuestion, LiveRoom, Poll, PollBallot, QuestionVote

ROOM_CODE = "podium25"

QUESTIONS = [
    # text, name, association, status, votes, pinned
    (
        "Wie können kleine Vereine ohne eigenes Büro an Fördermittel kommen?",
        "Amina",
        "Beispielverein Brücke e.V.",
        "approved",
        14,
        True,
    ),
    (
        "Which contact person in the ministry is responsible for our district?",
        "",
        "",
        "approved",
        9,
        False,
    ),
    (
        "كيف يمكن للجمعيات الصغيرة أن تتعاون مع البلديات؟",
        "Samir",
        "",
        "approved",
        6,
        False,
    ),
    (
        "Gibt es die Präsentationen von heute später online?",
        "",
        "",
        "answered",
        3,
        False,
    ),
    ("Wann ist die Mittagspause?", "", "", "pending", 0, False),
]


def _language_of(text: str) -> str:
    """The demo's phones: Arabic script from an Arabic phone, the English question from an
    English one, the rest from German phones (a real question keeps its phone's language)."""
    if any("\u0600" <= char <= "\u06ff" for char in text):
        return "ar"
    return "en" if text.startswith("Which ") else "de"


CHAIR = [
    # name, association, topic, gender, newcomer, status
    (
        "Jonas Beispiel",
        "Beispielverein Horizont e.V.",
        "Ehrenamt braucht Räume",
        "man",
        False,
        "done",
    ),
    (
        "Leyla Muster",
        "Beispielverein Mosaik e.V.",
        "Mentoring für junge Frauen",
        "woman",
        True,
        "waiting",
    ),
    ("Kofi Probe", "", "Sprachmittlung in Arztpraxen", "", False, "waiting"),
    (
        "Mariam Exempel",
        "Beispielverein Dialog e.V.",
        "Vereinsgründung leicht gemacht",
        "woman",
        False,
        "waiting",
    ),
]


def _room_2025():
    event = Event.objects.filter(slug="vernetzungstreffen-2025").first()
    if event is None:
        return None
    item = (
        ProgrammeItem.objects.filter(event=event, kind=ProgrammeItem.Kind.PANEL)
        .order_by("starts_at")
        .first()
    )
    if item is None:
        return None
    room = LiveRoom.objects.filter(programme_item=item).first()
    if room is not None:
        return room
    room = LiveRoom.objects.create(
        event=event, programme_item=item, code=ROOM_CODE, is_open=True, moderation=True
    )
    host = get_user_model().objects.filter(email="forum@vernetzt.example").first()
    if host is not None:
        room.hosts.add(host)
    start = item.starts_at
    for i, (text, name, org, status, votes, pinned) in enumerate(QUESTIONS):
        question = LiveQuestion.objects.create(
            room=room,
            text=text,
            name=name,
            organisation_name=org,
            language=_language_of(text),
            status=status,
            pinned=pinned,
            votes_count=votes,
            device_id=f"demo-device-q{i:02d}-xxxxxxxx",
            created_at=start + timedelta(minutes=5 + i * 3),
        )
        QuestionVote.objects.bulk_create(
            QuestionVote(question=question, device_id=f"demo-device-v{v:03d}-xxxxxxx")
            for v in range(votes)
        )
    for i, (name, org, topic, gender, newcomer, status) in enumerate(CHAIR):
        ChairRequest.objects.create(
            room=room,
            name=name,
            organisation_name=org,
            topic=topic,
            gender=gender,
            is_newcomer=newcomer,
            status=status,
            device_id=f"demo-device-c{i:02d}-xxxxxxxx",
            created_at=start + timedelta(minutes=10 + i * 4),
            started_at=start + timedelta(minutes=20) if status == "done" else None,
            ended_at=start + timedelta(minutes=23) if status == "done" else None,
        )
    poll = Poll.objects.create(
        room=room,
        question="Wie arbeitet Ihr Verein heute mit anderen Vereinen zusammen?",
        kind=Poll.Kind.MULTIPLE,
        status=Poll.Status.CLOSED,
        opened_at=start + timedelta(minutes=30),
        closed_at=start + timedelta(minutes=35),
    )
    options = [
        poll.options.create(label=label, position=i)
        for i, label in enumerate(
            ["Gemeinsame Veranstaltungen", "Räume teilen", "Gemeinsame Anträge", "Noch gar nicht"]
        )
    ]
    for i, picks in enumerate([[0, 1], [0], [0, 2], [3], [1], [0, 1, 2], [3], [0]]):
        ballot = PollBallot.objects.create(poll=poll, device_id=f"demo-device-p{i:02d}-xxxxxxxx")
        ballot.options.set([options[p] for p in picks])
    return room


def load(stdout):
    room = _room_2025()
    if room is not None:
        stdout.write(f"  live: room /live/{room.code}/ for the 2025 panel")
    event = Event.objects.filter(slug="vernetzungstreffen-2025").first()
    if event is None or event.networking_plans.exists():
        return
    try:
        plan = networking.create_plan(
            event=event,
            who="checked_in",
            table_size=6,
            rounds=3,
            title="Vernetzungsrunden 2025",
            time_limit_s=5,
        )
    except networking.PlanError as error:
        stdout.write(f"  live: no networking rounds for 2025 ({error})")
        return
    stdout.write(f"  live: networking rounds for 2025 ({plan.participants_count} people)")
