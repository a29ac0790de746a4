"""Who may do what in publishing (django-rules)."""

import rules

from vernetzt.accounts.rules import is_funder, is_staff

PHOTOGRAPHERS_GROUP = "Fotografie"


@rules.predicate
def is_photographer(user):
    return bool(
        user and user.is_authenticated and user.groups.filter(name=PHOTOGRAPHERS_GROUP).exists()
    )


rules.add_perm("publishing.manage_publishing", is_staff)
rules.add_perm("publishing.upload_photos", is_staff | is_photographer)
rules.add_perm("publishing.view_report", is_staff | is_funder)
