"""Never a double booking: 50 instant bookings of one slot at the same moment, against a live
server on PostgreSQL (each request its own thread and database connection).

The self-checks switch the guards off from the outside (fixtures patch the locking function
and drop the exclusion constraint; production code has no test hooks): without the lock the
constraint alone still holds, and without both the same race double-books, which shows the
test can fail.
"""

import contextlib
import json
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from vernetzt.accounts.api_tokens import create_api_token
from vernetzt.network import booking as services
from vernetzt.network.models import Booking, Listing, no_overlap_constraint

from .factories import ListingFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CLIENTS = 50


def _post(url, body, token):
    """POST once; a connection refused by the test server's small accept queue is retried
    (the request never reached the application)."""
    for attempt in range(20):
        try:
            return _post_once(url, body, token)
        except (ConnectionResetError, urllib.error.URLError) as error:
            if isinstance(error, urllib.error.HTTPError):
                raise
            time.sleep(0.05 * (attempt + 1))
    return _post_once(url, body, token)


def _post_once(url, body, token):
    request = urllib.request.Request(  # noqa: S310 - http to the live server
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _rush(live_server):
    owner = OrganisationFactory(is_published=True)
    # No municipality: transactional tests flush the geodata of the data migration.
    listing = ListingFactory(
        organisation=owner, booking_mode="instant", kind="equipment", municipality=None
    )
    borrowers = [OrganisationFactory(is_published=True) for _ in range(5)]
    tokens = []
    for n, borrower in enumerate(borrowers):
        user = UserFactory(email=f"rush{n}@example.org")
        MembershipFactory(user=user, organisation=borrower)
        tokens.append((borrower.pk, create_api_token(user=user)[1]))
    start = timezone.localtime().replace(minute=0, second=0, microsecond=0) + timedelta(days=2)
    start = start.replace(hour=10)
    body = {"start": start.isoformat(), "end": (start + timedelta(hours=2)).isoformat()}
    url = f"{live_server.url}/api/v1/offers/{listing.pk}/bookings"
    barrier = threading.Barrier(CLIENTS)

    def send(n):
        organisation_id, token = tokens[n % len(tokens)]
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=30)
        return _post(url, {**body, "organisation": organisation_id, "message": f"#{n}"}, token)

    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(send, range(CLIENTS)))
    return listing, start, results


def _confirmed(listing):
    return Booking.objects.filter(listing=listing, status="confirmed").count()


def test_50_instant_bookings_of_one_slot(live_server):
    listing, start, results = _rush(live_server)
    statuses = sorted(status for status, _ in results)
    assert statuses == [201] + [409] * (CLIENTS - 1), statuses
    assert _confirmed(listing) == 1
    refusals = [body for status, body in results if status == 409]
    expected = (start + timedelta(hours=2)).isoformat()
    for body in refusals:
        assert body["next_free"]["start"][:16] == expected[:16], body
        assert body["errors"]["start"]


@pytest.fixture
def lock_off(monkeypatch):
    """Switch the row lock off and widen the race window between check and insert."""
    original = services._overlapping

    def no_lock(listing_id):
        return Listing.objects.get(pk=listing_id)

    def slow_check(listing, start, end):
        found = original(listing, start, end)
        time.sleep(0.5)
        return found

    monkeypatch.setattr(services, "_lock_listing", no_lock)
    monkeypatch.setattr(services, "_overlapping", slow_check)


@pytest.fixture
def constraint_off():
    """Drop the exclusion constraint for one test and put it back afterwards."""
    with connection.schema_editor() as editor:
        editor.remove_constraint(Booking, no_overlap_constraint())
    yield
    Booking.objects.all().delete()
    with connection.schema_editor() as editor:
        editor.add_constraint(Booking, no_overlap_constraint())


def test_self_check_without_the_lock_the_constraint_still_holds(live_server, lock_off):
    listing, _start, results = _rush(live_server)
    assert _confirmed(listing) == 1
    assert {status for status, _ in results} <= {201, 409}


def test_self_check_without_lock_and_constraint_it_double_books(
    live_server, lock_off, constraint_off
):
    listing, _start, _results = _rush(live_server)
    assert _confirmed(listing) > 1
