import io

import pytest
from django.core.management import call_command

from vernetzt.network import matching
from vernetzt.network.models import Booking, Listing


@pytest.mark.django_db
def test_demo_offers_requests_bookings_and_one_unmet_request():
    call_command("demo", stdout=io.StringIO())
    offers = Listing.objects.filter(side="offer")
    assert offers.count() >= 38
    assert Listing.objects.filter(side="request").count() >= 14
    cities = set(offers.filter(kind="room").values_list("municipality__name", flat=True))
    assert {"Frankfurt am Main", "Kassel", "Gießen", "Darmstadt", "Fulda"} <= cities
    pool = offers.filter(organisation__slug="kompetenzzentrum-geraetepool", kind="equipment")
    assert pool.filter(booking_mode="instant").count() == 2
    assert [r.title for r in matching.unmet_requests()] == [
        "Beratung zum Vereinsrecht auf Tigrinya"
    ]
    assert Booking.objects.filter(status="confirmed").count() >= 5
    before = (Listing.objects.count(), Booking.objects.count())
    call_command("demo", stdout=io.StringIO())
    assert (Listing.objects.count(), Booking.objects.count()) == before
