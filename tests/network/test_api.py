"""The API of the network: list with filters and distance, availability, booking by token."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from vernetzt.accounts.api_tokens import create_api_token, revoke_api_token
from vernetzt.network.models import Booking

from .factories import FRANKFURT, GIESSEN, KASSEL, ListingFactory, municipality

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def _start(days=3, hour=10):
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=BERLIN)


@pytest.fixture
def borrower():
    organisation = OrganisationFactory(is_published=True)
    user = UserFactory(email="api@example.org")
    MembershipFactory(user=user, organisation=organisation)
    _token, key = create_api_token(user=user, name="test")
    return {"organisation": organisation, "user": user, "key": key}


def _auth(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_list_public_fields_only_and_filters(client):
    kassel = ListingFactory(title="Saal Kassel", municipality=municipality(KASSEL))
    ListingFactory(title="Saal Gießen", municipality=municipality(GIESSEN))
    ListingFactory(title="Nur für Mitglieder", visibility="members")
    ListingFactory(title="Beamer", kind="equipment", municipality=municipality(FRANKFURT))
    ListingFactory(title="Gesuch", side="request")
    data = client.get("/api/v1/offers").json()
    titles = {row["title"] for row in data["results"]}
    assert titles == {"Saal Kassel", "Saal Gießen", "Beamer"}
    assert all("street" not in row and "postcode" not in row for row in data["results"])
    assert "Geheime" not in str(data)
    near = client.get(f"/api/v1/offers?near={municipality(KASSEL).pk}&km=20").json()
    assert [row["id"] for row in near["results"]] == [kassel.pk]
    assert near["results"][0]["distance_km"] == 0
    wide = client.get(f"/api/v1/offers?near={municipality(KASSEL).pk}&km=200").json()
    assert [row["title"] for row in wide["results"]][0] == "Saal Kassel"
    assert wide["count"] == 3
    assert client.get("/api/v1/offers?kind=equipment").json()["count"] == 1
    assert client.get("/api/v1/offers?district=06611").json()["count"] == 1
    assert client.get("/api/v1/offers?q=saal gießen").json()["count"] == 1
    assert client.get("/api/v1/offers?near=99999999").status_code == 404
    assert client.get("/api/v1/offers?km=-5").status_code in (400, 422)


def test_availability_free_and_taken_without_names(client):
    listing = ListingFactory(booking_mode="instant")
    taker = OrganisationFactory(name="Geheimer Verein")
    start = _start()
    Booking.objects.create(
        listing=listing,
        organisation=taker,
        start=start,
        end=start + timedelta(hours=1),
        status="confirmed",
    )
    url = f"/api/v1/offers/{listing.pk}/availability"
    data = client.get(
        url, {"start": start.isoformat(), "end": (start + timedelta(hours=3)).isoformat()}
    ).json()
    assert [slot["free"] for slot in data["slots"]] == [False, True, True]
    assert "Geheimer" not in str(data)
    bad = client.get(url, {"start": "gestern", "end": "morgen"})
    assert bad.status_code == 400 and set(bad.json()["errors"]) == {"start", "end"}
    assert (
        client.get("/api/v1/offers/999999/availability", {"start": "x", "end": "y"}).status_code
        == 404
    )


def test_book_by_token_201_409_and_errors(client, borrower):
    listing = ListingFactory(booking_mode="instant")
    start = _start()
    url = f"/api/v1/offers/{listing.pk}/bookings"
    body = {
        "start": start.isoformat(),
        "end": (start + timedelta(hours=2)).isoformat(),
        "organisation": borrower["organisation"].pk,
        "message": "Hallo",
    }
    assert client.post(url, body, content_type="application/json").status_code == 401
    made = client.post(url, body, content_type="application/json", **_auth(borrower["key"]))
    assert made.status_code == 201, made.content
    assert made.json()["status"] == "confirmed"
    taken = client.post(url, body, content_type="application/json", **_auth(borrower["key"]))
    assert taken.status_code == 409
    assert taken.json()["next_free"]["start"].startswith(
        (start + timedelta(hours=2)).isoformat()[:16]
    )
    errors = client.post(
        url,
        {**body, "start": "bald", "organisation": 12345678, "message": "x" * 10_000},
        content_type="application/json",
        **_auth(borrower["key"]),
    )
    assert errors.status_code == 400 and "start" in errors.json()["errors"]
    errors = client.post(
        url,
        {
            **body,
            "start": _start(days=5).isoformat(),
            "end": _start(days=5, hour=12).isoformat(),
            "organisation": 12345678,
            "message": "x" * 10_000,
        },
        content_type="application/json",
        **_auth(borrower["key"]),
    )
    assert errors.status_code == 400
    assert set(errors.json()["errors"]) == {"organisation", "message"}
    forged = client.post(
        "/api/v1/offers/99999999/bookings",
        body,
        content_type="application/json",
        **_auth(borrower["key"]),
    )
    assert forged.status_code == 404
    assert Booking.objects.count() == 1


def test_revoked_token_and_command(client, borrower, capsys):
    revoke_api_token(user=borrower["user"], token_id=borrower["user"].api_tokens.get().pk)
    listing = ListingFactory(booking_mode="instant")
    url = f"/api/v1/offers/{listing.pk}/bookings"
    assert (
        client.post(url, {}, content_type="application/json", **_auth(borrower["key"])).status_code
        == 401
    )
    call_command("create_api_token", "api@example.org")
    key = capsys.readouterr().out.strip()
    assert key.startswith("vzt_") and len(key) > 40
    response = client.post(
        url,
        {"organisation": borrower["organisation"].pk},
        content_type="application/json",
        **_auth(key),
    )
    assert response.status_code == 400


def test_token_page_creates_and_revokes(client, borrower):
    client.force_login(borrower["user"])
    page = client.post("/konto/api-schluessel/", {"name": "Skript"})
    assert page.status_code == 200 and b"vzt_" in page.content
    token = borrower["user"].api_tokens.filter(name="Skript").get()
    client.post("/konto/api-schluessel/", {"revoke": str(token.pk)})
    token.refresh_from_db()
    assert token.revoked_at is not None
