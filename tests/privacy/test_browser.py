"""In Chromium: a registrant sees, downloads and erases their data, withdraws a consent; staff
find a person. Every page accessible (axe)."""

import json
from pathlib import Path

import pytest

from tests.conftest import assert_accessible
from tests.factories import UserFactory
from tests.registration.factories import EventFactory
from vernetzt.registration.models import Consent, Registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _english(pages, live_server):
    page = pages.new_page(locale="en-GB")
    page.context.add_cookies([{"name": "vernetzt_language", "value": "en", "url": live_server.url}])
    return page


def test_registrant_consents_sees_downloads_withdraws_and_erases(pages, live_server):
    event = EventFactory(title="Beispieltreffen Datenschutz")
    page = _english(pages, live_server)
    page.goto(f"/veranstaltungen/{event.slug}/anmelden/")
    page.locator("#id_first_name").fill("Kim")
    page.locator("#id_last_name").fill("Datenbeispiel")
    page.locator("#id_email").fill("kim.daten@example.org")
    page.locator("input[name=q_dietary][value=vegan]").check()
    # Without the consent box the answer is refused, and kept.
    page.get_by_role("button", name="Register now").click()
    assert page.locator(".field__error").first.is_visible()
    assert page.locator("input[name=q_dietary][value=vegan]").is_checked()
    assert_accessible(page)
    page.locator("#id_consent_sensitive_answers").check()
    page.get_by_role("button", name="Register now").click()
    page.wait_for_url("**/anmelden/danke/")  # the personal link goes by email only
    assert Consent.objects.filter(purpose="sensitive_answers").count() == 1
    page.goto(Registration.objects.get().get_absolute_url())

    page.get_by_role("link", name="Show my data (page to read or print)").click()
    assert "Datenbeispiel" in page.content()
    assert_accessible(page)
    page.go_back()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data (JSON)").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["registration"]["registrations"][0]["last_name"] == "Datenbeispiel"

    page.get_by_role("button", name="Withdraw").click()
    page.wait_for_load_state()
    assert "dietary" not in Registration.objects.get().answers

    page.get_by_role("link", name="Erase my data").click()
    assert_accessible(page)
    page.get_by_label("Yes, erase it. I know this cannot be undone.").check()
    page.get_by_role("button", name="Erase my data now").click()
    page.wait_for_url("**/datenschutz/geloescht/")
    assert_accessible(page)
    assert Registration.objects.get().last_name == ""


def test_staff_find_a_person(pages, live_server, client):
    UserFactory(email="team@example.org", is_staff=True)
    page = _english(pages, live_server)
    page.goto("/konto/login/")
    page.get_by_label("Email").first.fill("team@example.org")
    page.locator("input[type=password]").fill("correct horse battery")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    page.goto("/datenschutz/verwaltung/")
    assert_accessible(page)
    page.get_by_label("Email address of the person").fill("team@example.org")
    page.get_by_role("button", name="Find").click()
    page.wait_for_load_state()
    assert "Your account" in page.content()
    assert_accessible(page)
    page.get_by_label("Short address or exact name of the association").fill("Gibt es nicht")
    page.get_by_role("button", name="Show the entry").click()
    page.wait_for_load_state()
    assert "No association with this short address or name." in page.content()
    assert_accessible(page)
