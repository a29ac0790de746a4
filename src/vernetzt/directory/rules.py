"""Who may do what with an association."""

import rules

from vernetzt.accounts.rules import is_staff

from .models import Membership


@rules.predicate
def is_organisation_admin(user, organisation):
    if not user.is_authenticated or organisation is None:
        return False
    return Membership.objects.filter(
        user=user, organisation=organisation, role=Membership.Role.ADMIN
    ).exists()


@rules.predicate
def is_organisation_member(user, organisation):
    if not user.is_authenticated or organisation is None:
        return False
    return Membership.objects.filter(user=user, organisation=organisation).exists()


rules.add_perm("directory.manage_directory", is_staff)
rules.add_perm("directory.change_organisation", is_staff | is_organisation_admin)
rules.add_perm("directory.view_organisation_members", is_staff | is_organisation_member)
