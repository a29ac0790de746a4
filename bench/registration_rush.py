"""A registration rush: 1,000 registrations over HTTP from 50 concurrent clients.

gunicorn (2 x cores + 1 sync workers) + PostgreSQL on this machine, its own database
(BENCH_DATABASE_URL, default postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_rush),
emails queued in the database task backend as in production. Prints throughput and
latency percentiles, checks that nothing was overbooked or lost, and writes
bench/results/registration_rush.json.
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
    "BENCH_DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_rush"
)
PORT = int(os.environ.get("BENCH_PORT", "18102"))
TOTAL = int(os.environ.get("BENCH_TOTAL", "1000"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "50"))
CAPACITY = 600


def env():
    # All clients share one address here; the per-address limit is bench/ratelimits.py's.
    return _setup.server_env(DB_URL, "bench-rush-", RATE_LIMIT_REGISTRATION="1000000/m")


def recreate_database():
    _setup.recreate_database(DB_URL)


SETUP = f"""
from datetime import timedelta
from django.utils import timezone
from vernetzt.events.models import Event
from vernetzt.registration.services import ensure_builtin_questions
start = timezone.now() + timedelta(days=30)
event = Event.objects.create(title="Rush", slug="rush", starts_at=start,
    ends_at=start + timedelta(hours=6), status="registration_open", capacity={CAPACITY})
ensure_builtin_questions(event=event)
"""

CHECK = """
import json
from vernetzt.registration.models import Registration
r = Registration.objects.filter(event__slug="rush")
waiting = sorted(r.filter(status="waiting").values_list("waiting_position", flat=True))
print(json.dumps({"confirmed": r.filter(status="confirmed").count(), "waiting": len(waiting),
    "gapless": waiting == list(range(1, len(waiting) + 1)), "total": r.count()}))
"""


def post(n):
    body = json.dumps(
        {
            "first_name": "Kim",
            "last_name": f"Beispiel{n}",
            "email": f"rush{n}@example.org",
            "organisation": None,
            "language": "de",
            "answers": {"photo_consent": "yes", "dietary": ["vegetarian"]},
        }
    ).encode()
    request = urllib.request.Request(  # noqa: S310 - loopback benchmark
        f"http://127.0.0.1:{PORT}/api/v1/events/rush/registrations",
        data=body,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            status = response.status
            response.read()
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return status, time.perf_counter() - started


def main():
    environment = env()
    recreate_database()
    manage = [PY, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], env=environment, check=True, cwd=ROOT)
    subprocess.run([*manage, "shell", "-c", SETUP], env=environment, check=True, cwd=ROOT)
    workers = 2 * (os.cpu_count() or 1) + 1
    gunicorn = _setup.start_gunicorn(PORT, environment, workers=workers)
    try:
        for n in range(20):  # warm up every worker (imports, connections)
            post(100_000 + n)
        lock = threading.Lock()
        results = []
        numbers = iter(range(TOTAL))

        def client():
            while True:
                with lock:
                    n = next(numbers, None)
                if n is None:
                    return
                outcome = post(n)
                with lock:
                    results.append(outcome)

        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            for _ in range(CLIENTS):
                pool.submit(client)
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
    latencies = sorted(seconds * 1000 for _, seconds in results)
    statuses = {}
    for status, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    figures = {
        "registrations": TOTAL,
        "clients": CLIENTS,
        "gunicorn_workers": workers,
        "cores": os.cpu_count(),
        "seconds": round(elapsed, 2),
        "per_second": round(TOTAL / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 1),
        "statuses": statuses,
        "capacity": CAPACITY,
        "state_after": state,
        # Other engineers' test suites share the 2 cores: the load says how busy they were.
        "load_average_before": round(load_before, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(figures, indent=2))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "registration_rush.json").write_text(
        json.dumps(figures, indent=2) + "\n"
    )
    # 20 warm-up registrations took places first: the capacity is still never exceeded.
    ok = state["confirmed"] == CAPACITY and state["gapless"] and statuses.get("201") == TOTAL
    if not ok:
        print("FAILED: overbooked, lost or errors", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
