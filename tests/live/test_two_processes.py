"""Two web processes sharing PostgreSQL and Redis see each other's live-room changes: this
test process and a gunicorn subprocess, as two web servers behind a proxy would."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from vernetzt.live import feeds, services

from .factories import LiveQuestionFactory, LiveRoomFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/6")


def _redis_or_skip():
    import redis

    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
        client.flushdb()
    except redis.RedisError:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail(f"needs Redis at {REDIS_URL}")
        pytest.skip(f"needs Redis at {REDIS_URL} (TEST_REDIS_URL)")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def shared_cache(settings):
    _redis_or_skip()
    settings.CACHES = {
        "default": {"BACKEND": "vernetzt.core.cache.RedisCache", "LOCATION": REDIS_URL}
    }
    return REDIS_URL


@pytest.fixture
def second_server(shared_cache):
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )
    port = _free_port()
    data_dir = tempfile.mkdtemp(prefix="vernetzt-second-")
    Path(data_dir, "static").mkdir()
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": shared_cache,
        "DATA_DIR": data_dir,
        "DEBUG": "0",
        "SECRET_KEY": "second-server-test-" + os.urandom(16).hex(),  # production refuses none
        "STATIC_MANIFEST": "0",
        "LOG_LEVEL": "WARNING",
        "CONN_MAX_AGE": "0",
        "DJANGO_SETTINGS_MODULE": "vernetzt.settings",
    }
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
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)  # noqa: S310 - loopback
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("the second server did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def _get(url, etag=""):
    request = urllib.request.Request(url, headers={"If-None-Match": etag} if etag else {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
            return response.status, response.headers.get("ETag", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("ETag", ""), ""


def test_a_change_through_one_process_is_seen_through_the_other(second_server):
    room = LiveRoomFactory(code="zwei1", moderation=False)
    LiveQuestionFactory(room=room, text="Erste Frage")
    url = f"{second_server}/live/{room.code}/leinwand/neu/"
    status, etag, html = _get(url)
    assert status == 200 and "Erste Frage" in html
    assert _get(url, etag)[0] == 304

    # written here (this process), read there: the shared version says "changed"
    services.ask_question(room=room, device_id="device-aaaaaaaaaaaaaaaa", text="Zweite Frage")
    started = time.monotonic()
    html = ""
    while "Zweite Frage" not in html and time.monotonic() - started < 5:
        # a snapshot younger than 0.3 s may still be handed out (304): ask again, as the
        # projector does every second
        status, new_etag, html = _get(url, etag)
        etag = new_etag or etag
        time.sleep(0.1)
    assert "Zweite Frage" in html
    assert time.monotonic() - started < 2

    # written there (its own snapshot and version), read here
    question = room.questions.get(text="Zweite Frage")
    vote = urllib.request.Request(  # noqa: S310 - loopback
        f"{second_server}/live/{room.code}/frage/{question.pk}/unterstuetzen/",
        data=b"",
        headers={
            "X-Requested-With": "live",
            "X-CSRFToken": "a" * 32,
            "Cookie": "csrftoken=" + "a" * 32,
        },
        method="POST",
    )
    with urllib.request.urlopen(vote, timeout=20) as response:  # noqa: S310
        assert response.status == 200
    assert feeds.current_etag(room.pk) != etag
    question.refresh_from_db()
    assert question.votes_count == 1
    assert f'id="pq-{question.pk}"' in feeds.projector_update(room.pk).html
