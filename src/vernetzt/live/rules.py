"""Who may do what in the live app (django-rules).

Moderating a room: staff, or a forum host the room names as one of its hosts.
"""

import rules

from vernetzt.accounts.rules import is_forum_host, is_staff


@rules.predicate
def is_room_host(user, room):
    if room is None or not (user and user.is_authenticated):
        return False
    return room.hosts.filter(pk=user.pk).exists()


can_moderate_rule = is_staff | (is_forum_host & is_room_host)

rules.add_perm("live.manage_live", is_staff)
rules.add_perm("live.moderate_room", can_moderate_rule)


def can_moderate(user, room) -> bool:
    return user.has_perm("live.moderate_room", room)
