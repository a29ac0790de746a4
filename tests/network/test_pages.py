"""Publishing and editing offers and requests on the pages: validation, on behalf, privacy."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from vernetzt.network.models import Booking, Listing

from .factories import KASSEL, ListingFactory, municipality

pytestmark = pytest.mark.django_db


def _room_form(organisation, **extra):
    data = {
        "organisation": organisation.pk,
        "side": "offer",
        "kind": "room",
        "title": "Saal",
        "description": "",
        "visibility": "public",
        "municipality": municipality(KASSEL).pk,
        "capacity": "30",
        "cost": "free",
        "booking_mode": "approval",
        "max_hours": "6",
        "from_5": "10:00",
        "until_5": "18:00",
    }
    data.update(extra)
    return data


@pytest.fixture
def admin():
    organisation = OrganisationFactory(is_published=True)
    user = UserFactory()
    MembershipFactory(user=user, organisation=organisation, role="admin")
    return user, organisation


def test_member_publishes_a_room_with_hours(client, admin):
    user, organisation = admin
    client.force_login(user)
    response = client.post("/netzwerk/neu/", _room_form(organisation))
    assert response.status_code == 302
    listing = Listing.objects.get()
    assert listing.organisation == organisation and not listing.on_behalf
    assert listing.district == municipality(KASSEL).district
    assert [(h.weekday, h.start.hour, h.end.hour) for h in listing.opening_hours.all()] == [
        (5, 10, 18)
    ]


@pytest.mark.parametrize(
    "change, field",
    [
        ({"municipality": ""}, "municipality"),
        ({"capacity": ""}, "capacity"),
        ({"title": "x" * 10_000}, "title"),
        ({"description": "x" * 10_000}, "description"),
        ({"from_5": "", "until_5": ""}, "from_0"),
        ({"until_5": "09:00"}, "until_5"),
        ({"special_days_text": "gestern"}, "special_days_text"),
        ({"max_hours": "1000"}, "max_hours"),
    ],
)
def test_bad_listing_input_is_refused_and_kept(client, admin, change, field):
    user, organisation = admin
    client.force_login(user)
    response = client.post("/netzwerk/neu/", _room_form(organisation, **change))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Listing.objects.count() == 0
    assert b'value="Saal"' in response.content or "title" in change


def test_another_association_cannot_be_chosen(client, admin):
    user, _organisation = admin
    other = OrganisationFactory()
    client.force_login(user)
    response = client.post("/netzwerk/neu/", _room_form(other))
    assert "organisation" in response.context["form"].errors
    assert Listing.objects.count() == 0


def test_staff_publishes_on_behalf_and_it_is_marked(client):
    staff = UserFactory(is_staff=True)
    organisation = OrganisationFactory(is_published=True, name="Verein ohne Internet")
    client.force_login(staff)
    response = client.post("/netzwerk/neu/", _room_form(organisation))
    listing = Listing.objects.get()
    assert listing.on_behalf
    page = client.get(response["Location"])
    assert "im Auftrag von" in page.content.decode()


def test_hostile_text_is_escaped(client, admin):
    user, organisation = admin
    listing = ListingFactory(
        organisation=organisation,
        title="<script>alert(1)</script>\u202e",
        description='<svg onload="alert(2)">',
    )
    for url in ("/netzwerk/", listing.get_absolute_url()):
        content = client.get(url).content.decode()
        assert "<script>alert(1)" not in content and "<svg onload" not in content


def test_members_only_listing_is_hidden_from_visitors(client, admin):
    user, organisation = admin
    hidden = ListingFactory(organisation=organisation, visibility="members", title="Intern")
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert b"Intern" not in client.get("/netzwerk/").content
    assert client.get("/api/v1/offers").json()["count"] == 0
    client.force_login(UserFactory())  # signed in, but no association: not a network member
    assert client.get(hidden.get_absolute_url()).status_code == 404
    client.force_login(user)
    assert client.get(hidden.get_absolute_url()).status_code == 200


def test_edit_close_and_reopen(client, admin):
    user, organisation = admin
    listing = ListingFactory(organisation=organisation)
    client.force_login(user)
    client.post(f"/netzwerk/{listing.pk}/bearbeiten/", {"close": "1"})
    listing.refresh_from_db()
    assert listing.status == "closed"
    client.logout()
    assert client.get(listing.get_absolute_url()).status_code == 404
    client.force_login(user)
    client.post(f"/netzwerk/{listing.pk}/bearbeiten/", {"reopen": "1"})
    listing.refresh_from_db()
    assert listing.status == "active"


def test_booking_page_flow_and_forged_ids(client, admin):
    user, organisation = admin
    room = ListingFactory()
    client.force_login(user)
    day = (timezone.localdate() + timedelta(days=2)).isoformat()
    response = client.post(
        f"/netzwerk/{room.pk}/buchen/",
        {"organisation": organisation.pk, "day": day, "start_hour": "10", "end_hour": "12"},
    )
    booking = Booking.objects.get()
    assert response["Location"] == booking.get_absolute_url()
    # Someone else's booking: refused; an unknown id: 404; never 500.
    client.force_login(UserFactory())
    assert client.get(booking.get_absolute_url()).status_code == 403
    assert client.get("/netzwerk/buchungen/99999999/").status_code == 404
    assert client.post("/netzwerk/99999999/buchen/", {}).status_code == 404
    # A bad booking form keeps what was typed and says what is wrong.
    client.force_login(user)
    response = client.post(
        f"/netzwerk/{room.pk}/buchen/",
        {"organisation": organisation.pk, "day": day, "start_hour": "12", "end_hour": "11",
         "message": "Hallo"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Hallo" in response.content.decode()
    assert Booking.objects.count() == 1
