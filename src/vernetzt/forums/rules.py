"""Who may do what with forums (django-rules)."""

import rules

from vernetzt.accounts.rules import is_forum_host, is_staff

from .services import can_change_recorded


@rules.predicate
def hosts_forum(user, forum):
    if forum is None or not getattr(user, "is_authenticated", False):
        return False
    return forum.host_links.filter(user=user).exists()


@rules.predicate
def may_change_recorded(user, item):
    """Staff always; a host only their own item of their forum, until staff published it."""
    return item is not None and can_change_recorded(user, item)


rules.add_perm("forums.manage_forums", is_staff)
rules.add_perm("forums.view_my_forums", is_staff | is_forum_host)
rules.add_perm("forums.change_result_item", may_change_recorded)
rules.add_perm("forums.record_results", is_staff | (is_forum_host & hosts_forum))
rules.add_perm("forums.view_host_list", is_staff | (is_forum_host & hosts_forum))
