"""The projector (the hall's screen) and the QR code of a room."""

import io

import segno
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .. import feeds
from ..models import LiveRoom
from ..state import recent_version
from .common import get_room, not_modified, region_response


@never_cache
@require_GET
def projector(request, code):
    """Full screen for the hall: QR code, short address, questions, speaker, timer, poll."""
    room = get_room(code)
    phone_url = reverse("live:phone", kwargs={"code": room.code})
    context = {
        "room": room,
        "event": room.event,
        "live": feeds.projector_update(room.pk, fresh=True),
        "short_url": request.get_host() + phone_url,
    }
    return render(request, "live/projector.html", context)


@require_GET
def projector_part(request, code):
    """The projector's updated region: 304 while nothing changed (no query), else the
    snapshot all projectors of the room share."""
    room_pk = feeds.room_id(code)
    current = recent_version(room_pk)
    unchanged = not_modified(request, f'"{current}"')
    if unchanged:
        return unchanged
    try:
        update = feeds.projector_update(room_pk, current=current)
    except LiveRoom.DoesNotExist:  # a remembered code of a room that is gone
        feeds.forget_code(code)
        update = feeds.projector_update(feeds.room_id(code))
    return not_modified(request, update.etag) or region_response(update)


@require_GET
def qr(request, code):
    """The room's phone address as an SVG QR code (server-rendered with segno)."""
    room = get_room(code)
    buffer = io.BytesIO()
    segno.make(request.build_absolute_uri(room.get_absolute_url()), error="m").save(
        buffer, kind="svg", scale=10, border=2, xmldecl=False, svgns=True, title=room.code
    )
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "max-age=3600"
    return response
