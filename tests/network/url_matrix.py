from tests.permissions import EVERYONE, SIGNED_IN, STAFF, Case

# Association A (member, admin_a) lends; association B (admin_b) borrows.
A_AND_B = frozenset({"member", "admin_a", "admin_b", "staff"})
MEMBERS_OF_ANY = frozenset({"member", "admin_a", "admin_b", "staff"})
A_PEOPLE = frozenset({"member", "admin_a", "staff"})


def _room(w):
    from tests.network.factories import ListingFactory  # noqa: PLC0415 - needs the db

    if "room" not in w:
        w["room"] = ListingFactory(organisation=w["organisation_a"])
    return w["room"]


def _members_only(w):
    from tests.network.factories import ListingFactory  # noqa: PLC0415

    return {"pk": ListingFactory(organisation=w["organisation_a"], visibility="members").pk}


def _booking(w, *, past=False, status="confirmed"):
    from datetime import timedelta  # noqa: PLC0415

    from django.utils import timezone  # noqa: PLC0415

    from tests.network.factories import BookingFactory  # noqa: PLC0415

    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(
        days=-3 if past else 3
    )
    return BookingFactory(
        listing=_room(w),
        organisation=w["organisation_b"],
        start=start,
        end=start + timedelta(hours=2),
        status=status,
    )


def _booking_pk(w):
    return {"pk": _booking(w).pk}


def _requested_pk(w):
    return {"pk": _booking(w, status="requested").pk}


def _past_pk(w):
    return {"pk": _booking(w, past=True).pk}


def _listing_feed(w):
    return {"token": _room(w).feed_token}


def _organisation_feed(w):
    from vernetzt.network.models import OrganisationFeed  # noqa: PLC0415

    return {"token": OrganisationFeed.objects.create(organisation=w["organisation_b"]).token}


CASES = [
    Case("network:list", EVERYONE),
    Case("network:list", EVERYONE, query="?side=request&kind=room&near=1&km=30&q=raum"),
    Case("network:map", EVERYONE),
    Case("network:map_data", EVERYONE, query="?kind=room&near=1&km=30"),
    Case("network:detail", EVERYONE, kwargs=lambda w: {"pk": _room(w).pk}),
    Case("network:detail", MEMBERS_OF_ANY, kwargs=_members_only),
    Case("network:create", MEMBERS_OF_ANY),
    Case("network:create", MEMBERS_OF_ANY, method="post", data=lambda w: {"title": ""}),
    Case("network:edit", A_PEOPLE, kwargs=lambda w: {"pk": _room(w).pk}),
    Case(
        "network:edit",
        A_PEOPLE,
        kwargs=lambda w: {"pk": _room(w).pk},
        method="post",
        data=lambda w: {"title": ""},
    ),
    # Booking one's own association's offer is refused with a message (400), not a 403;
    # the form page is still shown to everyone signed in.
    Case("network:book", SIGNED_IN, kwargs=lambda w: {"pk": _room(w).pk}, method="post"),
    Case("network:listing_feed", EVERYONE, kwargs=_listing_feed),
    Case("network:organisation_feed", EVERYONE, kwargs=_organisation_feed),
    Case("network:bookings", SIGNED_IN),
    Case("network:booking", A_AND_B, kwargs=_booking_pk),
    Case("network:booking_ics", A_AND_B, kwargs=_booking_pk),
    Case("network:booking_decide", A_PEOPLE, kwargs=_requested_pk, method="post"),
    Case(
        "network:booking_cancel",
        A_AND_B,
        kwargs=_booking_pk,
        method="post",
        data=lambda w: {"reason": "Krank"},
    ),
    # Only the two associations of the loan say how it went (staff read it, not give it).
    Case(
        "network:booking_feedback",
        A_AND_B - {"staff"},
        kwargs=_past_pk,
        method="post",
        data=lambda w: {"went_well": "1"},
    ),
    Case("network:overview", STAFF),
    Case("api:offers", EVERYONE, query="?km=20"),
    Case("api:offer_availability", EVERYONE, kwargs=lambda w: {"offer_id": _room(w).pk}),
    # Booking needs a personal API token: a browser session alone is refused (401).
    Case(
        "api:offer_bookings",
        frozenset(),
        kwargs=lambda w: {"offer_id": _room(w).pk},
        method="post",
        data=lambda w: {"start": "2030-01-01T10:00", "end": "2030-01-01T11:00"},
        content_type="application/json",
    ),
    Case("accounts:api_tokens", SIGNED_IN),
]
