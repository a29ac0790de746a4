import json
import subprocess
import sys

import pytest
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

from vernetzt.core.demo import PAGES


@pytest.fixture
def site_pages(db):
    from vernetzt.core.demo import load

    load(stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_home_is_german_by_default_whatever_the_browser_says(db):
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de" dir="ltr">' in html
    assert "Nächstes Treffen" in html
    assert "Verzeichnis" in html


def test_language_switch_sets_cookie_and_redirects_back(db):
    client = Client()
    response = client.post(
        reverse("core:set_language"), {"language": "ar", "next": "/verzeichnis/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/verzeichnis/"
    html = client.get("/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_unknown_language_code_changes_nothing_and_does_not_crash(db):
    client = Client()
    response = client.post(reverse("core:set_language"), {"language": "xx-evil", "next": "/"})
    assert response.status_code == 302
    assert '<html lang="de"' in client.get("/").content.decode()
    client.cookies["vernetzt_language"] = "../../etc"
    assert '<html lang="de"' in client.get("/").content.decode()


def test_language_choice_is_saved_in_the_profile_and_used_after_login(world):
    user = world["users"]["member"]
    client = Client()
    client.force_login(user)
    client.post(reverse("core:set_language"), {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.language == "en"

    fresh = Client()  # another browser: no language cookie yet
    fresh.force_login(user)
    response = fresh.get("/")
    assert '<html lang="en"' in response.content.decode()
    assert response.cookies["vernetzt_language"].value == "en"


def test_healthz_reports_database_and_version(db):
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "version": "0.1.0"}


def test_healthz_answers_503_with_reason_when_database_fails(db, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(self, sql, params=None):
        raise DatabaseError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", broken)
        response = Client().get("/healthz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "error"
    assert body["database"].startswith("unreachable")


def test_unknown_url_gets_a_friendly_404_in_the_users_language(db):
    client = Client()
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()
    client.cookies["vernetzt_language"] = "en"
    assert "Page not found" in client.get("/gibt-es-nicht/").content.decode()


def test_forged_csrf_token_gets_a_clear_page_not_a_crash(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("core:set_language"), {"language": "en"})
    assert response.status_code == 403
    assert "Das Formular war abgelaufen" in response.content.decode()


def test_server_error_page_is_friendly(rf, db):
    from vernetzt.core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Bei uns ist etwas schiefgegangen" in response.content.decode()


def test_legal_pages_in_both_languages_fall_back_to_german(site_pages):
    client = Client()
    assert "Impressum" in client.get("/seite/impressum/").content.decode()
    client.cookies["vernetzt_language"] = "ar"
    # No Arabic text yet: the German page is shown rather than nothing.
    assert "Impressum" in client.get("/seite/impressum/").content.decode()
    assert client.get("/seite/unbekannt/").status_code == 404
    assert len(PAGES) == 6


def test_site_page_body_is_escaped(site_pages):
    from vernetzt.core.models import SitePage

    SitePage.objects.filter(slug="impressum").update(body="<script>alert(1)</script>")
    html = Client().get("/seite/impressum/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_pages_have_a_strict_content_security_policy(db):
    response = Client().get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_deploy_check_passes_in_production_settings(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "vernetzt.settings",
        "SECRET_KEY": "x" * 20 + "a-long-and-random-production-secret-key-0123456789",
        "ALLOWED_HOSTS": "vernetzt.example.org",
        "HTTPS": "1",
        "DEBUG": "0",
        "DATA_DIR": str(tmp_path),
        "PYTHONPATH": "src",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_nul_characters_in_query_parameters_answer_400_with_a_message(db):
    response = Client().get("/verzeichnis/", {"q": "Jugend\x00", "field": "\x00", "page": "%00"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode() or "Steuerzeichen" in response.content.decode()
