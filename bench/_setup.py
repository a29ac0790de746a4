"""Shared set-up of the benchmarks: a throwaway database and data dir, the server's
environment, gunicorn started and waited for, the database migrated and filled."""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def django_with_fresh_database(prefix: str):
    """In this process: Django on a new SQLite database in a new data dir (publishing)."""
    data_dir = tempfile.mkdtemp(prefix=prefix)
    os.environ["DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vernetzt.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("STATIC_MANIFEST", "0")
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # the database cache of a laptop run
    return data_dir


def write_result(name: str, payload: dict) -> None:
    out = ROOT / "bench" / "results" / f"{name}.json"
    out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(payload, indent=2))


def server_env(db_url: str, prefix: str, **extra) -> dict:
    """The environment of a production-like server (DEBUG off) on its own database and data
    dir; `extra` adds or overrides variables (REDIS_URL, limits)."""
    data_dir = tempfile.mkdtemp(prefix=prefix)
    Path(data_dir, "static").mkdir(exist_ok=True)
    return {
        **os.environ,
        "DATABASE_URL": db_url,
        "DATA_DIR": data_dir,
        "TASKS_BACKEND": "database",
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + os.urandom(16).hex(),  # production refuses none
        "STATIC_MANIFEST": "0",
        "LOG_LEVEL": "WARNING",
        "CONN_MAX_AGE": "60",
        **extra,
    }


def recreate_database(db_url: str, redis_url: str | None = None) -> None:
    """Drop and create the PostgreSQL database of `db_url` (and empty the Redis db)."""
    import psycopg

    base, name = db_url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    if redis_url:
        import redis

        redis.Redis.from_url(redis_url).flushdb()


def django_on_fresh_postgres(db_url: str, prefix: str, **extra) -> str:
    """In this process: Django on a new PostgreSQL database `db_url` (dropped and created) and a
    new data dir, migrated; `extra` adds environment variables. Returns the data dir."""
    recreate_database(db_url)
    data_dir = tempfile.mkdtemp(prefix=prefix)
    Path(data_dir, "static").mkdir()
    os.environ.update(
        DATABASE_URL=db_url,
        DATA_DIR=data_dir,
        DJANGO_SETTINGS_MODULE="vernetzt.settings",
        STATIC_MANIFEST="0",
        LOG_LEVEL="WARNING",
        **extra,
    )
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return data_dir


def migrate_and_run(environment: dict, code: str = "") -> str:
    """`manage.py migrate`, then `code` in `manage.py shell`; returns what it printed."""
    manage = [PY, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], env=environment, check=True, cwd=ROOT)
    if not code:
        return ""
    return run_in_shell(environment, code)


def run_in_shell(environment: dict, code: str) -> str:
    return subprocess.run(
        [PY, str(ROOT / "manage.py"), "shell", "-c", code],
        env=environment,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout


def start_gunicorn(
    port: int,
    environment: dict,
    *,
    workers: int | None = None,
    nice: int = 0,
    backlog: int = 4096,
    wait=True,
) -> subprocess.Popen:
    """gunicorn with sync workers (default 2 x cores + 1) on 127.0.0.1:`port`; `nice`: its
    priority (negative needs root); waits until /healthz answers unless `wait=False`.
    BENCH_GUNICORN_ARGS adds options (e.g. "--worker-class gthread --threads 4")."""
    workers = workers or 2 * (os.cpu_count() or 1) + 1
    if nice:
        session_priority(nice)
    process = subprocess.Popen(
        [
            *(["nice", "-n", str(nice)] if nice else []),
            str(Path(PY).parent / "gunicorn"), "vernetzt.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
            "--backlog", str(backlog), "--log-level", "warning",
            *os.environ.get("BENCH_GUNICORN_ARGS", "").split(),
        ],
        env=environment, cwd=ROOT,
    )  # fmt: skip
    if wait:
        wait_for(f"http://127.0.0.1:{port}/healthz")
    return process


def session_priority(nice: int) -> None:
    """With the kernel's autogroups (one per session, Linux's default), a process's nice only
    counts inside its own session: another session's work gets the same share whatever its
    nice. So the session of this benchmark (it and the server it starts) gets `nice`, and so
    do the sessions of PostgreSQL and Redis (else the server waits for a starved database);
    `stop` puts them back."""
    groups = [Path("/proc/self/autogroup")]
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")[0]
        except OSError:
            continue
        if command.endswith((b"bin/postgres", b"redis-server")) or command.startswith(
            b"redis-server"
        ):
            groups.append(entry / "autogroup")
    for group in groups:
        try:
            previous = int(group.read_text().split()[-1])
            group.write_text(str(nice))
            _previous_priority.append((group, previous))
        except (OSError, ValueError, IndexError):  # no autogroups, or not allowed: nice only
            pass


_previous_priority: list[tuple[Path, int]] = []


def wait_for(url: str, seconds: float = 120) -> None:
    """Until `url` answers (a server starting)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def stop(process: subprocess.Popen) -> None:
    """Stop a server; the session's priority goes back to what it was."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
    while _previous_priority:
        group, previous = _previous_priority.pop()
        with contextlib.suppress(OSError):
            group.write_text(str(previous))


def cpu_ticks(pids) -> int:
    """User + system CPU ticks of these processes (from /proc)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total


def start_nginx(tmp: str, ports: list[int], listen: int) -> subprocess.Popen:
    """nginx (Debian's package) on 127.0.0.1:`listen` in front of gunicorn on `ports`, as
    deploy/nginx.conf puts it in front in production: it buffers answers and holds the
    connections of slow clients, so a sync worker never waits for a phone; with the live
    room's limits per phone (a whole hall arrives from one address). The limit per address
    of the other pages is left out: the benches send everything from 127.0.0.1."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        sys.exit("needs nginx: apt-get install nginx-light")
    servers = " ".join(f"server 127.0.0.1:{port};" for port in ports)
    conf = Path(tmp) / "nginx.conf"
    conf.write_text(
        f"""
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  upstream vernetzt {{ least_conn; {servers} keepalive 32; }}
  map $cookie_vz_live_device $live_newcomer {{ "" $binary_remote_addr; default ""; }}
  limit_req_zone $cookie_vz_live_device zone=perphone:10m rate=5r/s;
  limit_req_zone $live_newcomer zone=newphones:10m rate=100r/s;
  server {{
    listen 127.0.0.1:{listen} backlog=4096;
    client_max_body_size 12m;
    location /live/ {{
      limit_req zone=perphone burst=30 nodelay;
      limit_req zone=newphones burst=1000 nodelay;
      proxy_pass http://vernetzt;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }}
    location / {{
      proxy_pass http://vernetzt;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }}
  }}
}}
"""
    )
    process = subprocess.Popen([nginx, "-c", str(conf), "-p", tmp, "-g", "daemon off;"])
    time.sleep(0.5)
    return process
