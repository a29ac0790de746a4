"""Who may do what with forums (django-rules)."""

import rules

from vernetzt.accounts.rules import is_forum_host, is_staff


@rules.predicate
def hosts_forum(user, forum):
    if forum is None or not getattr(user, "is_authenticated", False):
        return False
    return forum.host_links.filter(user=user).exists()


rules.add_perm("forums.manage_forums", is_staff)
rules.add_perm("forums.view_my_forums", is_staff | is_forum_host)
rules.add_perm("forums.record_results", is_staff | (is_forum_host & hosts_forum))
rules.add_perm("forums.view_host_list", is_staff | (is_forum_host & hosts_forum))
