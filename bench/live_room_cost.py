"""CPU cost of each kind of live-room request, and what that means for 100, 300, 1,000 phones.

    .venv/bin/python bench/live_room_cost.py

On a machine shared with other work, wall-clock latencies say more about the neighbours than
about our code; CPU time does not. This runs the real request path in process (Django's
WSGI handler: every middleware, PostgreSQL, Redis) and measures CPU milliseconds per request
with `time.process_time()` plus this process's PostgreSQL backend (Redis is not counted: a
few microseconds per command), then adds gunicorn's own per-request cost, measured through a
real gunicorn worker (its CPU per unchanged update, a 304, minus Django's part of it; with its
heartbeat file in /dev/shm as gunicorn.conf.py sets it, and on disk as before). From that: the
server CPU a room needs with phones updating every 3 s, a projector every 1 s, a moderator
every 2 s and 50 writes per second (4 of 5 votes, 1 of 5 questions, each question followed
by the asking phone's update), for the chosen design and the alternatives.

Own database and Redis db (BENCH_DATABASE_URL, BENCH_REDIS_URL as in live_room.py).
Writes bench/results/live_room_cost.json and prints the tables.
"""

import io
import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import _setup  # noqa: E402
import live_room  # noqa: E402 - the same database set-up as the load test

N = int(os.environ.get("BENCH_REQUESTS", "300"))
CORES = os.cpu_count() or 1
WRITES = 50
ASKS = WRITES / 5

# The design before decision 0187 (0174: every update read the device's own state from the
# cache, every request went through all middleware, a vote answered with the device's votes
# from the cache and checked the room with a query), measured with this script at commit
# 814555a on this machine: Django + its PostgreSQL backend, ms per request
# (bench/results/live_room_cost.json of that commit).
BEFORE_0187 = {
    "commit": "814555a",
    "update_full_from_snapshot": 1.007,
    "projector_update": 0.877,
    "write_vote": 8.387 + 2.1,
    "write_question": 9.371 + 2.5,
    "render_interval_phone_s": 0.3,
}


def backend_ticks():
    """CPU ticks of this process's own PostgreSQL backend (the server is shared)."""
    from django.db import connection

    connection.ensure_connection()
    return _setup.cpu_ticks([connection.connection.info.backend_pid])


def measure(label, call, n=N, before=None):
    """Django's CPU (this process) and its PostgreSQL backend's, per call."""
    hz = os.sysconf("SC_CLK_TCK")
    (before or call)(0)
    call(0)
    ticks = backend_ticks()
    cpu = time.process_time()
    for i in range(n):
        if before:
            before(i)
        call(i)
    own = (time.process_time() - cpu) / n * 1000
    postgres = (backend_ticks() - ticks) / hz / n * 1000
    figures = {"django_ms": round(own, 3), "postgres_ms": round(postgres, 3)}
    print(f"{label:<66} {own:7.2f} + {postgres:5.2f} ms", flush=True)
    return figures


def gunicorn_worker_ms(environment, heartbeat_on_disk=False):
    """CPU of one gunicorn sync worker per unchanged update (a 304: HTTP parsing, the WSGI
    plumbing, Django's small part of it); `heartbeat_on_disk`: the worker's heartbeat file
    in the temporary directory on disk (gunicorn's default) instead of /dev/shm."""
    port = live_room.PORT + 1
    extra = os.environ.get("BENCH_GUNICORN_ARGS", "")
    if heartbeat_on_disk:
        os.environ["BENCH_GUNICORN_ARGS"] = f"{extra} --worker-tmp-dir {tempfile.gettempdir()}"
    process = _setup.start_gunicorn(port, environment, workers=1)
    os.environ["BENCH_GUNICORN_ARGS"] = extra
    try:
        worker = [p for p in live_room.server_pids(process.pid)["gunicorn"] if p != process.pid]
        url = f"http://127.0.0.1:{port}/live/{live_room.CODE}/neu/"
        etag = urllib.request.urlopen(url, timeout=10).headers["ETag"]  # noqa: S310 - loopback
        request = urllib.request.Request(url, headers={"If-None-Match": etag})

        def ask():
            try:
                urllib.request.urlopen(request, timeout=10).read()  # noqa: S310 - loopback
            except urllib.error.HTTPError as answer:  # the 304
                answer.read()

        for _ in range(20):
            ask()
        hz = os.sysconf("SC_CLK_TCK")
        before = _setup.cpu_ticks(worker)
        for _ in range(N * 4):
            ask()
        return (_setup.cpu_ticks(worker) - before) / hz / (N * 4) * 1000
    finally:
        _setup.stop(process)


def main():
    environment = live_room.env()
    live_room.recreate_database()
    out = _setup.migrate_and_run(environment, live_room.SETUP)
    moderator_session = out.split("SESSION=")[1].split()[0]
    worker_304 = gunicorn_worker_ms(environment)
    worker_304_disk = gunicorn_worker_ms(environment, heartbeat_on_disk=True)
    os.environ.update(environment)
    os.environ["DJANGO_SETTINGS_MODULE"] = "vernetzt.settings"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core import signing
    from django.core.handlers.wsgi import WSGIHandler
    from django.middleware.csrf import _get_new_csrf_string
    from django.test.client import RequestFactory

    from vernetzt.live import feeds, state
    from vernetzt.live.device import COOKIE, SALT
    from vernetzt.live.models import LiveQuestion

    handler = WSGIHandler()
    factory = RequestFactory()
    code = live_room.CODE
    room_pk = feeds.room_id(code)
    signer = signing.get_cookie_signer(salt=COOKIE + SALT)
    # many phones: a device asks for new content at most 90 times a minute (429 beyond)
    phones = [signer.sign(f"bench-phone-{i:08d}") for i in range(N * 4)]
    questions = list(LiveQuestion.objects.filter(room_id=room_pk).values_list("pk", flat=True))
    token = _get_new_csrf_string()

    def call(path, method="GET", cookie=None, data=b"", session=None, **headers):
        cookies = f"csrftoken={token}" + (f"; {COOKIE}={cookie}" if cookie else "")
        cookies += f"; sessionid={session}" if session else ""
        environ = factory._base_environ(
            PATH_INFO=path,
            REQUEST_METHOD=method,
            HTTP_COOKIE=cookies,
            **{f"HTTP_{k.upper()}": v for k, v in headers.items()},
        )
        if method == "POST":
            environ["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
            environ["CONTENT_LENGTH"] = str(len(data))
            environ["wsgi.input"] = io.BytesIO(data)
            environ["HTTP_X_CSRFTOKEN"] = token
            environ["HTTP_X_REQUESTED_WITH"] = "live"
        return b"".join(handler(environ, lambda *a: None))

    update = f"/live/{code}/neu/"
    figures = {}
    figures["healthz"] = measure("healthz (Django's part)", lambda i: call("/healthz"))
    etag = feeds.current_etag(room_pk)
    figures["update_unchanged_304"] = measure(
        "update, nothing new (304)",
        lambda i: call(update, cookie=phones[i], if_none_match=etag),
    )
    own_304 = figures["update_unchanged_304"]["django_ms"]
    gunicorn_ms = max(0.0, worker_304 - own_304)
    gunicorn_disk_ms = max(0.0, worker_304_disk - own_304)
    figures["gunicorn_worker_304_ms"] = round(worker_304, 3)
    figures["gunicorn_per_request_ms"] = round(gunicorn_ms, 3)
    figures["gunicorn_per_request_heartbeat_on_disk_ms"] = round(gunicorn_disk_ms, 3)
    print(f"{'gunicorn per request (worker CPU for a 304 minus Django)':<66} {gunicorn_ms:7.2f}")
    print(f"{'  the same with the heartbeat file on disk':<66} {gunicorn_disk_ms:7.2f}")
    for i in range(N):  # every phone has asked before (the steady state)
        call(update, cookie=phones[N + i], if_none_match='"1"')
    figures["update_full_from_snapshot"] = measure(
        "update with new content (shared bytes + own block)",
        lambda i: call(update, cookie=phones[N + i], if_none_match='"1"'),
    )
    figures["moderator_update"] = measure(
        "moderator update (the lists, the queue, the polls; every 2 s)",
        lambda i: call(f"/live/{code}/moderation/neu/", session=moderator_session),
        n=max(30, N // 10),
    )
    figures["projector_update"] = measure(
        "projector update", lambda i: call(f"/live/{code}/leinwand/neu/", if_none_match='"1"')
    )
    figures["build_phone_snapshot"] = measure(
        "render the phone snapshot (at most every 1 s)",
        lambda i: feeds._build_phone(room_pk, "popular"),
        n=max(30, N // 10),
    )
    figures["build_projector_snapshot"] = measure(
        "render the projector snapshot (at most every 0.3 s)",
        lambda i: feeds._build_projector(room_pk),
        n=max(30, N // 10),
    )
    # The writes: renders are counted above (bounded per room), here the write and its answer.
    interval, state.MIN_RENDER_INTERVAL = state.MIN_RENDER_INTERVAL, 3600
    phone_interval, feeds.PHONE_RENDER_INTERVAL = feeds.PHONE_RENDER_INTERVAL, 3600
    for i in range(N):  # the voting phones have been updating
        call(update, cookie=phones[3 * N + i], if_none_match='"1"')
    figures["write_vote"] = measure(
        "a vote sent by live.js (the write and what it changed)",
        lambda i: call(
            f"/live/{code}/frage/{questions[i % len(questions)]}/unterstuetzen/",
            "POST",
            cookie=phones[3 * N + i],
        ),
        n=N,
    )
    figures["write_question"] = measure(
        "a question sent by live.js",
        lambda i: call(
            f"/live/{code}/frage/", "POST", cookie=phones[i], data=f"ask-text=Frage+{i}%3F".encode()
        ),
        n=max(50, N // 3),
    )
    state.MIN_RENDER_INTERVAL = interval
    feeds.PHONE_RENDER_INTERVAL = phone_interval
    figures["phone_page"] = measure(
        "the whole phone page",
        lambda i: call(f"/live/{code}/", cookie=phones[i]),
        n=max(50, N // 4),
    )

    def total(name):
        return figures[name]["django_ms"] + figures[name]["postgres_ms"]

    g = gunicorn_ms
    phone_render = total("build_phone_snapshot")
    projector_render = total("build_projector_snapshot")
    renders = phone_render / feeds.PHONE_RENDER_INTERVAL + projector_render / interval
    writes = (WRITES - ASKS) * (total("write_vote") + g) + ASKS * (total("write_question") + g)
    moderator = 0.5 * (total("moderator_update") + g)
    before = BEFORE_0187
    g_before = gunicorn_disk_ms
    projections = {}
    for count in (100, 300, 1000):
        updates = count / 3 + ASKS  # every 3 s, and once after each question

        def percent(ms_per_second):
            return round(ms_per_second / 10 / CORES, 1)

        chosen = (
            updates * (total("update_full_from_snapshot") + g)
            + 1 * (total("projector_update") + g)
            + writes
            + renders
            + moderator
        )
        previous = (
            updates * (before["update_full_from_snapshot"] + g_before)
            + 1 * (before["projector_update"] + g_before)
            + (WRITES - ASKS) * (before["write_vote"] + g_before)
            + ASKS * (before["write_question"] + g_before)
            + (phone_render + projector_render) / before["render_interval_phone_s"]
            + moderator
        )
        every_version = chosen - renders + WRITES * (phone_render + projector_render)
        quiet = count / 3 * (total("update_unchanged_304") + g) + 1 * (
            total("update_unchanged_304") + g
        )
        no_etag_quiet = count / 3 * (total("update_full_from_snapshot") + g)
        old = count / 3 * 2 * (10 + g)  # issue 17: two ~10 ms renders per phone every 3 s
        projections[count] = {
            "chosen (0187: short way, no round trip per update), 50 writes/s": percent(chosen),
            "before (0174 at 814555a, heartbeat on disk), 50 writes/s": percent(previous),
            "render every version instead of reusing, 50 writes/s": percent(every_version),
            "old design (two ~10 ms renders per phone and 3 s, issue 17)": percent(old),
            "quiet room, chosen (304 only)": percent(quiet),
            "quiet room without ETag (full answer every time)": percent(no_etag_quiet),
        }
    figures["before_0187"] = BEFORE_0187
    figures["projected_server_cpu"] = projections
    figures["projected_unit"] = "percent of all cores"
    figures["cores"] = CORES
    figures["load_average"] = round(os.getloadavg()[0], 2)
    print()
    names = list(projections[100])
    print("| design | " + " | ".join(f"{c} phones" for c in projections) + " |")
    print("|---|" + "---|" * len(projections))
    for name in names:
        print(f"| {name} | " + " | ".join(f"{projections[c][name]} %" for c in projections) + " |")
    print(f"\n(percent of {CORES} cores; load average {figures['load_average']})")
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "live_room_cost.json").write_text(
        json.dumps(figures, indent=2) + "\n"
    )


if __name__ == "__main__":
    main()
