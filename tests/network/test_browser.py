"""The network in real Chromium: publish a room, find it nearby, book, approve, calendar feeds;
instant booking of equipment; a visitor does not see the address; axe in German and Arabic."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.conftest import assert_accessible
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from vernetzt.directory.models import District, Municipality
from vernetzt.directory.services import load_geodata
from vernetzt.network.models import Booking, Listing

from .factories import ListingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GIESSEN, WETZLAR = "06531005", "06532023"


@pytest.fixture
def network(transactional_db):
    if Municipality.objects.count() < 422:
        load_geodata(district_model=District, municipality_model=Municipality)
    giessen = Municipality.objects.get(key=GIESSEN)
    wetzlar = Municipality.objects.get(key=WETZLAR)
    owner = OrganisationFactory(name="Raumverein Gießen", municipality=giessen, is_published=True)
    borrower = OrganisationFactory(
        name="Leihverein Wetzlar", municipality=wetzlar, is_published=True
    )
    owner_admin = UserFactory(email="raum@example.org")
    borrower_member = UserFactory(email="leihe@example.org")
    MembershipFactory(user=owner_admin, organisation=owner, role="admin")
    MembershipFactory(user=borrower_member, organisation=borrower, role="member")
    return {
        "owner": owner,
        "borrower": borrower,
        "owner_admin": owner_admin,
        "member": borrower_member,
        "giessen": giessen,
        "wetzlar": wetzlar,
    }


def _as(pages, live_server, user, language="de"):
    page = pages.new_page()
    cookies = [{"name": "vernetzt_language", "value": language, "url": live_server.url}]
    if user is not None:
        client = Client()
        client.force_login(user)
        cookies.append(
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        )
    page.context.add_cookies(cookies)
    return page


def _booking_day():
    return timezone.localdate() + timedelta(days=3)


def test_publish_find_nearby_book_approve_and_both_feeds(network, pages, live_server):
    owner = _as(pages, live_server, network["owner_admin"])
    owner.goto("/netzwerk/neu/")
    assert_accessible(owner)
    owner.select_option("select[name=side]", "offer")
    owner.select_option("select[name=kind]", "room")
    owner.fill("input[name=title]", "Saal am Marktplatz")
    owner.fill("textarea[name=description]", "Heller Saal für Versammlungen.")
    owner.select_option("select[name=municipality]", str(network["giessen"].pk))
    owner.fill("input[name=street]", "Marktplatz 5")
    owner.fill("input[name=postcode]", "35390")
    owner.fill("input[name=capacity]", "40")
    owner.check("input[name=step_free]")
    for day in range(7):
        owner.fill(f"input[name=from_{day}]", "08:00")
        owner.fill(f"input[name=until_{day}]", "22:00")
    owner.get_by_role("button", name="Veröffentlichen").click()
    owner.wait_for_load_state()
    assert owner.get_by_role("heading", name="Saal am Marktplatz").is_visible()
    listing = Listing.objects.get(title="Saal am Marktplatz")
    assert listing.on_behalf is False

    borrower = _as(pages, live_server, network["member"])
    borrower.goto("/netzwerk/")
    borrower.select_option("select[name=near]", str(network["wetzlar"].pk))
    borrower.fill("input[name=km]", "20")
    borrower.get_by_role("button", name="Suchen").click()
    borrower.wait_for_load_state()
    assert_accessible(borrower)
    borrower.get_by_role("link", name="Saal am Marktplatz").click()
    borrower.wait_for_load_state()
    assert borrower.get_by_text("Marktplatz 5").is_visible()  # members see the address
    assert_accessible(borrower)
    borrower.fill("input[name=day]", _booking_day().isoformat())
    borrower.select_option("select[name=start_hour]", "18")
    borrower.select_option("select[name=end_hour]", "20")
    borrower.fill("textarea[name=message]", "Für unsere Mitgliederversammlung.")
    borrower.get_by_role("button", name="Anfrage senden").click()
    borrower.wait_for_load_state()
    assert borrower.locator("#booking-status").inner_text() == "angefragt"
    booking = Booking.objects.get(listing=listing)

    owner.goto(f"/netzwerk/buchungen/{booking.pk}/")
    assert_accessible(owner)
    owner.fill("textarea[name=answer]", "Gern, bis dann!")
    owner.get_by_role("button", name="Freigeben").click()
    owner.wait_for_load_state()
    assert owner.locator("#booking-status").inner_text() == "bestätigt"

    owner.goto(listing.get_absolute_url())
    feed_url = owner.get_by_role("link", name="Kalender (.ics)").get_attribute("href")
    owner_feed = owner.request.get(feed_url).text()
    assert "BEGIN:VEVENT" in owner_feed and "Leihverein Wetzlar" in owner_feed

    borrower.goto("/netzwerk/buchungen/")
    assert_accessible(borrower)
    feed_url = borrower.locator("a.organisation-feed").first.get_attribute("href")
    borrower_feed = borrower.request.get(feed_url).text()
    assert "Saal am Marktplatz" in borrower_feed and "BEGIN:VEVENT" in borrower_feed


def test_instant_booking_of_equipment(network, pages, live_server):
    projector = ListingFactory(
        organisation=network["owner"],
        kind="equipment",
        title="Beamer aus dem Pool",
        booking_mode="instant",
        municipality=network["giessen"],
    )
    page = _as(pages, live_server, network["member"])
    page.goto(projector.get_absolute_url())
    page.fill("input[name=day]", _booking_day().isoformat())
    page.select_option("select[name=start_hour]", "10")
    page.select_option("select[name=end_hour]", "12")
    page.get_by_role("button", name="Jetzt buchen").click()
    page.wait_for_load_state()
    assert page.locator("#booking-status").inner_text() == "bestätigt"
    assert page.get_by_role("link", name="In den Kalender eintragen (.ics)").is_visible()
    # The same slot again: refused with the next free time, the form kept.
    page.goto(projector.get_absolute_url())
    page.fill("input[name=day]", _booking_day().isoformat())
    page.select_option("select[name=start_hour]", "11")
    page.select_option("select[name=end_hour]", "12")
    page.get_by_role("button", name="Jetzt buchen").click()
    page.wait_for_load_state()
    assert page.get_by_text("Die nächste freie Zeit ist").first.is_visible()
    assert_accessible(page)
    assert Booking.objects.filter(listing=projector, status="confirmed").count() == 1


@pytest.mark.parametrize("language", ["de", "ar"])
def test_visitor_does_not_see_the_address_and_pages_are_accessible(
    network, pages, live_server, language
):
    room = ListingFactory(
        organisation=network["owner"],
        title="Raum mit Adresse",
        street="Verborgene Gasse 3",
        municipality=network["giessen"],
    )
    ListingFactory(organisation=network["owner"], side="request", title="Gesuch: Bus")
    page = _as(pages, live_server, None, language)
    page.goto("/netzwerk/")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)
    page.goto(room.get_absolute_url())
    assert "Verborgene Gasse" not in page.content()
    assert_accessible(page)
    page.goto("/netzwerk/?side=request")
    assert_accessible(page)
    page.goto("/netzwerk/karte/")
    page.wait_for_selector("#network-map[data-loaded='1']")
    assert_accessible(page)
    member = _as(pages, live_server, network["owner_admin"], language)
    member.goto("/netzwerk/neu/")
    assert_accessible(member)
    member.goto(room.get_absolute_url())
    assert "Verborgene Gasse" in member.content()
    assert_accessible(member)
