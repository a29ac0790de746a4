"""Rate limits with 5 gunicorn workers: allowed against configured, per limit.

gunicorn with 5 sync workers, PostgreSQL (BENCH_DATABASE_URL, default
postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_limits) and Redis as the shared
cache (BENCH_REDIS_URL, default redis://127.0.0.1:6379/2, flushed first), all on loopback.

- registration API: 2,000 requests from one address (how many pass, p95 of the limited
  answer), then a rush from 200 addresses (127.0.0.2-127.0.0.201, 3 each) that must pass;
- contact form to one association from one address;
- failed logins from one address (allauth's limit; django-axes locks single accounts).
Writes bench/results/ratelimits.json. Every loop is bounded; the server stops at the end.
"""

import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import _setup  # noqa: E402

PY = sys.executable
DB_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_limits"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2")
PORT = int(os.environ.get("BENCH_PORT", "18110"))
WORKERS = 5
RUSH = int(os.environ.get("BENCH_RUSH", "2000"))
ADDRESSES = 200
PER_ADDRESS = 3
REGISTRATION_LIMIT = "30/m,300/h"


def env():
    return _setup.server_env(
        DB_URL,
        "bench-limits-",
        REDIS_URL=REDIS_URL,
        LOG_LEVEL="ERROR",
        RATE_LIMIT_REGISTRATION=REGISTRATION_LIMIT,
        AXES_FAILURE_LIMIT="1000",  # measure allauth's per-address limit, not the lockout
    )


def recreate_database():
    _setup.recreate_database(DB_URL, REDIS_URL)


SETUP = """
from datetime import timedelta
from django.utils import timezone
from vernetzt.directory.models import Organisation
from vernetzt.events.models import Event
from vernetzt.registration.services import ensure_builtin_questions
start = timezone.now() + timedelta(days=30)
event = Event.objects.create(title="Limits", slug="limits", starts_at=start,
    ends_at=start + timedelta(hours=6), status="registration_open", capacity=5000)
ensure_builtin_questions(event=event)
Organisation.objects.create(name="Beispielverein", slug="beispielverein", is_published=True,
    status="active", contact_email="verein@example.org")
"""


def request(method, path, body=b"", headers=None, source="127.0.0.1"):
    connection = http.client.HTTPConnection(
        "127.0.0.1", PORT, timeout=60, source_address=(source, 0)
    )
    started = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        content = response.read()
        return response.status, time.perf_counter() - started, response, content
    except OSError:
        return 0, time.perf_counter() - started, None, b""
    finally:
        connection.close()


def register(n, source="127.0.0.1"):
    body = json.dumps(
        {"first_name": "Kim", "last_name": f"B{n}", "email": f"limit{n}@example.org"}
    ).encode()
    status, seconds, _, _ = request(
        "POST",
        "/api/v1/events/limits/registrations",
        body,
        {"Content-Type": "application/json"},
        source,
    )
    return status, seconds


def p95(values):
    values = sorted(values)
    return round(values[max(0, int(len(values) * 0.95) - 1)] * 1000, 1) if values else None


def count(statuses):
    out = {}
    for status in statuses:
        out[str(status)] = out.get(str(status), 0) + 1
    return out


def form_post(path, fields, cookie_source_path):
    """GET a page for the CSRF cookie and token, then POST the form."""
    status, _, response, content = request("GET", cookie_source_path)
    cookie = response.getheader("Set-Cookie", "") if response else ""
    match = re.search(r"csrftoken=([^;]+)", cookie)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
    if not (match and token):
        return status
    body = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token.group(1).decode()})
    status, _, _, _ = request(
        "POST",
        path,
        body.encode(),
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={match.group(1)}; vernetzt_language=en",
            "Referer": f"http://127.0.0.1:{PORT}{path}",
        },
    )
    return status


def main():
    environment = env()
    recreate_database()
    manage = [PY, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], env=environment, check=True, cwd=ROOT)
    subprocess.run([*manage, "shell", "-c", SETUP], env=environment, check=True, cwd=ROOT)
    gunicorn = _setup.start_gunicorn(PORT, environment, workers=WORKERS)
    figures = {"gunicorn_workers": WORKERS, "cores": os.cpu_count(), "cache": "redis"}
    try:
        for n in range(10):  # warm every worker up (imports, connections) from other addresses
            request("GET", "/api/v1/events", source=f"127.0.1.{n + 1}")

        # 1. One address, 2,000 registrations, 20 at once.
        started = time.perf_counter()
        with ThreadPoolExecutor(20) as pool:
            results = list(pool.map(register, range(RUSH)))
        rush_seconds = time.perf_counter() - started
        statuses = count(status for status, _ in results)
        figures["registration_one_address"] = {
            "requests": RUSH,
            "configured": REGISTRATION_LIMIT,
            "passed": statuses.get("201", 0),
            "limited_429": statuses.get("429", 0),
            "statuses": statuses,
            "seconds": round(rush_seconds, 1),
            "p95_ms_limited": p95([s for status, s in results if status == 429]),
            "p50_ms_limited": round(
                statistics.median([s for status, s in results if status == 429] or [0]) * 1000, 1
            ),
            "p95_ms_passed": p95([s for status, s in results if status == 201]),
        }

        # 2. A real rush from 200 addresses, 3 registrations each: nobody limited.
        jobs = [
            (100_000 + a * PER_ADDRESS + i, f"127.0.0.{a + 2}")
            for i in range(PER_ADDRESS)
            for a in range(ADDRESSES)
        ]
        started = time.perf_counter()
        with ThreadPoolExecutor(20) as pool:
            spread = list(pool.map(lambda job: register(*job), jobs))
        statuses = count(status for status, _ in spread)
        figures["registration_200_addresses"] = {
            "requests": len(jobs),
            "addresses": ADDRESSES,
            "passed": statuses.get("201", 0),
            "limited_429": statuses.get("429", 0),
            "statuses": statuses,
            "seconds": round(time.perf_counter() - started, 1),
            "p95_ms": p95([s for _, s in spread]),
        }

        # 3. Contact form: 20 messages to one association from one address.
        contact = "/verzeichnis/beispielverein/kontakt/"
        fields = {"name": "Alex", "email": "alex@example.org", "message": "Hallo, ein Test."}
        contact_statuses = count(form_post(contact, fields, contact) for _ in range(20))
        figures["contact_one_association"] = {
            "requests": 20,
            "configured": "3/h per association, 10/h per address",
            "passed": contact_statuses.get("302", 0),
            "limited_429": contact_statuses.get("429", 0),
            "statuses": contact_statuses,
        }

        # 4. Failed logins from one address, a new email each time (allauth's limit).
        login = "/konto/login/"
        login_statuses = count(
            form_post(login, {"login": f"nobody{n}@example.org", "password": "wrong"}, login)
            for n in range(40)
        )
        figures["failed_logins_one_address"] = {
            "requests": 40,
            "configured": "allauth: login 30/m per address, failed logins 10/m per address",
            "answered_not_429": sum(v for k, v in login_statuses.items() if k != "429"),
            "limited_429": login_statuses.get("429", 0),
            "statuses": login_statuses,
        }
    finally:
        _setup.stop(gunicorn)
    figures["load_average_after"] = round(os.getloadavg()[0], 2)
    print(json.dumps(figures, indent=2))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "ratelimits.json").write_text(
        json.dumps(figures, indent=2) + "\n"
    )
    one = figures["registration_one_address"]
    ok = (
        one["passed"] <= 60  # one or two minute windows of 30
        and figures["registration_200_addresses"]["limited_429"] == 0
        and figures["contact_one_association"]["passed"] <= 3
    )
    if not ok:
        print("FAILED: a limit let too much through, or limited a real rush", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
