"""What a newcomer meets with `make run` and what search engines and scripts see."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from vernetzt.core import devmail

pytestmark = pytest.mark.django_db


def _disallowed(robots: str, path: str) -> bool:
    """Google's reading of robots.txt: `*` matches anything, rules match from the start."""
    for line in robots.splitlines():
        if line.startswith("Disallow: "):
            pattern = re.escape(line.removeprefix("Disallow: ")).replace(r"\*", ".*")
            if re.match(pattern, path):
                return True
    return False


def test_robots_keeps_personal_staff_and_api_pages_out(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    robots = response.content.decode()
    assert robots.startswith("User-agent: *")
    for private in (
        "/veranstaltungen/vernetzungstreffen-2026/anmeldung/abc123/",
        "/veranstaltungen/vernetzungstreffen-2026/verwaltung/",
        "/veranstaltungen/vernetzungstreffen-2026/einlass/",
        "/api/v1/organisations",
        "/konto/profil/",
        "/verzeichnis/verwaltung/",
    ):
        assert _disallowed(robots, private), private
    for public in (
        "/",
        "/verzeichnis/",
        "/veranstaltungen/vernetzungstreffen-2026/",
        "/aktuelles/",
    ):
        assert not _disallowed(robots, public), public


def test_every_page_announces_the_news_feed(client):
    html = client.get("/").content.decode()
    feed = reverse("publishing:news_feed")
    assert 'rel="alternate" type="application/atom+xml"' in html
    assert f'href="{feed}"' in html


@pytest.mark.parametrize("name", ["directory:open_data_geojson", "directory:open_data_csv"])
def test_head_on_open_data_answers_like_get_without_the_body(client, name):
    get = client.get(reverse(name))
    head = client.head(reverse(name))
    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""


def test_debug_404_shows_the_sites_page_not_djangos(client, settings):
    settings.DEBUG = True
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert "Using the URLconf" not in html


def test_debug_404_of_a_view_shows_the_sites_page(client, settings):
    settings.DEBUG = True
    response = client.get(reverse("directory:detail", kwargs={"slug": "no-such-association"}))
    assert response.status_code == 404
    assert "Using the URLconf" not in response.content.decode()
    assert 'class="site-header"' in response.content.decode()


def test_development_emails_are_saved_listed_and_announced_in_one_line(
    client, settings, tmp_path, capsys
):
    settings.DEBUG = True
    settings.DATA_DIR = tmp_path
    settings.EMAIL_BACKEND = "vernetzt.core.devmail.DevelopmentEmailBackend"
    settings.SITE_URL = "http://127.0.0.1:8123"
    mail.send_mail(
        "Ihre Anmeldung",
        "Ihr Link: http://127.0.0.1:8123/veranstaltungen/x/anmeldung/abc/",
        "noreply@vernetzt.example",
        ["ada@example.org"],
    )
    printed = capsys.readouterr().out.strip().splitlines()
    assert len(printed) == 1
    assert "ada@example.org" in printed[0] and "Ihre Anmeldung" in printed[0]
    stem = devmail.saved_emails()[0]["stem"]
    assert printed[0].endswith(f"http://127.0.0.1:8123/entwicklung/emails/{stem}/")

    listing = client.get(reverse("core:dev_emails")).content.decode()
    assert "Ihre Anmeldung" in listing and "ada@example.org" in listing
    detail = client.get(reverse("core:dev_email", kwargs={"stem": stem})).content.decode()
    assert 'href="http://127.0.0.1:8123/veranstaltungen/x/anmeldung/abc/"' in detail


def test_development_email_pages_do_not_exist_in_production(client, settings, tmp_path):
    settings.DEBUG = False
    settings.DATA_DIR = tmp_path
    assert client.get(reverse("core:dev_emails")).status_code == 404
    assert client.get(reverse("core:dev_email", kwargs={"stem": "1-2"})).status_code == 404


def test_a_forged_email_name_is_not_read(client, settings, tmp_path):
    settings.DEBUG = True
    settings.DATA_DIR = tmp_path
    assert client.get(reverse("core:dev_email", kwargs={"stem": "..-etc"})).status_code == 404
