"""Who may do what in the network. An association's admins and members act for it."""

import rules

from vernetzt.accounts.rules import is_staff
from vernetzt.directory.models import Membership
from vernetzt.directory.visibility import MEMBERS, viewer_for

from .enums import ListingVisibility


def own_organisation_ids(user) -> frozenset:
    if not user or not user.is_authenticated:
        return frozenset()
    return viewer_for(user).own_organisation_ids


@rules.predicate
def has_membership(user):
    return bool(user and user.is_authenticated and Membership.objects.filter(user=user).exists())


@rules.predicate
def is_listing_member(user, listing):
    return listing is not None and listing.organisation_id in own_organisation_ids(user)


@rules.predicate
def can_see_listing(user, listing):
    if listing is None:
        return False
    viewer = viewer_for(user)
    if viewer.is_staff or listing.organisation_id in viewer.own_organisation_ids:
        return True
    if not listing.is_active:
        return False
    if listing.visibility == ListingVisibility.PUBLIC:
        return True
    return viewer.level >= MEMBERS


@rules.predicate
def is_booking_owner(user, booking):
    return booking is not None and booking.listing.organisation_id in own_organisation_ids(user)


@rules.predicate
def is_booking_borrower(user, booking):
    return booking is not None and booking.organisation_id in own_organisation_ids(user)


def sees_address(user, listing) -> bool:
    """The exact address of a room: signed-in members of the network (and staff) only."""
    viewer = viewer_for(user)
    return viewer.level >= MEMBERS or listing.organisation_id in viewer.own_organisation_ids


rules.add_perm("network.add_listing", is_staff | has_membership)
rules.add_perm("network.view_listing", can_see_listing)
rules.add_perm("network.change_listing", is_staff | is_listing_member)
rules.add_perm("network.view_booking", is_staff | is_booking_owner | is_booking_borrower)
rules.add_perm("network.decide_booking", is_staff | is_booking_owner)
rules.add_perm("network.cancel_booking", is_staff | is_booking_owner | is_booking_borrower)
rules.add_perm("network.give_feedback", is_booking_owner | is_booking_borrower)
rules.add_perm("network.view_overview", is_staff)
