"""Demo of the network: about 40 offers and 15 requests of demo associations all over Hesse,
the competence centre's equipment pool (projector and sound system, instant booking), past
and upcoming bookings, and one request that no offer answers. Idempotent: an entry is found
again by its association and title.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from vernetzt.directory.models import Municipality, Organisation

from .availability import local_zone
from .demo_data import (
    CENTRE_NAME,
    CENTRE_SLUG,
    CITIES,
    DAYTIME,
    DEMO_ORGANISATION,
    EQUIPMENT,
    HOUSE_RULES,
    KNOW_HOW,
    OTHERS,
    REQUESTS,
    ROOM_EVENINGS,
    ROOMS,
)
from .models import Booking, Feedback, Listing, OpeningHours, OrganisationFeed


def _organisations():
    """Published demo associations per district key, the demo admin's first where it fits."""
    by_district = {}
    for organisation in (
        Organisation.objects.filter(is_published=True, slug__startswith="beispielverein-")
        .exclude(status=Organisation.Status.ARCHIVED)
        .select_related("municipality")
        .order_by("slug")
    ):
        if organisation.municipality_id:
            by_district.setdefault(organisation.municipality.district_id, []).append(organisation)
    return by_district


def _centre(municipality):
    centre, _created = Organisation.objects.get_or_create(
        slug=CENTRE_SLUG,
        defaults={
            "name": CENTRE_NAME,
            "municipality": municipality,
            "is_published": True,
            "status": Organisation.Status.VERIFIED,
            "description": "Der Gerätepool des Kompetenzzentrums: Vereine leihen Technik aus.",
        },
    )
    return centre


class _Picker:
    def __init__(self, by_district, fallback):
        self.by_district = by_district
        self.fallback = fallback
        self.used = {}

    def __call__(self, municipality, *, prefer=None):
        if prefer is not None:
            return prefer
        options = self.by_district.get(municipality.district_id if municipality else None) or [
            self.fallback
        ]
        index = self.used.get(id(options), 0)
        self.used[id(options)] = index + 1
        return options[index % len(options)]


def _listing(organisation, title, hours=None, **fields):
    listing = Listing.objects.filter(organisation=organisation, title=title).first()
    if listing is not None:
        return listing, False
    municipality = fields.get("municipality")
    if municipality is not None:
        fields.setdefault("latitude", municipality.latitude)
        fields.setdefault("longitude", municipality.longitude)
        fields.setdefault("district_id", municipality.district_id)
    listing = Listing.objects.create(organisation=organisation, title=title, **fields)
    OpeningHours.objects.bulk_create(
        OpeningHours(listing=listing, weekday=d, start=s, end=e) for d, s, e in hours or []
    )
    return listing, True


def load(stdout):
    cities = {name: Municipality.objects.filter(key=key).first() for name, key in CITIES.items()}
    if cities["Frankfurt"] is None:
        stdout.write("  network: no geodata, skipped")
        return
    by_district = _organisations()
    demo = Organisation.objects.filter(slug=DEMO_ORGANISATION).first()
    fallback = demo or Organisation.objects.filter(is_published=True).first()
    if fallback is None:
        stdout.write("  network: no associations, skipped")
        return
    pick = _Picker(by_district, fallback)
    centre = _centre(cities["Frankfurt"])
    created, offers, requests = 0, [], []
    for index, (city, title, capacity, step_free, kitchen, cost, text) in enumerate(ROOMS):
        place = cities.get(city)
        owner = pick(place, prefer=demo if city == "Darmstadt" and index == 6 else None)
        listing, new = _listing(
            owner,
            title,
            ROOM_EVENINGS,
            side="offer",
            kind="room",
            description=text,
            municipality=place,
            capacity=capacity,
            step_free=step_free,
            kitchen=kitchen,
            cost=cost,
            cost_note="10 € pro Abend"
            if cost == "contribution"
            else ("50 € pro Stunde" if cost == "price" else ""),
            house_rules=HOUSE_RULES,
            street=f"Beispielweg {index + 3}",
            postcode="60000" if city == "Frankfurt" else "35000",
            equipment="Tische, Stühle, WLAN",
            visibility="members" if index % 5 == 4 else "public",
            booking_mode="instant" if index % 4 == 3 else "approval",
            max_hours=6,
        )
        created += new
        offers.append(listing)
    for city, title, count, pickup, text, instant in EQUIPMENT:
        place = cities.get(city)
        owner = centre if instant else pick(place)
        listing, new = _listing(
            owner,
            title,
            DAYTIME,
            side="offer",
            kind="equipment",
            description=text,
            municipality=place,
            count=count,
            pickup_place=pickup,
            booking_mode="instant" if instant else "approval",
            max_hours=24 if instant else 8,
        )
        created += new
        offers.append(listing)
    for city, title, topics, languages in KNOW_HOW:
        place = cities.get(city) if city else None
        listing, new = _listing(
            pick(place) if place else centre,
            title,
            side="offer",
            kind="know_how",
            description=f"Wir teilen unser Wissen: {topics}. Termine nach Absprache.",
            municipality=place,
            topics=topics,
            languages=languages,
        )
        created += new
        offers.append(listing)
    for kind, city, title, text in OTHERS:
        place = cities.get(city)
        listing, new = _listing(
            pick(place), title, side="offer", kind=kind, description=text, municipality=place
        )
        created += new
        offers.append(listing)
    for kind, city, title, capacity, step_free, weekdays, languages, when in REQUESTS:
        place = cities.get(city) if city else None
        owner = pick(place, prefer=demo if title.startswith("Raum für ein Elterncafé") else None)
        listing, new = _listing(
            owner,
            title,
            side="request",
            kind=kind,
            description="Wir suchen Unterstützung aus dem Netzwerk.",
            municipality=place,
            capacity=capacity,
            step_free=step_free,
            weekdays=weekdays,
            languages=languages,
            when_text=when,
        )
        created += new
        requests.append(listing)
    bookings = _bookings(offers, demo or fallback, pick, cities)
    stdout.write(
        f"  network: {len(offers)} offers, {len(requests)} requests ({created} new), "
        f"{bookings} new bookings"
    )


def _at(days, hour):
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=local_zone())


def _bookings(offers, demo, pick, cities) -> int:
    """Past (with feedback) and upcoming bookings; one request waiting for the demo admin."""
    if Booking.objects.filter(listing__in=offers).exists():
        return 0
    borrowers = [pick(cities["Gießen"]), pick(cities["Kassel"]), demo]
    rooms = [o for o in offers if o.kind == "room" and o.visibility == "public"]
    equipment = [o for o in offers if o.kind == "equipment"]
    plans = [
        (rooms[0], borrowers[0], -40, 18, 3, "confirmed"),
        (rooms[1], borrowers[1], -25, 17, 2, "confirmed"),
        (rooms[2], borrowers[2], -12, 18, 4, "confirmed"),
        (equipment[0], borrowers[1], -8, 10, 5, "confirmed"),
        (equipment[1], borrowers[0], -3, 9, 8, "confirmed"),
        (rooms[3], borrowers[0], -20, 18, 2, "cancelled"),
        (rooms[0], borrowers[2], 5, 18, 3, "confirmed"),
        (equipment[0], borrowers[2], 9, 10, 4, "confirmed"),
        (rooms[4], borrowers[1], 12, 17, 3, "requested"),
    ]
    # The demo admin's own room gets a request to approve.
    own_room = next((o for o in rooms if o.organisation_id == demo.pk), None)
    if own_room is not None:
        plans.append((own_room, borrowers[0], 6, 18, 2, "requested"))
    count = 0
    for listing, borrower, days, hour, hours, status in plans:
        if borrower.pk == listing.organisation_id:
            continue
        start = _at(days, hour)
        while start.weekday() >= 5:  # keep to the weekday evening windows
            start = _at((start.date() - timezone.localdate()).days + 1, hour)
        booking = Booking.objects.create(
            listing=listing,
            organisation=borrower,
            start=start,
            end=start + timedelta(hours=hours),
            status=status,
            message="Für unser Treffen (Demo).",
            cancel_reason="Die Veranstaltung fällt aus." if status == "cancelled" else "",
            decided_at=timezone.now() if status != "requested" else None,
        )
        OrganisationFeed.objects.get_or_create(organisation=borrower)
        if status == "confirmed" and days < 0:
            Feedback.objects.create(booking=booking, organisation=borrower, went_well=days != -12)
        count += 1
    return count
