"""Role x URL matrix of the live app (see tests/permissions.py).

Moderation: staff, and the forum host named as host of the room (the world's forum host is).
"""

from tests.permissions import EVERYONE, STAFF, Case

MODERATORS = frozenset({"staff", "forum_host"})


def _room(w):
    from .factories import LiveRoomFactory

    if "room" not in w:
        w["room"] = LiveRoomFactory(code="matrixraum")
        w["room"].hosts.add(w["users"]["forum_host"])
    return w["room"]


def code(w):
    return {"code": _room(w).code}


def question(w):
    from .factories import LiveQuestionFactory

    if "question" not in w:
        w["question"] = LiveQuestionFactory(room=_room(w))
    return {"code": _room(w).code, "pk": w["question"].pk}


def poll(w):
    from .factories import PollFactory

    if "poll" not in w:
        w["poll"] = PollFactory(room=_room(w))
    return {"code": _room(w).code, "pk": w["poll"].pk}


def chair_request(w):
    from .factories import ChairRequestFactory

    if "chair_request" not in w:
        w["chair_request"] = ChairRequestFactory(room=_room(w))
    return {"code": _room(w).code, "pk": w["chair_request"].pk}


def slug(w):
    return {"slug": _room(w).event.slug}


def item(w):
    return {"slug": _room(w).event.slug, "item_pk": _room(w).programme_item_id}


def plan(w, **extra):
    from tests.registration.factories import RegistrationFactory
    from vernetzt.live.models import NetworkingPlan, Seat

    if "plan" not in w:
        w["plan"] = NetworkingPlan.objects.create(
            event=_room(w).event, title="Runden", table_size=4, rounds_count=1
        )
        for _ in range(2):
            Seat.objects.create(
                plan=w["plan"],
                round_number=1,
                table_number=1,
                registration=RegistrationFactory(event=_room(w).event),
            )
    return {"slug": _room(w).event.slug, "pk": w["plan"].pk, **extra}


CASES = [
    Case("live:phone", EVERYONE, kwargs=code),
    Case("live:phone_part", EVERYONE, kwargs=code),
    Case("live:phone_poll", EVERYONE, kwargs=code),
    Case("live:projector", EVERYONE, kwargs=code),
    Case("live:projector_part", EVERYONE, kwargs=code),
    Case("live:qr", EVERYONE, kwargs=code),
    Case("live:ask", EVERYONE, kwargs=code, method="post", data=lambda w: {"ask-text": "Frage?"}),
    Case("live:vote", EVERYONE, kwargs=question, method="post"),
    Case(
        "live:chair",
        EVERYONE,
        kwargs=code,
        method="post",
        data=lambda w: {"chair-name": "Kim", "chair-topic": "Thema"},
    ),
    Case("live:poll_vote", EVERYONE, kwargs=poll, method="post"),
    Case("live:moderate", MODERATORS, kwargs=code),
    Case("live:moderate_part", MODERATORS, kwargs=code),
    Case(
        "live:question_action",
        MODERATORS,
        kwargs=question,
        method="post",
        data=lambda w: {"action": "approve"},
    ),
    Case("live:block", MODERATORS, kwargs=question, method="post"),
    Case(
        "live:chair_action",
        MODERATORS,
        kwargs=code,
        method="post",
        data=lambda w: {"action": "end"},
    ),
    Case(
        "live:room_settings",
        MODERATORS,
        kwargs=code,
        method="post",
        data=lambda w: {"is_open": "1"},
    ),
    Case("live:poll_create", MODERATORS, kwargs=code, method="post"),
    Case(
        "live:poll_action",
        MODERATORS,
        kwargs=poll,
        method="post",
        data=lambda w: {"action": "open"},
    ),
    Case("live:event_rooms", STAFF, kwargs=slug),
    Case("live:room_create", STAFF, kwargs=item, method="post"),
    Case("live:networking", STAFF, kwargs=slug),
    Case("live:plan", STAFF, kwargs=plan),
    Case("live:plan_pdf", STAFF, kwargs=plan),
    Case("live:plan_cards", STAFF, kwargs=plan),
    Case("live:round_pdf", STAFF, kwargs=lambda w: plan(w, round_number=1)),
]
