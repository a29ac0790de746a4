"""Bad input and production traps: NUL and lone surrogates, bidi controls, the secret key, a
database that is down, 403 logging, private pages, links on the served address, uploads."""

import io
import json
import logging
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse
from PIL import Image

from tests.factories import UserFactory
from tests.registration.factories import EventFactory
from vernetzt.publishing import images
from vernetzt.registration import services
from vernetzt.registration.models import Registration

ROOT = Path(__file__).resolve().parents[2]
MESSAGE = "invisible control characters"
SETTINGS = {"DJANGO_SETTINGS_MODULE": "vernetzt.settings"}


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies["vernetzt_language"] = "en"


# --- NUL bytes and lone surrogates: 400 with a message, never 500 --------------------------


@pytest.mark.django_db
def test_nul_and_surrogates_anywhere_answer_400_with_a_message(client):
    event = EventFactory()
    registration, _ = services.register_participant(
        event=event, first_name="A", last_name="B", email="a@example.org"
    )
    register = reverse("registration:register", kwargs={"slug": event.slug})
    manage = registration.get_absolute_url()
    pages = [
        client.get("/verzeichnis/?q=%00"),  # query
        client.get("/verzeichnis/?%00=x"),  # query key
        client.get(f"/veranstaltungen/{event.slug}%00/"),  # path
        client.get(manage.rstrip("/") + "%00/"),  # token URL
        client.post(register, {"first_name": "A\x00", "last_name": "B"}),  # form
    ]
    for response in pages:
        assert response.status_code == 400, response.request
        assert MESSAGE in response.content.decode()
    url = f"/api/v1/events/{event.slug}/registrations"
    for raw in (
        '{"first_name": "\\ud800", "last_name": "B", "email": "x@example.org"}',
        '{"first_name": "A", "last_name": "B", "email": "x@example.org", '
        '"answers": {"motto": "\\u0000"}}',
        '{"first_name": "A", "last_name": "\\udc00x", "email": "x@example.org"}',
    ):
        response = client.post(url, raw, content_type="application/json")
        assert response.status_code == 400
        assert MESSAGE in response.json()["errors"]["__all__"][0]
    # a broken UTF-8 sequence in a token URL is just an unknown link
    assert client.get(manage.rstrip("/") + "%ED%A0%80/").status_code == 404
    # a paired surrogate (an emoji) is fine
    ok = client.post(
        url,
        '{"first_name": "\\ud83d\\ude00", "last_name": "B", "email": "e@example.org"}',
        content_type="application/json",
    )
    assert ok.status_code == 201
    assert Registration.objects.count() == 2


# --- Bidi controls -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_bidi_controls_are_removed_from_names_on_input(client):
    event = EventFactory()
    url = f"/api/v1/events/{event.slug}/registrations"
    body = {
        "first_name": "Kim\u202egnp.exe",
        "last_name": "\u2066Beispiel\u2069",
        "email": "bidi@example.org",
        "pronouns": "sie\u202b",
    }
    assert client.post(url, body, content_type="application/json").status_code == 201
    registration = Registration.objects.get()
    assert registration.first_name == "Kimgnp.exe"
    assert registration.last_name == "Beispiel"
    assert registration.pronouns == "sie"
    # user text is shown isolated on the staff list
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get(reverse("registration:staff_list", kwargs={"slug": event.slug}))
    assert "<bdi>Kimgnp.exe" in page.content.decode() or 'dir="auto"' in page.content.decode()


# --- Production ------------------------------------------------------------------------------


def _run(args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "SITE_URL", "PORT")
    }
    environment.update(env)
    return subprocess.run(  # noqa: S603 - our own interpreter and files
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    for env in ({}, {"SECRET_KEY": "django-insecure-local-only-key-never-use-in-production"}):
        for args in (["manage.py", "require_secret_key"], ["-c", "import vernetzt.wsgi"]):
            result = _run(args, DEBUG="0", PYTHONPATH="src", **env)
            assert result.returncode == 1, (args, result.stderr)
            lines = [line for line in result.stderr.splitlines() if "SECRET_KEY" in line]
            assert len(lines) == 1 and "set the environment variable SECRET_KEY" in lines[0]
    ok = _run(["manage.py", "require_secret_key"], DEBUG="0", SECRET_KEY="a-real-secret-" * 4)
    assert ok.returncode == 0, ok.stderr
    debug = _run(["manage.py", "require_secret_key"], DEBUG="1")
    assert debug.returncode == 0


DOWN_SCRIPT = """
import django, json
django.setup()
from django.test import Client
client = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
out = {}
for path in ("/api/v1/events", "/veranstaltungen/", "/"):
    response = client.get(path)
    out[path] = [response.status_code, response.get("Retry-After"), response.get("Content-Type"),
                 response.content.decode()]
print(json.dumps(out))
"""


def test_database_down_answers_503_json_for_the_api_and_a_page_otherwise():
    """A real unreachable PostgreSQL (nothing listens on port 9): no traceback, 503."""
    result = _run(
        ["-c", DOWN_SCRIPT],
        PYTHONPATH="src",
        DJANGO_SETTINGS_MODULE="vernetzt.settings_test",
        DATABASE_URL="postgres://postgres:postgres@127.0.0.1:9/nothing",
        SECRET_KEY="x" * 50,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    status, retry, content_type, body = answers["/api/v1/events"]
    assert (status, retry) == (503, "30") and content_type.startswith("application/json")
    assert json.loads(body)["errors"]["__all__"]
    for path in ("/veranstaltungen/", "/"):
        status, retry, content_type, body = answers[path]
        assert (status, retry) == (503, "30") and content_type.startswith("text/html")
        assert "Briefly unavailable" in body or "Kurz nicht erreichbar" in body
        assert "Traceback" not in body and "OperationalError" not in body


@pytest.mark.django_db
def test_403_is_logged_without_a_traceback(client, caplog):
    event = EventFactory()
    client.force_login(UserFactory())
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(reverse("registration:staff_list", kwargs={"slug": event.slug}))
    assert response.status_code == 403
    records = [r for r in caplog.records if r.name == "django.request"]
    assert records and all(r.exc_info is None and not r.exc_text for r in records)


@pytest.mark.django_db
def test_personal_and_staff_pages_are_private_no_store(client):
    event = EventFactory()
    registration, _ = services.register_participant(
        event=event, first_name="A", last_name="B", email="a@example.org"
    )
    slug, token = event.slug, registration.manage_token
    for url in (
        registration.get_absolute_url(),
        reverse("registration:ics", kwargs={"slug": slug, "token": token}),
    ):
        assert client.get(url)["Cache-Control"] == "private, no-store", url
    public = client.get(event.get_absolute_url())
    assert "no-store" not in public.get("Cache-Control", "")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    staff = client.get(reverse("registration:staff_list", kwargs={"slug": slug}))
    assert staff["Cache-Control"] == "private, no-store"


def test_links_use_the_port_served_on():
    script = (
        "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    )
    result = _run(["-c", script], PYTHONPATH="src", PORT="8080", DEBUG="1", **SETTINGS)
    assert result.stdout.strip() == "http://127.0.0.1:8080", result.stderr
    explicit = _run(
        ["-c", script], PYTHONPATH="src", SITE_URL="https://vernetzt.example", DEBUG="1", **SETTINGS
    )
    assert explicit.stdout.strip() == "https://vernetzt.example"
    makefile = (ROOT / "Makefile").read_text()
    assert "SITE_URL ?= http://127.0.0.1:$(PORT)" in makefile


# --- Uploads ---------------------------------------------------------------------------------


def test_jpeg_comment_is_stripped_like_exif():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(buffer, format="JPEG", comment=b"secret-comment-123")
    assert b"secret-comment-123" in buffer.getvalue()
    processed = images.process("photo.jpg", buffer.getvalue())
    for stored in (processed.web, processed.thumbnail):
        assert b"secret-comment-123" not in stored
        assert b"\xff\xfe" not in stored[: stored.find(b"\xff\xda")]  # no COM segment


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_bombs_are_refused_at_once():
    bomb = _zip([("huge.jpg", b"\0" * (64 << 20))])  # 64 MB of zeros packs to ~64 KB
    assert len(bomb) < 1 << 20
    files, problems = images.unpack("bomb.zip", bomb)
    assert files == [] and "bomb" in problems[0]
    many = _zip([(f"{n}.jpg", b"x") for n in range(images.MAX_ZIP_MEMBERS + 1)])
    files, problems = images.unpack("many.zip", many)
    assert files == [] and str(images.MAX_ZIP_MEMBERS) in problems[0]


def test_zip_total_unpacked_size_is_limited(monkeypatch):
    monkeypatch.setattr(images, "MAX_ZIP_TOTAL", 1000)
    archive = _zip([(f"{n}.jpg", os.urandom(600)) for n in range(2)])
    files, problems = images.unpack("big.zip", archive)
    assert files == [] and "MB" in problems[0]
    files, problems = images.unpack("ok.zip", _zip([("a.jpg", os.urandom(600))]))
    assert len(files) == 1 and problems == []


# --- Scheduled jobs ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_scheduled_jobs_run_from_one_command(django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    out = io.StringIO()
    call_command("run_scheduled", "--list", stdout=out)
    listed = out.getvalue()
    for name in ("registration.reminders", "registration.purge_sensitive_answers"):
        assert name in listed
    event = EventFactory(starts_at=timezone.now() + timedelta(days=1))
    services.register_participant(
        event=event, first_name="A", last_name="B", email="soon@example.org"
    )
    out = io.StringIO()
    call_command("run_scheduled", stdout=out)
    assert "registration.reminders: 1 reminders queued" in out.getvalue()
    out = io.StringIO()
    call_command("run_scheduled", stdout=out)  # not due again within the hour
    assert "registration.reminders: not due" in out.getvalue()
    operations = (ROOT / "docs" / "operations.md").read_text()
    assert "run_scheduled" in operations and "registration.reminders" in operations
