"""The forums part of "Mein Bereich": forums the person hosts (moderates or records)."""

from .models import Forum


def sections(request) -> list[dict]:
    forums = list(
        Forum.objects.filter(host_links__user=request.user)
        .select_related("event", "slot")
        .order_by("-event__starts_at", "slot__position", "position")
    )
    if not forums:
        return []
    return [{"template": "forums/_my_area.html", "order": 30, "forums": forums}]
