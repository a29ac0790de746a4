"""Factories of the network: offers with opening hours every day, bookings."""

from datetime import time

import factory

from tests.factories import OrganisationFactory
from vernetzt.directory.models import Municipality
from vernetzt.network.models import Booking, Listing, OpeningHours

KASSEL, GIESSEN, FRANKFURT, FULDA, DARMSTADT = (
    "06611000",
    "06531005",
    "06412000",
    "06631009",
    "06411000",
)


def municipality(key=KASSEL) -> Municipality:
    return Municipality.objects.get(key=key)


class ListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Listing
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory, is_published=True)
    side = "offer"
    kind = "room"
    title = factory.Sequence(lambda n: f"Vereinsraum {n}")
    description = "Ein heller Raum für Treffen."
    capacity = 30
    street = "Geheime Straße 7"
    postcode = "34117"
    municipality = factory.LazyFunction(municipality)
    latitude = factory.LazyAttribute(lambda o: o.municipality.latitude if o.municipality else None)
    longitude = factory.LazyAttribute(
        lambda o: o.municipality.longitude if o.municipality else None
    )
    district = factory.LazyAttribute(lambda o: o.municipality.district if o.municipality else None)
    booking_mode = "approval"
    max_hours = 8

    @factory.post_generation
    def hours(self, create, extracted, **kwargs):
        """Open every day 08:00-22:00 unless hours=[] or a list of (weekday, start, end)."""
        if not create:
            return
        rows = (
            extracted if extracted is not None else [(day, time(8), time(22)) for day in range(7)]
        )
        for day, start, end in rows:
            OpeningHours.objects.create(listing=self, weekday=day, start=start, end=end)


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booking

    listing = factory.SubFactory(ListingFactory)
    organisation = factory.SubFactory(OrganisationFactory, is_published=True)
    status = "confirmed"
