"""A live room under load: simulated phones updating the way the real page does, plus writes.

    .venv/bin/python bench/live_room.py --phones 100,300,1000 --seconds 60 [--proxy nginx|none]

nginx in front (as deploy/nginx.conf in production; --proxy none: gunicorn alone) + gunicorn
(2 x cores + 1 sync workers, BENCH_WORKERS) + PostgreSQL + Redis on this machine, its own database
(BENCH_DATABASE_URL, default .../vernetzt_bench_live) and Redis db (BENCH_REDIS_URL, default
redis://127.0.0.1:6379/5). For each number of phones:

- every phone loads the page once (spread over BENCH_RAMP seconds), then asks for its update
  every 3 s with the ETag it has (If-None-Match), as live.js does; a projector every 1 s and
  a moderator page every 2 s the same way;
- BENCH_WRITES per second (default 50) from the phones: 4 of 5 support a question, 1 of 5
  asks one (the room shows questions without moderation, so every write changes what phones
  see); sent as live.js sends them (the answer is the phone's own parts; after a question
  live.js asks for the update at once, and so does this);
- every 3 s a probe asks a question and the moderator pins it; the time from the pin's answer
  to the projector showing it is "write -> projector".

Reports p50/p95/p99 of updates and writes, errors, write -> projector delay, the CPU of the
server's processes (gunicorn, PostgreSQL, Redis) as a share of all cores and the load
average (other work on the machine), prints a summary table and writes
bench/results/live_room.json (or BENCH_RESULT). The server runs at a higher priority (nice
-10, the load generator -5) when this runs as root (`--nice 0` to switch it off). The load
generator is one asyncio process (aiohttp). BENCH_NO_ETAG=1 measures the alternative of a
full answer on every update; LIVE_MIN_RENDER_INTERVAL=0 LIVE_PHONE_RENDER_INTERVAL=0
LIVE_VERSION_MEMORY=0 the one that renders and reads the version for every change.
"""

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _setup  # noqa: E402

ROOT = _setup.ROOT
DB_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_live"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
PORT = int(os.environ.get("BENCH_PORT", "18117"))
BASE = os.environ.get("BENCH_BASE_URL", f"http://127.0.0.1:{PORT}")
RAMP = float(os.environ.get("BENCH_RAMP", "20"))
WRITES = float(os.environ.get("BENCH_WRITES", "50"))
NO_ETAG = os.environ.get("BENCH_NO_ETAG") == "1"
DB_NAME = DB_URL.rsplit("/", 1)[1]
CODE = "bench"
TIMEOUT = aiohttp.ClientTimeout(total=10)
SECONDS = 60.0  # per run; --seconds


def env(data_dir=None):
    return _setup.server_env(
        DB_URL, "bench-live-", REDIS_URL=REDIS_URL, ALLOWED_HOSTS="127.0.0.1,localhost"
    )


def recreate_database():
    _setup.recreate_database(DB_URL, REDIS_URL)


SETUP = f"""
from datetime import timedelta
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from django.utils import timezone
from vernetzt.accounts.models import User
from vernetzt.events.models import Event, ProgrammeItem
from vernetzt.live.models import LiveQuestion, LiveRoom
start = timezone.now()
event = Event.objects.create(title="Bench", slug="bench-live", starts_at=start,
    ends_at=start + timedelta(hours=6), status="registration_open", capacity=1000)
item = ProgrammeItem.objects.create(event=event, title="Offenes Podium", starts_at=start,
    ends_at=start + timedelta(hours=1), kind="panel")
room = LiveRoom.objects.create(event=event, programme_item=item, code="{CODE}", is_open=True,
    moderation=False)
for i in range(30):
    LiveQuestion.objects.create(room=room, text=f"Startfrage {{i}}: " + "Wie geht es weiter? " * 4,
        device_id=f"seed-{{i:020d}}", status="approved")
user = User.objects.create_user(email="mod@example.org", password=None, is_staff=True,
    is_superuser=True)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print("SESSION=" + session.session_key)
"""

CHECK = f"""
import json
from vernetzt.live.models import LiveQuestion, QuestionVote
q = LiveQuestion.objects.filter(room__code="{CODE}")
bad = [x.pk for x in q if x.votes_count != x.votes.count()]
print(json.dumps({{"questions": q.count(), "votes": QuestionVote.objects.filter(
    question__room__code="{CODE}").count(), "counts_match": not bad}}))
"""


class Stats:
    def __init__(self):
        self.updates, self.writes, self.pages, self.delays = [], [], [], []
        self.errors: dict[str, int] = {}
        self.statuses: dict[str, int] = {}
        self.measuring = False

    def error(self, kind):
        if self.measuring:
            self.errors[kind] = self.errors.get(kind, 0) + 1

    def status(self, kind, status):
        if self.measuring:
            key = f"{kind}:{status}"
            self.statuses[key] = self.statuses.get(key, 0) + 1


def percentiles(values):
    if not values:
        return {"n": 0}
    values = sorted(values)

    def at(p):
        return round(values[min(len(values) - 1, int(len(values) * p))] * 1000, 1)

    return {"n": len(values), "p50_ms": at(0.5), "p95_ms": at(0.95), "p99_ms": at(0.99)}


class Phone:
    def __init__(self, number):
        self.number = number
        self.cookies = {}
        self.etag = ""
        self.csrf = ""
        self.voted = set()
        self.on_body = None

    def headers(self, **extra):
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return {"Cookie": cookie, **extra}

    def remember(self, response):
        for name, morsel in response.cookies.items():
            self.cookies[name] = morsel.value
        if "csrftoken" in self.cookies:
            self.csrf = self.cookies["csrftoken"]


QUESTION_IDS = re.compile(r'id="q-(\d+)"')


async def load_page(session, phone, stats):
    started = time.perf_counter()
    try:
        async with session.get(
            f"{BASE}/live/{CODE}/", headers=phone.headers(), timeout=TIMEOUT
        ) as response:
            html = await response.text()
            phone.remember(response)
            stats.status("page", response.status)
            if response.status != 200:
                stats.error(f"page {response.status}")
                return []
            match = re.search(r'data-live-etag="([^"]*)"', html)
            phone.etag = match.group(1).replace("&quot;", '"') if match else ""
            stats.pages.append(time.perf_counter() - started) if stats.measuring else None
            return [int(pk) for pk in QUESTION_IDS.findall(html)]
    except (TimeoutError, aiohttp.ClientError) as error:
        stats.error(f"page {type(error).__name__}")
        return []


async def update_once(session, phone, stats, path):
    """One update as live.js asks for it; returns when the phone should ask again."""
    started = time.perf_counter()
    headers = phone.headers(**({} if NO_ETAG or not phone.etag else {"If-None-Match": phone.etag}))
    try:
        async with session.get(f"{BASE}{path}", headers=headers, timeout=TIMEOUT) as response:
            body = await response.read()
            elapsed = time.perf_counter() - started
            stats.status("update", response.status)
            if response.status in (200, 304):
                if stats.measuring:
                    stats.updates.append(elapsed)
                if response.status == 200:
                    phone.etag = response.headers.get("ETag", "")
                    if phone.on_body:
                        phone.on_body(body.decode())
            else:
                stats.error(f"update {response.status}")
    except (TimeoutError, aiohttp.ClientError) as error:
        stats.error(f"update {type(error).__name__}")
    return started


async def update_loop(session, phone, stats, stop, every=3.0, path=None):
    path = path or f"/live/{CODE}/neu/"
    await asyncio.sleep(random.uniform(0, every))
    while not stop.is_set():
        started = await update_once(session, phone, stats, path)
        await asyncio.sleep(max(0.05, every - (time.perf_counter() - started)))


async def write(session, phone, stats, questions):
    """A vote (4 of 5) or a question (1 of 5), as live.js sends them."""
    headers = phone.headers(
        **{"X-CSRFToken": phone.csrf, "Referer": f"{BASE}/live/{CODE}/", "X-Requested-With": "live"}
    )
    candidates = [pk for pk in questions if pk not in phone.voted]
    asking = not candidates or random.random() >= 0.8
    if not asking:
        pk = random.choice(candidates[:40])
        phone.voted.add(pk)
        url, data = f"{BASE}/live/{CODE}/frage/{pk}/unterstuetzen/", {}
    else:
        url = f"{BASE}/live/{CODE}/frage/"
        data = {"ask-text": f"Frage von Telefon {phone.number} um {time.time():.3f}?"}
    started = time.perf_counter()
    try:
        async with session.post(url, data=data, headers=headers, timeout=TIMEOUT) as response:
            answer = await response.read()
            elapsed = time.perf_counter() - started
            stats.status("write", response.status)
            # 400: refused for the person (rate limit of 3 questions a minute, voted already)
            if response.status in (200, 400) and stats.measuring:
                stats.writes.append(elapsed)
            elif response.status not in (200, 400):
                stats.error(f"write {response.status}")
            if asking and response.status == 200:
                # live.js asks for the new list at once, then every second until it has the
                # version with the question (the phones' shared part may be a second older)
                wanted = json.loads(answer).get("version", 0)
                for _ in range(4):
                    await update_once(session, phone, stats, f"/live/{CODE}/neu/")
                    if int(phone.etag.strip('"') or 0) >= wanted:
                        break
                    await asyncio.sleep(1)
    except (TimeoutError, aiohttp.ClientError) as error:
        stats.error(f"write {type(error).__name__}")


async def probe_loop(session, moderator, projector_seen, stats, stop):
    """Ask, pin (the moderator), and wait for the projector to show it."""
    number = 0
    while not stop.is_set():
        number += 1
        probe = Phone(-1000 - number)  # a new phone each time (3 questions a minute each)
        await load_page(session, probe, stats)
        marker = f"Sonde {number} {random.randint(0, 10**9)}"
        headers = probe.headers(**{"X-CSRFToken": probe.csrf, "Referer": f"{BASE}/live/{CODE}/"})
        try:
            async with session.post(
                f"{BASE}/live/{CODE}/frage/",
                data={"ask-text": marker},
                headers=headers,
                allow_redirects=False,
                timeout=TIMEOUT,
            ) as response:
                await response.read()
            pk = await find_question(marker)
            if pk is None:
                await asyncio.sleep(3)
                continue
            mod_headers = moderator.headers(
                **{"X-CSRFToken": moderator.csrf, "Referer": f"{BASE}/live/{CODE}/moderation/"}
            )
            async with session.post(
                f"{BASE}/live/{CODE}/moderation/frage/{pk}/",
                data={"action": "pin"},
                headers=mod_headers,
                allow_redirects=False,
                timeout=TIMEOUT,
            ) as response:
                await response.read()
                if response.status != 302:
                    stats.error(f"pin {response.status}")
            pinned_at = time.perf_counter()
            while marker not in projector_seen["html"] and time.perf_counter() - pinned_at < 10:
                await asyncio.sleep(0.02)
            delay = time.perf_counter() - pinned_at
            if stats.measuring:
                stats.delays.append(delay)
        except (TimeoutError, aiohttp.ClientError) as error:
            stats.error(f"probe {type(error).__name__}")
        await asyncio.sleep(3)


async def find_question(marker):
    """The probe's question id, from the database (what the moderator would click)."""
    import psycopg

    async with await psycopg.AsyncConnection.connect(DB_URL) as connection:
        cursor = await connection.execute(
            "SELECT id FROM live_livequestion WHERE text = %s", (marker,)
        )
        row = await cursor.fetchone()
        return row[0] if row else None


async def warm_up():
    """Every worker loads its code, templates and connections before anything is measured."""
    async with aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=0, force_close=True)
    ) as session:

        async def get(path):
            try:
                async with session.get(f"{BASE}{path}", timeout=aiohttp.ClientTimeout(60)) as r:
                    await r.read()
            except (TimeoutError, aiohttp.ClientError):
                pass

        for _ in range(3):
            paths = [f"/live/{CODE}/", f"/live/{CODE}/neu/", f"/live/{CODE}/leinwand/neu/"]
            await asyncio.gather(*(get(paths[i % 3]) for i in range(60)))


cpu_ticks = _setup.cpu_ticks


NGINX_PID = 0  # the proxy in front (--proxy nginx): its CPU counts as the server's


def server_pids(gunicorn_pid):
    groups = {"gunicorn": [], "postgres": [], "redis": []}
    if NGINX_PID:
        groups["nginx"] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="ignore")
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ppid = int(stat[1])
        if int(entry.name) == gunicorn_pid or ppid == gunicorn_pid:
            groups["gunicorn"].append(int(entry.name))
        elif NGINX_PID and NGINX_PID in (int(entry.name), ppid):
            groups["nginx"].append(int(entry.name))
        elif cmd.startswith("postgres") or "postgres:" in cmd:
            # the server's own processes, and the backends of this database (PostgreSQL is
            # shared with other work on this machine: other databases' backends do not count)
            if "(" not in cmd or f" {DB_NAME} " in cmd:
                groups["postgres"].append(int(entry.name))
        elif "redis-server" in cmd:
            groups["redis"].append(int(entry.name))
    return groups


def server_ticks(gunicorn_pid) -> dict[str, dict[int, int]]:
    """CPU ticks of each server process by group; a process that started in between (a new
    PostgreSQL backend) counts from zero, one that ended in between is not counted."""
    return {
        name: {pid: cpu_ticks([pid]) for pid in pids}
        for name, pids in server_pids(gunicorn_pid).items()
    }


async def run(phones_count, gunicorn_pid, seconds=None):
    seconds = seconds or SECONDS
    stats = Stats()
    stop = asyncio.Event()
    connector = aiohttp.TCPConnector(limit=0, force_close=True)
    async with aiohttp.ClientSession(
        connector=connector, cookie_jar=aiohttp.DummyCookieJar()
    ) as session:
        phones = [Phone(n) for n in range(phones_count)]
        for phone in phones:
            phone.on_body = None
        questions = []

        def learn(html):
            questions[:] = [int(pk) for pk in QUESTION_IDS.findall(html)] or questions

        # join: spread over the ramp, as people scan the QR code
        async def join(phone, delay):
            await asyncio.sleep(delay)
            found = await load_page(session, phone, stats)
            if found and not questions:
                questions[:] = found

        await asyncio.gather(*(join(p, RAMP * i / phones_count) for i, p in enumerate(phones)))
        phones[0].on_body = learn  # one phone keeps the list of question ids current
        moderator = Phone(-2)
        moderator.cookies["sessionid"] = os.environ["BENCH_SESSION"]
        await load_page(session, moderator, stats)
        async with session.get(
            f"{BASE}/live/{CODE}/moderation/", headers=moderator.headers(), timeout=TIMEOUT
        ) as response:
            await response.read()
            moderator.remember(response)
        moderator.on_body = None
        projector = Phone(-3)
        projector_seen = {"html": ""}
        projector.on_body = lambda html: projector_seen.update(html=html)
        tasks = [asyncio.create_task(update_loop(session, p, stats, stop)) for p in phones]
        tasks.append(
            asyncio.create_task(
                update_loop(session, projector, stats, stop, 1.0, f"/live/{CODE}/leinwand/neu/")
            )
        )
        tasks.append(
            asyncio.create_task(
                update_loop(session, moderator, stats, stop, 2.0, f"/live/{CODE}/moderation/neu/")
            )
        )
        tasks.append(
            asyncio.create_task(probe_loop(session, moderator, projector_seen, stats, stop))
        )

        async def writer():
            interval = 1 / WRITES
            next_at = time.perf_counter()
            pending = set()
            while not stop.is_set():
                phone = random.choice(phones)
                pending.add(asyncio.create_task(write(session, phone, stats, questions)))
                pending = {t for t in pending if not t.done()}
                next_at += interval
                await asyncio.sleep(max(0, next_at - time.perf_counter()))
            await asyncio.gather(*pending, return_exceptions=True)

        tasks.append(asyncio.create_task(writer()))
        await asyncio.sleep(5)  # settle: everyone polls, writes flow
        ticks_before = server_ticks(gunicorn_pid)
        generator_before = time.process_time()
        load_before = os.getloadavg()[0]
        stats.measuring = True
        started = time.perf_counter()
        await asyncio.sleep(seconds)
        stats.measuring = False
        elapsed = time.perf_counter() - started
        ticks_after = server_ticks(gunicorn_pid)
        generator_cpu = time.process_time() - generator_before
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
    hz = os.sysconf("SC_CLK_TCK")
    cores = os.cpu_count() or 1
    cpu = {
        name: round(
            100
            * sum(t - ticks_before[name].get(pid, 0) for pid, t in ticks_after[name].items())
            / hz
            / elapsed
            / cores,
            1,
        )
        for name in ticks_after
    }
    cpu["server_total"] = round(sum(cpu.values()), 1)
    # The simulated phones run on the same cores: what they use is not the server's, but the
    # server's requests wait while they run.
    cpu["load_generator"] = round(100 * generator_cpu / elapsed / cores, 1)
    return {
        "phones": phones_count,
        "seconds": round(elapsed, 1),
        "updates": {
            **percentiles(stats.updates),
            "per_second": round(len(stats.updates) / elapsed, 1),
        },
        "writes": {
            **percentiles(stats.writes),
            "per_second": round(len(stats.writes) / elapsed, 1),
        },
        "write_to_projector": {
            **percentiles(stats.delays),
            "max_ms": round(max(stats.delays) * 1000, 1) if stats.delays else None,
        },
        "errors": sum(stats.errors.values()),
        "error_kinds": stats.errors,
        "statuses": stats.statuses,
        "server_cpu_percent_of_all_cores": cpu,
        "load_average_before": round(load_before, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
    }


def table(runs) -> str:
    """The summary: one line per number of phones."""
    head = (
        "phones | updates/s | update p50 / p95 / p99 ms | write p50 / p95 ms | errors | "
        "write->projector p95 / max ms | phones' CPU % | server CPU % of all cores "
        "(gunicorn+pg+redis[+nginx]) "
        "| load"
    )
    lines = [head, "|".join("---" for _ in head.split("|"))]
    for r in runs:
        u, w, d, c = (
            r["updates"],
            r["writes"],
            r["write_to_projector"],
            r["server_cpu_percent_of_all_cores"],
        )
        lines.append(
            f"{r['phones']} | {u.get('per_second')} | {u.get('p50_ms')} / {u.get('p95_ms')} / "
            f"{u.get('p99_ms')} | {w.get('p50_ms')} / {w.get('p95_ms')} | {r['errors']} | "
            f"{d.get('p95_ms')} / {d.get('max_ms')} | {c['load_generator']} | {c['server_total']} "
            f"({c['gunicorn']}+{c['postgres']}+{c['redis']}"
            + (f"+{c['nginx']}" if "nginx" in c else "")
            + ") | "
            f"{r['load_average_before']}-{r['load_average_after']}"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phones", default=os.environ.get("BENCH_PHONES", "100,300,1000"))
    parser.add_argument(
        "--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", "60"))
    )
    root = os.geteuid() == 0
    parser.add_argument(
        "--nice", type=int, default=int(os.environ.get("BENCH_NICE", -10 if root else 0))
    )
    parser.add_argument(
        "--proxy",
        choices=["nginx", "none"],
        default=os.environ.get("BENCH_PROXY", "nginx" if shutil.which("nginx") else "none"),
        help="nginx in front of gunicorn as in production (deploy/nginx.conf), or none",
    )
    options = parser.parse_args()
    phones = [int(n) for n in options.phones.split(",")]
    environment = env()
    recreate_database()
    out = _setup.migrate_and_run(environment, SETUP)
    os.environ["BENCH_SESSION"] = out.split("SESSION=")[1].split()[0]
    workers = int(os.environ.get("BENCH_WORKERS", 2 * (os.cpu_count() or 1) + 1))
    if options.nice:
        os.nice(options.nice // 2)  # the load generator: a higher priority than other work too
    gunicorn = _setup.start_gunicorn(PORT, environment, workers=workers, nice=options.nice)
    proxy = None
    if options.proxy == "nginx" and "BENCH_BASE_URL" not in os.environ:
        global BASE, NGINX_PID
        proxy = _setup.start_nginx(tempfile.mkdtemp(prefix="vernetzt-nginx-"), [PORT], PORT + 1)
        BASE, NGINX_PID = f"http://127.0.0.1:{PORT + 1}", proxy.pid
    results = []
    try:
        asyncio.run(warm_up())
        for count in phones:
            figures = asyncio.run(run(count, gunicorn.pid, options.seconds))
            print(json.dumps(figures, indent=2), flush=True)
            results.append(figures)
    finally:
        _setup.stop(gunicorn)
        if proxy is not None:
            proxy.terminate()
            proxy.wait()
    check = _setup.run_in_shell(environment, CHECK)
    payload = {
        "command": "bench/live_room.py --phones "
        + options.phones
        + f" --seconds {options.seconds:g} --proxy {options.proxy}",
        "gunicorn_workers": workers,
        "proxy": options.proxy if proxy is not None else "none",
        "cores": os.cpu_count(),
        "writes_per_second_target": WRITES,
        "etag": not NO_ETAG,
        "nice": options.nice,
        "live_min_render_interval": os.environ.get("LIVE_MIN_RENDER_INTERVAL", "0.3"),
        "live_phone_render_interval": os.environ.get("LIVE_PHONE_RENDER_INTERVAL", "1.0"),
        "live_version_memory": os.environ.get("LIVE_VERSION_MEMORY", "0.2"),
        "runs": results,
        "state_after": json.loads(check.strip().splitlines()[-1]),
    }
    name = os.environ.get("BENCH_RESULT", "live_room")
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / f"{name}.json").write_text(json.dumps(payload, indent=2) + "\n")
    print(json.dumps({k: v for k, v in payload.items() if k != "runs"}, indent=2))
    print(table(results))


if __name__ == "__main__":
    main()
