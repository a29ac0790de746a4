"""Role predicates (django-rules). Object rules of other apps build on these."""

import rules


@rules.predicate
def is_staff(user):
    return bool(user and user.is_authenticated and user.is_staff)


@rules.predicate
def is_funder(user):
    return bool(user and user.is_authenticated and getattr(user, "is_funder", False))


@rules.predicate
def is_forum_host(user):
    return bool(user and user.is_authenticated and getattr(user, "is_forum_host", False))


rules.add_perm("accounts.view_reports", is_staff | is_funder)
