"""The guarantee: never overbooked, nothing lost, against a live server on PostgreSQL.

Many client threads post to the API of a live server at once (each request is its own
server thread and database connection). The self-check switches the lock off and injects
a delay: then the same race overbooks, which shows the test can fail.
"""

import contextlib
import json
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from vernetzt.events.models import Event
from vernetzt.registration import services
from vernetzt.registration.models import Registration

from .factories import EventFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CLIENTS = 40  # PostgreSQL on the shared machine allows 100 connections in all


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    """All clients here share one address; the rate limit is tested in test_abuse."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "registration": "100000/m"}


def _post(url, body, headers=None):
    request = urllib.request.Request(  # noqa: S310 - http to the live server
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _rush(live_server, event, bodies):
    url = f"{live_server.url}/api/v1/events/{event.slug}/registrations"
    barrier = threading.Barrier(min(CLIENTS, len(bodies)))

    def send(body):
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=30)
        return _post(url, body)

    with ThreadPoolExecutor(CLIENTS) as pool:
        return list(pool.map(send, bodies))


def _body(n, **extra):
    return {
        "first_name": "Kim",
        "last_name": f"Beispiel{n}",
        "email": f"rush{n}@example.org",
        "organisation": None,
        "language": "de",
        "answers": {},
        **extra,
    }


def test_200_at_once_for_60_places(live_server):
    event = EventFactory(capacity=60)
    results = _rush(live_server, event, [_body(n) for n in range(200)])
    assert sorted({status for status, _ in results}) == [201]
    assert Registration.objects.filter(event=event, status="confirmed").count() == 60
    waiting = list(
        Registration.objects.filter(event=event, status="waiting")
        .order_by("created_at", "id")
        .values_list("waiting_position", flat=True)
    )
    assert waiting == list(range(1, 141))  # gapless and in the order they came


def test_same_idempotency_key_five_times_at_once(live_server):
    event = EventFactory(capacity=60)
    results = _rush(live_server, event, [_body(1, idempotency_key="same-key")] * 5)
    assert sorted(status for status, _ in results) == [200] * 4 + [201]
    assert len({json.dumps(body) for _, body in results}) == 1  # identical answers
    assert Registration.objects.filter(event=event).count() == 1


def test_same_email_at_once_gives_one_registration(live_server):
    event = EventFactory(capacity=60)
    results = _rush(live_server, event, [_body(1)] * 10)
    assert [status for status, _ in results] == [201] * 10  # no email oracle
    assert Registration.objects.filter(event=event).count() == 1


def test_cancellations_racing_registrations(live_server):
    event = EventFactory(capacity=20)
    for n in range(40):  # 20 confirmed, 20 waiting
        services.register_participant(
            event=event, first_name="A", last_name=str(n), email=f"early{n}@example.org"
        )
    to_cancel = list(Registration.objects.filter(event=event, status="confirmed")[:10])
    first_waiting = list(
        Registration.objects.filter(event=event, status="waiting")
        .order_by("waiting_position")
        .values_list("pk", flat=True)[:10]
    )
    url = f"{live_server.url}/api/v1/events/{event.slug}/registrations"
    barrier = threading.Barrier(30)

    def cancel(registration):
        barrier.wait(timeout=10)
        services.cancel_registration(registration=registration)
        from django.db import connection

        connection.close()

    def register(n):
        barrier.wait(timeout=10)
        return _post(url, _body(1000 + n))

    with ThreadPoolExecutor(30) as pool:
        futures = [pool.submit(cancel, r) for r in to_cancel]
        futures += [pool.submit(register, n) for n in range(20)]
        for future in futures:
            future.result()
    confirmed = Registration.objects.filter(event=event, status="confirmed")
    assert confirmed.count() == 20
    assert set(first_waiting) <= set(confirmed.values_list("pk", flat=True))
    positions = sorted(
        Registration.objects.filter(event=event, status="waiting").values_list(
            "waiting_position", flat=True
        )
    )
    assert positions == list(range(1, len(positions) + 1))


def test_two_scanners_check_in_the_same_ticket(live_server):
    event = EventFactory()
    registration, _ = services.register_participant(
        event=event, first_name="A", last_name="B", email="scan@example.org"
    )
    barrier = threading.Barrier(20)

    def scan(_):
        barrier.wait(timeout=10)
        try:
            return services.check_in(event=event, ticket_code=registration.ticket_code).already
        finally:
            from django.db import connection

            connection.close()

    with ThreadPoolExecutor(20) as pool:
        already = list(pool.map(scan, range(100)))
    assert already.count(False) == 1 and already.count(True) == 99


@pytest.fixture
def without_the_lock(monkeypatch):
    """The service's locking function swapped for one that does not lock, and a delay
    between counting and saving, wide enough on a loaded machine (test code only)."""

    def unlocked(event):
        return Event.objects.get(pk=event.pk)

    real_save = Registration.save

    def slow_save(self, *args, **kwargs):
        if self._state.adding:
            time.sleep(0.3)
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(services.common, "lock_event", unlocked)
    monkeypatch.setattr(Registration, "save", slow_save)


def test_self_check_without_the_lock_it_overbooks(live_server, without_the_lock):
    """The guard matters: without the row lock (and a small delay) the race overbooks."""
    event = EventFactory(capacity=10)
    _rush(live_server, event, [_body(n) for n in range(40)])
    assert Registration.objects.filter(event=event, status="confirmed").count() > 10
