"""CPU cost of each kind of live-room request, and what that means for 100, 300, 1,000 phones.

On a machine shared with other work, wall-clock latencies say more about the neighbours than
about our code; CPU time does not. This runs the real request path in process (Django's
WSGI handler: every middleware, PostgreSQL, Redis) and measures CPU milliseconds per request
with `time.process_time()` (this process; PostgreSQL and Redis are measured by their own CPU
ticks), then adds gunicorn's own per-request cost, measured through a real gunicorn worker.
From that: the server CPU a room needs with phones updating every 3 s, a projector every 1 s,
a moderator every 2 s and 50 writes per second, for each design (chosen and alternatives).

Own database and Redis db (BENCH_DATABASE_URL, BENCH_REDIS_URL as in live_room.py).
Writes bench/results/live_room_cost.json.
"""

import io
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import live_room  # noqa: E402 - the same database set-up as the load test

N = int(os.environ.get("BENCH_REQUESTS", "300"))
CORES = os.cpu_count() or 1


def backend_ticks():
    """CPU ticks of this process's own PostgreSQL backend (the server is shared)."""
    from django.db import connection

    connection.ensure_connection()
    return live_room.cpu_ticks([connection.connection.info.backend_pid])


def measure(label, call, n=N):
    """Django's CPU (this process) and its PostgreSQL backend's, per call. Redis is shared
    with other work on this machine and not counted (a few microseconds per command)."""
    hz = os.sysconf("SC_CLK_TCK")
    call(0)
    before = backend_ticks()
    cpu = time.process_time()
    for i in range(n):
        call(i)
    own = (time.process_time() - cpu) / n * 1000
    postgres = (backend_ticks() - before) / hz / n * 1000
    figures = {"django_ms": round(own, 3), "postgres_ms": round(postgres, 3)}
    print(label, figures, flush=True)
    return figures


def gunicorn_overhead(environment):
    """CPU of a gunicorn sync worker per request of /healthz, minus Django's own part."""
    port = live_room.PORT + 1
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "vernetzt.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        env=environment,
        cwd=ROOT,
    )
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5)  # noqa: S310
                break
            except OSError:
                time.sleep(0.3)
        worker = [p for p in live_room.server_pids(process.pid)["gunicorn"] if p != process.pid]
        hz = os.sysconf("SC_CLK_TCK")
        before = live_room.cpu_ticks(worker)
        for _ in range(N):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10).read()  # noqa: S310
        return (live_room.cpu_ticks(worker) - before) / hz / N * 1000
    finally:
        process.terminate()
        process.wait(timeout=30)


def main():
    environment = live_room.env()
    live_room.recreate_database()
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], env=environment, check=True, cwd=ROOT)
    subprocess.run(
        [*manage, "shell", "-c", live_room.SETUP],
        env=environment,
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    served = gunicorn_overhead(environment)
    os.environ.update(environment)
    os.environ["DJANGO_SETTINGS_MODULE"] = "vernetzt.settings"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import Client
    from django.test.client import RequestFactory

    from vernetzt.live import feeds, state
    from vernetzt.live.device import COOKIE

    handler = WSGIHandler()
    factory = RequestFactory()
    code = live_room.CODE
    room_pk = feeds.room_id(code)
    phones = []
    for _ in range(40):
        client = Client()
        client.get(f"/live/{code}/")
        phones.append(client.cookies[COOKIE].value)
    from vernetzt.live.models import LiveQuestion

    questions = list(LiveQuestion.objects.filter(room_id=room_pk).values_list("pk", flat=True))

    def call(path, method="GET", cookie=None, data=b"", **headers):
        environ = factory._base_environ(
            PATH_INFO=path,
            REQUEST_METHOD=method,
            **({"HTTP_COOKIE": f"{COOKIE}={cookie}"} if cookie else {}),
            **{f"HTTP_{k.upper()}": v for k, v in headers.items()},
        )
        if method == "POST":
            environ["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
            environ["CONTENT_LENGTH"] = str(len(data))
            environ["wsgi.input"] = io.BytesIO(data)
        body = b"".join(handler(environ, lambda *a: None))
        return body

    update = f"/live/{code}/neu/"
    figures = {"gunicorn_per_request_ms": round(served, 3)}
    figures["healthz"] = measure("healthz", lambda i: call("/healthz"))
    etag = feeds.current_etag(room_pk)
    figures["update_unchanged_304"] = measure(
        "update unchanged (304)",
        lambda i: call(update, cookie=phones[i % 40], if_none_match=etag),
    )
    figures["update_full_from_snapshot"] = measure(
        "update with new content, from the shared snapshot",
        lambda i: call(update, cookie=phones[i % 40], if_none_match='"1"'),
    )
    figures["build_phone_snapshot"] = measure(
        "render the phone snapshot (once per version, at most every 0.3 s)",
        lambda i: feeds._build_phone(room_pk, "popular"),
        n=max(30, N // 10),
    )
    figures["build_projector_snapshot"] = measure(
        "render the projector snapshot",
        lambda i: feeds._build_projector(room_pk),
        n=max(30, N // 10),
    )
    figures["projector_update"] = measure(
        "projector update", lambda i: call(f"/live/{code}/leinwand/neu/", if_none_match='"1"')
    )
    from django.middleware.csrf import _get_new_csrf_string

    token = _get_new_csrf_string()

    def vote(i):
        """A new phone supports a question, as live.js sends it (the answer: its region)."""
        environ = factory._base_environ(
            PATH_INFO=f"/live/{code}/frage/{questions[i % len(questions)]}/unterstuetzen/",
            REQUEST_METHOD="POST",
            HTTP_COOKIE=f"csrftoken={token}",
            HTTP_X_CSRFTOKEN=token,
            HTTP_X_REQUESTED_WITH="live",
            CONTENT_TYPE="application/x-www-form-urlencoded",
            CONTENT_LENGTH="0",
        )
        environ["wsgi.input"] = io.BytesIO(b"")
        b"".join(handler(environ, lambda *a: None))

    # The snapshot renders are counted once above (at most 1/0.3 s per kind, whatever the
    # number of writes); here only the write and its answer from the current snapshot.
    interval, state.MIN_RENDER_INTERVAL = state.MIN_RENDER_INTERVAL, 3600
    figures["write_vote"] = measure("vote (live.js)", vote, n=max(50, N // 3))
    state.MIN_RENDER_INTERVAL = interval
    old_page = measure(
        "full phone page (the old design re-rendered ~this per update)",
        lambda i: call(f"/live/{code}/", cookie=phones[i % 40]),
        n=max(50, N // 4),
    )
    figures["phone_page"] = old_page

    def total(f):
        return f["django_ms"] + f["postgres_ms"]

    renders_per_second = 1 / state.MIN_RENDER_INTERVAL  # phone (one language, one order)
    projections = {}
    for phones_count in (100, 300, 1000):
        updates = phones_count / 3
        per_request = served  # gunicorn's own share, for every request
        chosen = (
            updates * (total(figures["update_full_from_snapshot"]) + per_request)
            + 1 * (total(figures["projector_update"]) + per_request)
            + 50 * (total(figures["write_vote"]) + per_request)
            + renders_per_second * total(figures["build_phone_snapshot"])
            + renders_per_second * total(figures["build_projector_snapshot"])
        )
        per_version = (
            chosen
            + 50
            * (total(figures["build_phone_snapshot"]) + total(figures["build_projector_snapshot"]))
            - renders_per_second
            * (total(figures["build_phone_snapshot"]) + total(figures["build_projector_snapshot"]))
        )
        old = updates * 2 * (10 + per_request)  # issue 17: two ~10 ms renders per phone
        quiet = updates * (total(figures["update_unchanged_304"]) + per_request)
        projections[phones_count] = {
            "chosen (ETag/304, snapshot reused 0.3 s), 50 writes/s": round(chosen / 10 / CORES, 1),
            "alternative: render every version, 50 writes/s": round(per_version / 10 / CORES, 1),
            "old design: two ~10 ms renders per phone and 3 s (issue 17)": round(
                old / 10 / CORES, 1
            ),
            "quiet room (304 only)": round(quiet / 10 / CORES, 1),
        }
    figures["projected_server_cpu"] = projections
    figures["projected_unit"] = "percent of all cores"
    figures["cores"] = CORES
    figures["load_average"] = round(os.getloadavg()[0], 2)
    print(json.dumps(figures, indent=2))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "live_room_cost.json").write_text(
        json.dumps(figures, indent=2) + "\n"
    )


if __name__ == "__main__":
    main()
