"""What the live views share: finding the room, the two permission decorators, and the
answers of the updated regions (ETag/304, the server clock)."""

import time

from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404

from vernetzt.core.permissions import permission_required
from vernetzt.events.models import Event

from ..models import LiveRoom


def get_room(code) -> LiveRoom:
    return get_object_or_404(
        LiveRoom.objects.select_related("programme_item", "event"), code=code.lower()
    )


def _room_lookup(code, **kwargs):
    return get_room(code), kwargs


def _event_lookup(slug, **kwargs):
    return get_object_or_404(Event, slug=slug), kwargs


# Signed in, and staff or a forum host of this room; else login or 403. The view gets the room.
moderator_required = permission_required("live.moderate_room", lookup=_room_lookup)
# Staff pages of a meeting's live tools: the view gets the meeting instead of its slug.
staff_required = permission_required("live.manage_live", lookup=_event_lookup)


def with_clock(response):
    response["X-Server-Time"] = f"{time.time():.3f}"
    response["Cache-Control"] = "no-cache, private"
    return response


def not_modified(request, etag: str):
    """A 304 if the region the browser has is the current one, else None."""
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
        response["ETag"] = etag
        return with_clock(response)
    return None


def region_response(update, status=200):
    response = HttpResponse(update.html, status=status)
    response["ETag"] = update.etag
    return with_clock(response)
