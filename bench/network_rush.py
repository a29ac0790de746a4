"""50 instant bookings of one slot at the same moment, over HTTP with personal API tokens.

gunicorn (2 x cores + 1 sync workers) + PostgreSQL on this machine, its own database
(BENCH_DATABASE_URL, default .../vernetzt_bench_network_rush). All clients wait at a barrier
and then send `POST /api/v1/offers/<id>/bookings` for the same two hours. Expected: exactly
1 confirmed (201), 49 refused (409) naming the next free slot, 0 errors. Writes
bench/results/network_rush.json.
"""

import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import _setup  # noqa: E402

PY = sys.executable
DB_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_network_rush"
)
PORT = int(os.environ.get("BENCH_PORT", "18114"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "50"))


def env():
    return _setup.server_env(DB_URL, "bench-network-rush-")


def recreate_database():
    _setup.recreate_database(DB_URL)


SETUP = f"""
import json
from datetime import datetime, time, timedelta
from django.utils import timezone
from vernetzt.accounts.api_tokens import create_api_token
from vernetzt.accounts.models import User
from vernetzt.directory.models import Membership, Organisation
from vernetzt.network.availability import local_zone
from vernetzt.network.models import Listing, OpeningHours
owner = Organisation.objects.create(name="Pool", slug="pool", is_published=True)
listing = Listing.objects.create(organisation=owner, side="offer", kind="equipment",
    title="Beamer", booking_mode="instant", max_hours=8)
for day in range(7):
    OpeningHours.objects.create(listing=listing, weekday=day, start=time(8), end=time(20))
tokens = []
for n in range({CLIENTS}):
    borrower = Organisation.objects.create(name=f"Verein {{n}}", slug=f"verein-{{n}}")
    user = User.objects.create_user(email=f"rush{{n}}@example.org")
    Membership.objects.create(user=user, organisation=borrower)
    tokens.append([borrower.pk, create_api_token(user=user)[1]])
start = datetime.combine(timezone.localdate() + timedelta(days=2), time(10), tzinfo=local_zone())
print(json.dumps({{"listing": listing.pk, "tokens": tokens, "start": start.isoformat(),
    "end": (start + timedelta(hours=2)).isoformat()}}))
"""

CHECK = """
import json
from vernetzt.network.models import Booking
print(json.dumps({"confirmed": Booking.objects.filter(status="confirmed").count(),
    "total": Booking.objects.count()}))
"""


def post(url, body, token):
    request = urllib.request.Request(  # noqa: S310 - loopback benchmark
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        method="POST",
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            status, payload = response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        status, payload = error.code, json.loads(error.read() or b"{}")
    except OSError:
        status, payload = 0, {}
    return status, payload, time.perf_counter() - started


def main():
    environment = env()
    recreate_database()
    manage = [PY, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], env=environment, check=True, cwd=ROOT)
    setup = subprocess.run(
        [*manage, "shell", "-c", SETUP],
        env=environment,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    data = json.loads(setup.stdout.strip().splitlines()[-1])
    workers = 2 * (os.cpu_count() or 1) + 1
    gunicorn = _setup.start_gunicorn(PORT, environment, workers=workers, backlog=256)
    url = f"http://127.0.0.1:{PORT}/api/v1/offers/{data['listing']}/bookings"
    try:
        for _ in range(2 * workers):  # warm up every worker (imports, connections)
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/api/v1/offers", timeout=10)  # noqa: S310
        barrier = threading.Barrier(CLIENTS)

        def client(n):
            organisation, token = data["tokens"][n]
            barrier.wait(timeout=60)
            body = {"start": data["start"], "end": data["end"], "organisation": organisation}
            return post(url, body, token)

        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            results = list(pool.map(client, range(CLIENTS)))
        elapsed = time.perf_counter() - started
    finally:
        _setup.stop(gunicorn)
    check = subprocess.run(
        [*manage, "shell", "-c", CHECK],
        env=environment,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    state = json.loads(check.stdout.strip().splitlines()[-1])
    statuses = {}
    for status, _payload, _seconds in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    next_free = {
        payload.get("next_free", {}).get("start")
        for status, payload, _ in results
        if status == 409 and payload.get("next_free")
    }
    latencies = sorted(seconds * 1000 for *_, seconds in results)
    figures = {
        "clients": CLIENTS,
        "gunicorn_workers": workers,
        "cores": os.cpu_count(),
        "seconds": round(elapsed, 2),
        "p50_ms": round(statistics.median(latencies), 1),
        "max_ms": round(latencies[-1], 1),
        "statuses": statuses,
        "confirmed_in_database": state["confirmed"],
        "bookings_in_database": state["total"],
        "refusals_naming_next_free": sum(
            1 for status, payload, _ in results if status == 409 and payload.get("next_free")
        ),
        "next_free_offered": sorted(next_free),
        "load_average_before": round(load_before, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(figures, indent=2))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "network_rush.json").write_text(
        json.dumps(figures, indent=2) + "\n"
    )
    ok = (
        statuses.get("201") == 1
        and statuses.get("409") == CLIENTS - 1
        and state["confirmed"] == 1
        and figures["refusals_naming_next_free"] == CLIENTS - 1
    )
    if not ok:
        print("FAILED: double booking, lost or errors", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
