"""What the live views share: finding the room, the two permission decorators, and the
answers of the updated regions (ETag/304, the server clock)."""

import time
from functools import wraps

from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404

from vernetzt.core.permissions import permission_required
from vernetzt.events.models import Event

from ..models import LiveRoom


def get_room(code) -> LiveRoom:
    return get_object_or_404(
        LiveRoom.objects.select_related("programme_item", "event"), code=code.lower()
    )


def _with(permission, load, argument):
    """permission_required with `load`, the view receiving the object instead of the URL's
    `argument` (the room instead of its code, the meeting instead of its slug)."""

    def decorator(view):
        @wraps(view)
        def receives_object(request, obj, *args, **kwargs):
            kwargs.pop(argument, None)
            return view(request, obj, *args, **kwargs)

        return permission_required(permission, load=load)(receives_object)

    return decorator


def _load_room(*args, code, **kwargs):
    return get_room(code)


def _load_event(*args, slug, **kwargs):
    return get_object_or_404(Event, slug=slug)


# Signed in, and staff or a forum host of this room; else login or 403. The view gets the room.
moderator_required = _with("live.moderate_room", _load_room, "code")
# Staff pages of a meeting's live tools: the view gets the meeting instead of its slug.
staff_required = _with("live.manage_live", _load_event, "slug")


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
    response = HttpResponse(update.body or update.html, status=status)
    response["ETag"] = update.etag
    return with_clock(response)
