"""Views of the live app: the phone (no account), the projector, the moderator, and staff
pages for rooms and networking rounds. Thin: reads through `feeds`/`queries`, writes through
`services`/`networking`."""

from .audience import ask, chair, phone, phone_part, phone_poll, poll_vote, vote
from .moderation import (
    block,
    chair_action,
    moderate,
    moderate_part,
    poll_action,
    poll_create,
    question_action,
    room_settings,
)
from .screens import projector, projector_part, qr
from .staff_pages import event_rooms, networking_rounds, plan, plan_cards, plan_pdf, room_create

__all__ = [
    "ask",
    "block",
    "chair",
    "chair_action",
    "event_rooms",
    "moderate",
    "moderate_part",
    "networking_rounds",
    "phone",
    "phone_part",
    "phone_poll",
    "plan",
    "plan_cards",
    "plan_pdf",
    "poll_action",
    "poll_create",
    "poll_vote",
    "projector",
    "projector_part",
    "qr",
    "question_action",
    "room_create",
    "room_settings",
    "vote",
]
