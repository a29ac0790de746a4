"""Matching with reasons, the daily match email, the near filter, report figures, hooks."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from vernetzt.network import matching, report, services
from vernetzt.network.models import Booking

from .factories import FRANKFURT, GIESSEN, KASSEL, ListingFactory, municipality

pytestmark = pytest.mark.django_db


def test_offers_for_a_request_ranked_with_reasons():
    request = ListingFactory(
        side="request", capacity=30, step_free=True, weekdays=[5], municipality=municipality(KASSEL)
    )
    near = ListingFactory(capacity=40, step_free=True, municipality=municipality(KASSEL))
    ListingFactory(capacity=40, step_free=False, municipality=municipality(KASSEL))  # steps
    ListingFactory(capacity=10, step_free=True, municipality=municipality(KASSEL))  # small
    ListingFactory(capacity=40, step_free=True, municipality=municipality(FRANKFURT))  # far
    ListingFactory(capacity=40, step_free=True, hours=[(0, "10:00", "12:00")])  # not Saturdays
    matches = matching.offers_for_request(request)
    assert [m.listing.pk for m in matches] == [near.pk]
    reasons = " | ".join(matches[0].reasons)
    assert "40" in reasons and "0 km" in reasons
    assert len(matches[0].reasons) >= 3


def test_know_how_matches_by_language():
    request = ListingFactory(side="request", kind="know_how", languages=["ar"], municipality=None)
    arabic = ListingFactory(kind="know_how", languages=["ar", "de"], topics="Förderanträge")
    ListingFactory(kind="know_how", languages=["tr"])
    assert [m.listing for m in matching.offers_for_request(request)] == [arabic]
    assert [m.listing for m in matching.requests_for_offer(arabic)] == [request]


def test_match_email_at_most_once_a_day(django_capture_on_commit_callbacks):
    requester = OrganisationFactory()
    person = UserFactory(email="suche@example.org")
    MembershipFactory(user=person, organisation=requester, role="admin")
    ListingFactory(side="request", organisation=requester, capacity=20)
    ListingFactory(capacity=30)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notify_matches() == 1
    assert [m.to for m in mail.outbox] == [["suche@example.org"]]
    ListingFactory(capacity=50)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("notify_network_matches")
        assert services.notify_matches() == 0
    assert len(mail.outbox) == 1
    tomorrow = timezone.now() + timedelta(days=1, minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notify_matches(now=tomorrow) == 1  # only the new one
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notify_matches(now=tomorrow + timedelta(days=1, minutes=1)) == 0


def test_near_filter_on_the_page(client):
    ListingFactory(title="Raum in Gießen", municipality=municipality(GIESSEN))
    ListingFactory(title="Raum in Kassel", municipality=municipality(KASSEL))
    page = client.get("/netzwerk/", {"near": municipality(GIESSEN).pk, "km": 20})
    assert b"Raum in Gie" in page.content and b"Raum in Kassel" not in page.content


def test_list_page_fixed_number_of_queries(client, django_assert_max_num_queries):
    near = {"near": municipality(KASSEL).pk, "km": 50}
    for _n in range(3):
        ListingFactory()
    with django_assert_max_num_queries(12) as plain:
        client.get("/netzwerk/")
    with django_assert_max_num_queries(12) as filtered:
        client.get("/netzwerk/", near)
    for _n in range(30):
        ListingFactory()
    with django_assert_max_num_queries(len(plain.captured_queries)):
        client.get("/netzwerk/")
    with django_assert_max_num_queries(len(filtered.captured_queries)):
        client.get("/netzwerk/", near)


def test_report_figures_and_hook():
    lender = ListingFactory(municipality=municipality(KASSEL))
    borrower = OrganisationFactory()
    start = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(days=1)
    if start.year != timezone.now().year:  # on 1 January
        start = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(hours=3)
    Booking.objects.create(
        listing=lender,
        organisation=borrower,
        start=start,
        end=start + timedelta(hours=3),
        status="confirmed",
    )
    ListingFactory(side="request", kind="transport", title="Bus nach Berlin")
    year = timezone.now().year
    figures = report.figures(year)
    assert figures["offers"] == 1 and figures["requests"] == 1
    assert figures["bookings_completed"] == 1 and figures["room_hours"] == 3
    assert figures["lending"] == 1 and figures["borrowing"] == 1
    assert [r.title for r in figures["unmet"]] == ["Bus nach Berlin"]
    from vernetzt.publishing.queries import contributed_sections

    sections = contributed_sections(year, hook="report_sections")
    assert any("Bus nach Berlin" in str(section) for section in sections)


def test_association_page_shows_neighbours(client):
    here = OrganisationFactory(is_published=True, municipality=municipality(GIESSEN), slug="hier")
    neighbour = ListingFactory(municipality=municipality(GIESSEN))
    neighbour.organisation.name = "Nachbarverein"
    neighbour.organisation.save()
    page = client.get(here.get_absolute_url())
    assert b"Nachbarverein" in page.content


def test_directory_filters_associations_by_distance(client):
    from tests.factories import OrganisationFactory as Org  # noqa: PLC0415

    Org(name="Verein in Gießen", municipality=municipality(GIESSEN), is_published=True)
    Org(name="Verein in Kassel", municipality=municipality(KASSEL), is_published=True)
    page = client.get("/verzeichnis/", {"near": municipality(GIESSEN).pk, "km": 20})
    assert b"Verein in Gie" in page.content and b"Verein in Kassel" not in page.content
    data = client.get("/api/v1/organisations", {"near": municipality(KASSEL).pk, "km": 30})
    assert [row["name"] for row in data.json()["results"]] == ["Verein in Kassel"]
