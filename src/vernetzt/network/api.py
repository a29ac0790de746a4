"""`/api/v1/offers`: offers of the network as JSON, their free slots, and booking by token.

Lists and availability are public (public offers, public fields: no address, no names of
who booked). Booking needs `Authorization: Bearer <personal API token>` of a member of the
borrowing association; errors come back by field, a taken slot as 409 with the next free one.
"""

from datetime import datetime, timedelta
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from vernetzt.accounts.api_tokens import TokenAuth
from vernetzt.directory.visibility import ANONYMOUS, viewer_for

from . import availability, booking, queries
from .enums import Side

router = Router(tags=["network"])


class OfferOut(Schema):
    id: int
    kind: str
    title: str
    description: str
    url: str
    organisation: str
    organisation_slug: str
    on_behalf: bool
    municipality: str | None = None
    municipality_id: int | None = None
    district: str | None = None
    district_key: str | None = None
    latitude: float | None = Field(None, description="Of the municipality's centre.")
    longitude: float | None = None
    distance_km: float | None = None
    capacity: int | None = None
    step_free: bool = False
    kitchen: bool = False
    equipment: str = ""
    cost: str = ""
    cost_note: str = ""
    count: int | None = None
    pickup_place: str = ""
    topics: str = ""
    languages: list[str] = []
    bookable: bool = False
    booking_mode: str = ""
    max_hours: int | None = None


class OfferPage(Schema):
    count: int
    page: int
    num_pages: int
    results: list[OfferOut]


class OfferQuery(Schema):
    kind: str = Field("", max_length=40)
    district: str = Field("", max_length=8, description="District key, e.g. 06611.")
    near: int | None = Field(None, ge=1, description="Municipality id: filter by distance.")
    km: float = Field(queries.DEFAULT_KM, gt=0, le=500)
    q: str = Field("", max_length=200)
    page: int = Field(1, ge=1, le=100000)


class SlotOut(Schema):
    start: datetime
    end: datetime
    free: bool


class AvailabilityOut(Schema):
    offer: int
    slots: list[SlotOut]


class BookingIn(Schema):
    start: Any = None
    end: Any = None
    organisation: Any = None
    message: Any = ""


class BookingOut(Schema):
    id: int
    status: str


class TimeSpan(Schema):
    start: datetime
    end: datetime


class TakenOut(Schema):
    next_free: TimeSpan | None
    errors: dict[str, list[str]]


class ErrorsOut(Schema):
    errors: dict[str, list[str]]


def _offer_data(listing, absolute_url) -> dict:
    return {
        "id": listing.pk,
        "kind": listing.kind,
        "title": listing.title,
        "description": listing.description,
        "url": absolute_url(listing.get_absolute_url()),
        "organisation": listing.organisation.name,
        "organisation_slug": listing.organisation.slug,
        "on_behalf": listing.on_behalf,
        "municipality": listing.municipality.name if listing.municipality_id else None,
        "municipality_id": listing.municipality_id,
        "district": listing.district.name if listing.district_id else None,
        "district_key": listing.district.key if listing.district_id else None,
        "latitude": listing.latitude,
        "longitude": listing.longitude,
        "distance_km": round(listing.distance_km, 1)
        if getattr(listing, "distance_km", None) is not None
        else None,
        "capacity": listing.capacity,
        "step_free": listing.step_free,
        "kitchen": listing.kitchen,
        "equipment": listing.equipment,
        "cost": listing.cost,
        "cost_note": listing.cost_note,
        "count": listing.count,
        "pickup_place": listing.pickup_place,
        "topics": listing.topics,
        "languages": list(listing.languages or []),
        "bookable": listing.is_bookable,
        "booking_mode": listing.booking_mode if listing.is_bookable else "",
        "max_hours": listing.max_hours if listing.is_bookable else None,
    }


@router.get(
    "/offers",
    response={200: OfferPage, 400: ErrorsOut, 404: ErrorsOut},
    exclude_none=True,
    summary="Offers of the network",
    url_name="offers",
)
def list_offers(request, params: Query[OfferQuery]):
    filters = queries.ListingFilters.from_params(params.dict(), side=Side.OFFER)
    filters.side = Side.OFFER
    centre = queries.municipality_or_none(params.near)
    if params.near and centre is None:
        raise Http404
    queryset = queries.listings_filtered(filters, ANONYMOUS, centre)
    paginator = Paginator(queryset, queries.PAGE_SIZE)
    page = paginator.get_page(params.page)
    return {
        "count": paginator.count,
        "page": page.number,
        "num_pages": paginator.num_pages,
        "results": [_offer_data(o, request.build_absolute_uri) for o in page.object_list],
    }


def _public_offer(offer_id):
    listing = queries.listing_for_viewer(offer_id, ANONYMOUS)
    if listing is None or listing.side != Side.OFFER:
        raise Http404
    return listing


def _parse(value):
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        return parse_datetime(value.strip())
    except ValueError:
        return None


@router.get(
    "/offers/{offer_id}/availability",
    response={200: AvailabilityOut, 400: ErrorsOut, 404: ErrorsOut},
    summary="Free and taken hourly slots of an offer",
    url_name="offer_availability",
)
def offer_availability(request, offer_id: int, start: str, end: str):
    listing = _public_offer(offer_id)
    start_at, end_at = _parse(start), _parse(end)
    errors = {}
    if start_at is None:
        errors["start"] = [_("Please give a date and time like 2026-05-02T10:00:00+02:00.")]
    if end_at is None:
        errors["end"] = [_("Please give a date and time like 2026-05-02T18:00:00+02:00.")]
    if not errors and end_at <= start_at:
        errors["end"] = [_("The end must be after the start.")]
    if not errors and end_at - start_at > timedelta(days=availability.MAX_RANGE_DAYS):
        errors["end"] = [_("At most 31 days at a time.")]
    if errors:
        return Status(400, {"errors": errors})
    return Status(
        200, {"offer": listing.pk, "slots": availability.slots(listing, start_at, end_at)}
    )


@router.post(
    "/offers/{offer_id}/bookings",
    auth=TokenAuth(),
    response={201: BookingOut, 400: ErrorsOut, 401: ErrorsOut, 404: ErrorsOut, 409: TakenOut},
    summary="Book an offer for your association (personal API token)",
    url_name="offer_bookings",
)
def book_offer(request, offer_id: int, payload: BookingIn):
    listing = queries.listing_for_viewer(offer_id, viewer_for(request.auth))
    if listing is None or listing.side != Side.OFFER:
        raise Http404
    start, end = _parse(payload.start), _parse(payload.end)
    errors = {}
    if start is None:
        errors["start"] = [_("Please give a date and time like 2026-05-02T10:00:00+02:00.")]
    if end is None:
        errors["end"] = [_("Please give a date and time like 2026-05-02T12:00:00+02:00.")]
    message = payload.message if isinstance(payload.message, str) else ""
    if errors:
        return Status(400, {"errors": errors})
    try:
        made = booking.request_booking(
            listing=listing,
            organisation_id=payload.organisation,
            user=request.auth,
            start=start,
            end=end,
            message=message,
        )
    except booking.SlotTaken as taken:
        next_free = (
            {"start": taken.next_free[0], "end": taken.next_free[1]} if taken.next_free else None
        )
        return Status(409, {"next_free": next_free, "errors": taken.errors})
    except booking.BookingError as error:
        return Status(400, {"errors": error.errors})
    return Status(201, {"id": made.pk, "status": made.status})
