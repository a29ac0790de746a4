"""The live part of "Mein Bereich": live rooms the person moderates."""

from .models import LiveRoom


def sections(request) -> list[dict]:
    rooms = list(
        LiveRoom.objects.filter(hosts=request.user)
        .select_related("event", "programme_item")
        .order_by("-event__starts_at", "programme_item__starts_at")
    )
    if not rooms:
        return []
    return [{"template": "live/_my_area.html", "order": 40, "rooms": rooms}]
