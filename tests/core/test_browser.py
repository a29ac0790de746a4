"""The foundation in real Chromium: languages, right-to-left, login by code, accessibility."""

import re

import pytest
from django.core import mail
from django.core.management import call_command

from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_home_languages_and_rtl(demo, page):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("heading", name="Nächstes Treffen").is_visible()
    assert_accessible(page)

    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Next meeting").is_visible()
    assert_accessible(page)

    page.locator("button[value=ar]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(page)


def test_skip_link_is_first_and_moves_focus(demo, page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_no_horizontal_scrolling_at_320_px(demo, pages):
    page = pages.new_page(width=320, height=700)
    for path in ["/", "/verzeichnis/", "/konto/login/", "/seite/datenschutz/"]:
        page.goto(path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"


def test_login_by_code_and_logout(demo, page):
    page.goto("/konto/login/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Code|code")).first.click()
    page.get_by_label(re.compile("E-Mail")).fill("mitglied@vernetzt.example")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/login/code/confirm/")
    assert_accessible(page)
    code = re.search(r"^\s*([A-Z0-9-]{6,})\s*$", mail.outbox[-1].body, re.MULTILINE).group(1)
    page.get_by_label(re.compile("Code")).fill(code)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/")
    assert page.get_by_role("link", name="Mein Profil").is_visible()
    page.get_by_role("link", name="Mein Profil").click()
    assert_accessible(page)
    page.get_by_role("button", name="Ausloggen").click()
    page.wait_for_load_state()
    # allauth asks to confirm a logout that was not made by its own page
    if page.get_by_role("button", name=re.compile("Ausloggen|Sign Out")).count():
        page.get_by_role("button", name=re.compile("Ausloggen|Sign Out")).last.click()
    page.goto("/")
    # "Einloggen" for the account, "Anmelden" only for registering for a meeting
    assert page.get_by_role("link", name="Einloggen", exact=True).is_visible()


def test_error_page_in_design_and_language(demo, page):
    response = page.goto("/gibt-es-nicht/")
    assert response.status == 404
    assert page.get_by_role("heading", name="Seite nicht gefunden").is_visible()
    assert_accessible(page)
