"""Figures of the network for a year: the staff overview and the ministry report."""

from collections import defaultdict

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from .enums import BookingStatus, Kind, Side
from .models import Booking, Listing


def figures(year: int) -> dict:
    """Offers, requests, bookings completed, room hours shared, lending and borrowing
    associations, by district; plus the requests of the year that no offer answers."""
    from .matching import unmet_requests  # noqa: PLC0415

    now = timezone.now()
    listings = Listing.objects.filter(created_at__year=year)
    counts = dict(listings.values_list("side").annotate(n=Count("id")).order_by())
    completed = list(
        Booking.objects.filter(
            status=BookingStatus.CONFIRMED, end__year=year, end__lte=now
        ).select_related("listing__district", "listing")
    )
    by_district = defaultdict(
        lambda: {"offers": 0, "requests": 0, "bookings": 0, "room_hours": 0.0}
    )
    for side, district, n in (
        listings.values_list("side", "district__name").annotate(n=Count("id")).order_by()
    ):
        by_district[district or _("no place given")][
            "offers" if side == Side.OFFER else "requests"
        ] += n
    room_hours = 0.0
    for booking in completed:
        row = by_district[
            booking.listing.district.name if booking.listing.district else _("no place given")
        ]
        row["bookings"] += 1
        if booking.listing.kind == Kind.ROOM:
            row["room_hours"] += booking.hours
            room_hours += booking.hours
    unmet = unmet_requests(
        Listing.objects.filter(
            side=Side.REQUEST, status=Listing.Status.ACTIVE, created_at__year=year
        )
    )
    return {
        "offers": counts.get(Side.OFFER, 0),
        "requests": counts.get(Side.REQUEST, 0),
        "bookings_completed": len(completed),
        "room_hours": round(room_hours),
        "lending": len({b.listing.organisation_id for b in completed}),
        "borrowing": len({b.organisation_id for b in completed}),
        "by_district": sorted(by_district.items()),
        "unmet": unmet,
    }


def report_sections(year: int) -> list[dict]:
    """For the publishing report (hook `report_sections(year)`), in its section format."""
    data = figures(year)
    if not (data["offers"] or data["requests"] or data["bookings_completed"]):
        return []
    items = [
        {
            "title": _("Offers and requests"),
            "text": _("%(offers)s offers and %(requests)s requests were published.")
            % {"offers": data["offers"], "requests": data["requests"]},
        },
        {
            "title": _("Bookings completed"),
            "text": _(
                "%(bookings)s bookings, %(hours)s hours of rooms shared; "
                "%(lending)s associations lent and %(borrowing)s borrowed."
            )
            % {
                "bookings": data["bookings_completed"],
                "hours": data["room_hours"],
                "lending": data["lending"],
                "borrowing": data["borrowing"],
            },
        },
    ]
    for district, row in data["by_district"]:
        items.append(
            {
                "title": str(district),
                "text": _(
                    "%(offers)s offers, %(requests)s requests, %(bookings)s bookings, "
                    "%(hours)s room hours"
                )
                % {
                    "offers": row["offers"],
                    "requests": row["requests"],
                    "bookings": row["bookings"],
                    "hours": round(row["room_hours"]),
                },
                "meta": _("by district"),
            }
        )
    sections = [{"title": _("The network between meetings"), "items": items}]
    if data["unmet"]:
        sections.append(
            {
                "title": _("Needs no offer answered"),
                "intro": _("Requests of associations in the network that found no fitting offer."),
                "items": [
                    {
                        "title": request.title,
                        "text": request.get_kind_display(),
                        "meta": request.municipality.name if request.municipality_id else "",
                    }
                    for request in data["unmet"]
                ],
            }
        )
    return sections
