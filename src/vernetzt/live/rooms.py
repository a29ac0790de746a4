"""The room as a phone's action needs it: open or closed, moderated, the free chair, and
whether this device is blocked, from the worker's memory (decision 0187).

A hall sends tens of votes and questions a second; each one used to load the room and ask
whether the device is blocked (a query with a subquery, about a fifth of a vote's cost).
The room's settings and its blocked devices change rarely, and every change bumps the room's
"room" version (`state.changed(..., room=True)` from the signals), so a worker keeps the room
and its blocked devices until that version moves on, reading the version at most every
`state.VERSION_MEMORY` seconds: a room closed or a device blocked a moment ago is refused
by every worker at most that much later.
"""

import copy

from .feeds import forget_code, room_id
from .models import BlockedDevice, LiveRoom
from .state import LOCAL_LIMIT, recent_version

_rooms: dict[int, tuple[int, LiveRoom, frozenset]] = {}  # per process: room -> (version, ...)


def room_for_device(code: str, device_id: str) -> LiveRoom:
    """The room of `code` with `device_blocked` for `device_id` (404 if unknown). The
    meeting and the programme item load only if a page needs them."""
    pk = room_id(code)
    current = recent_version(pk, "room")
    known = _rooms.get(pk)
    if known is None or known[0] != current:
        try:
            room = LiveRoom.objects.get(pk=pk)
        except LiveRoom.DoesNotExist:  # a remembered code of a room that is gone
            forget_code(code)
            room = LiveRoom.objects.get(pk=room_id(code))
            pk = room.pk
        blocked = BlockedDevice.objects.filter(room_id=pk).values_list("device_id", flat=True)
        known = (current, room, frozenset(blocked))
        if len(_rooms) > LOCAL_LIMIT:
            _rooms.clear()
        _rooms[pk] = known
    room = copy.copy(known[1])  # the worker's copy stays as it is (threads, changes)
    room.device_blocked = device_id in known[2]
    return room
