"""What the network holds about a person: bookings they asked for (with their message) and
offers or requests they created. Erasure empties the booking messages; bookings and
listings stay, as the associations' (the account link goes with the account)."""

from .models import Booking, Listing


def personal_data(person) -> dict:
    if not person.user_id:
        return {}
    data = {
        "bookings_asked_for": [
            {
                "offer": b.listing.title,
                "from": b.start.isoformat(),
                "until": b.end.isoformat(),
                "status": b.status,
                "message": b.message,
            }
            for b in Booking.objects.filter(requested_by_id=person.user_id).select_related(
                "listing"
            )
        ],
        "offers_and_requests_created": list(
            Listing.objects.filter(created_by_id=person.user_id).values_list("title", flat=True)
        ),
    }
    return data if any(data.values()) else {}


def erase_personal_data(person) -> dict:
    if not person.user_id:
        return {}
    messages = (
        Booking.objects.filter(requested_by_id=person.user_id)
        .exclude(message="")
        .update(message="")
    )
    return {"booking messages emptied": messages}
