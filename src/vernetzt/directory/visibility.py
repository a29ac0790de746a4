"""Who sees which field of an association: the one function used by pages, API and open data.

Levels: a visitor sees public groups; a member of the network (anybody logged in with a
membership of any association) also sees groups marked "members"; staff see everything.
People of the association itself see all of their own entry.
"""

from dataclasses import dataclass

from django.db.models import Q

from .enums import ALWAYS_PUBLIC_FIELDS, GROUP_FIELDS, VISIBILITY_RANK, FieldGroup, Visibility

PUBLIC, MEMBERS, STAFF = 0, 1, 2
_VISIBILITY_FIELD = {
    FieldGroup.PROFILE: "visibility_profile",
    FieldGroup.CONTACT: "visibility_contact",
    FieldGroup.ADDRESS: "visibility_address",
    FieldGroup.MEMBERS: "visibility_members",
}


@dataclass(frozen=True)
class Viewer:
    level: int
    own_organisation_ids: frozenset

    @property
    def is_staff(self) -> bool:
        return self.level == STAFF


ANONYMOUS = Viewer(level=PUBLIC, own_organisation_ids=frozenset())


def viewer_for(user) -> Viewer:
    """The viewer's level, computed once per request (one query) and kept on the user."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, "_directory_viewer", None)
    if cached is not None:
        return cached
    own = frozenset(user.memberships.values_list("organisation_id", flat=True))
    if user.is_staff:
        level = STAFF
    elif own:
        level = MEMBERS
    else:
        level = PUBLIC
    viewer = Viewer(level=level, own_organisation_ids=own)
    user._directory_viewer = viewer
    return viewer


def visible_groups(viewer: Viewer, organisation) -> set[str]:
    if viewer.is_staff or organisation.pk in viewer.own_organisation_ids:
        return set(FieldGroup.values)
    return {
        group
        for group, attribute in _VISIBILITY_FIELD.items()
        if VISIBILITY_RANK[getattr(organisation, attribute)] <= viewer.level
    }


def visible_fields(viewer: Viewer, organisation) -> set[str]:
    """The names of the fields of `organisation` that `viewer` may see."""
    fields = set(ALWAYS_PUBLIC_FIELDS)
    for group in visible_groups(viewer, organisation):
        fields.update(GROUP_FIELDS[group])
    if not (viewer.is_staff or organisation.pk in viewer.own_organisation_ids):
        # The contact address is only ever used by the contact form; nobody outside sees it.
        fields.discard("contact_email")
    return fields


def group_visible_q(viewer: Viewer, group: str) -> Q:
    """A filter that keeps associations whose `group` the viewer may see (for filtering on it)."""
    if viewer.is_staff:
        return Q()
    allowed = [value for value, rank in VISIBILITY_RANK.items() if rank <= viewer.level]
    condition = Q(**{f"{_VISIBILITY_FIELD[group]}__in": allowed})
    if viewer.own_organisation_ids:
        condition |= Q(pk__in=viewer.own_organisation_ids)
    return condition


def public_point(organisation, fields: set[str]) -> tuple[float, float] | None:
    """(lat, lon) for a map: the exact point only if the address is visible, else the town's."""
    if "exact_point" in fields and organisation.latitude is not None:
        return organisation.latitude, organisation.longitude
    if organisation.municipality_id is None:
        return None
    return organisation.municipality.latitude, organisation.municipality.longitude


__all__ = ["Visibility", "Viewer", "viewer_for", "visible_fields", "visible_groups"]
