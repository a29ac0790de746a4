"""The product in real Chromium on a phone (375 px) and a desktop (1280 px): the phone header,
no sideways scrolling, My area, the staff dashboard, a destructive action with its question,
and the check-in. axe on every page."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client

from tests.conftest import assert_accessible
from vernetzt.core.translations import translated

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (375, 1280)
EVENT = "/veranstaltungen/vernetzungstreffen-2026"
HEADER_HEIGHT = "document.querySelector('.site-header').offsetHeight"
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def demo(transactional_db):
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def login(page, email, base_url):
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )


def test_phone_header_is_small_and_its_menu_holds_navigation_and_languages(demo, pages):
    page = pages.new_page(width=375, height=812)
    for path in ["/", "/verzeichnis/", "/veranstaltungen/", f"{EVENT}/", "/konto/login/"]:
        page.goto(path)
        assert page.evaluate(HEADER_HEIGHT) <= 64, path
    menu = page.locator("#site-menu")
    assert not menu.is_visible()
    page.get_by_role("button", name="Menü").click()
    assert menu.is_visible()
    assert page.get_by_role("link", name="Verzeichnis").is_visible()
    assert page.locator("button[value=en]").is_visible()
    assert_accessible(page)
    page.keyboard.press("Escape")
    assert not menu.is_visible()

    page.locator(".menu-button").click()
    page.locator("button[value=ar]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate(HEADER_HEIGHT) <= 64
    assert_accessible(page)


def test_no_main_page_scrolls_sideways_at_320_px(demo, pages, live_server):
    public = [
        "/",
        "/verzeichnis/",
        "/verzeichnis/karte/",
        "/veranstaltungen/",
        f"{EVENT}/",
        f"{EVENT}/anmelden/",
        "/veranstaltungen/vernetzungstreffen-2019/dokumentation/",
        "/aktuelles/",
        "/bedarfe/",
        "/konto/login/",
        "/stil/",
    ]
    staff = [
        f"{EVENT}/verwaltung/",
        f"{EVENT}/verwaltung/anmeldungen/",
        f"{EVENT}/verwaltung/programm/",
        f"{EVENT}/einlass/",
        "/veranstaltungen/vernetzungstreffen-2025/verwaltung/foren/zuteilung/",
        "/verzeichnis/verwaltung/",
        "/berichte/2025/",
        "/konto/bereich/",
    ]
    page = pages.new_page(width=320, height=700)
    for path in public:
        page.goto(path)
        assert page.evaluate(SIDEWAYS) <= 0, f"{path} scrolls sideways"
    login(page, "staff@vernetzt.example", live_server.url)
    for path in staff:
        page.goto(path)
        assert page.evaluate(SIDEWAYS) <= 0, f"{path} scrolls sideways"


def test_my_area_lists_registrations_and_associations(demo, pages, live_server):
    from vernetzt.registration.models import Registration

    user = get_user_model().objects.get(email="vereinsadmin@vernetzt.example")
    registration = Registration.objects.filter(event__slug="vernetzungstreffen-2026").first()
    Registration.objects.filter(pk=registration.pk).update(user=user)
    for width in WIDTHS:
        page = pages.new_page(width=width, height=900)
        login(page, user.email, live_server.url)
        page.goto("/konto/bereich/")
        assert page.get_by_role("heading", name="Mein Bereich", exact=True).is_visible()
        mine = page.locator("[aria-labelledby=my-registrations]")
        assert mine.get_by_role("link", name="Meine Anmeldung").get_attribute("href") == (
            registration.get_absolute_url()
        )
        associations = page.locator("[aria-labelledby=my-associations]")
        assert associations.get_by_role("link", name="Eintrag bearbeiten").is_visible()
        assert "fehlt" in associations.inner_text()  # what the entry still lacks
        assert page.evaluate(SIDEWAYS) <= 0
        assert_accessible(page)


def test_registration_form_is_prefilled_for_a_signed_in_person(demo, pages, live_server):
    page = pages.new_page(width=375, height=812)
    login(page, "mitglied@vernetzt.example", live_server.url)
    page.goto(f"{EVENT}/anmelden/")
    assert page.locator("#id_email").input_value() == "mitglied@vernetzt.example"
    page.locator("#id_organisation_search").fill("Beispiel")
    page.locator("#id_organisation_search").press("Enter")  # never submits the registration
    assert page.url.endswith("/anmelden/")
    assert not page.locator(".error-summary").count()


def test_staff_dashboard_and_section_tabs(demo, pages, live_server):
    for width in WIDTHS:
        page = pages.new_page(width=width, height=900)
        login(page, "staff@vernetzt.example", live_server.url)
        page.goto(f"{EVENT}/verwaltung/")
        stats = page.locator(".stats").inner_text()
        assert "bestätigt" in stats and "Warteliste" in stats and "eingecheckt" in stats
        assert page.locator("svg.chart rect").count() >= 1
        assert page.get_by_role("heading", name="Was jetzt zu tun ist").is_visible()
        tabs = page.get_by_role("navigation", name="Bereiche des Treffens")
        assert tabs.locator("[aria-current=page]").inner_text() == "Überblick"
        assert_accessible(page)
        tabs.get_by_role("link", name="Anmeldungen").click()
        page.wait_for_load_state()
        tabs = page.get_by_role("navigation", name="Bereiche des Treffens")
        assert tabs.locator("[aria-current=page]").inner_text() == "Anmeldungen"
        assert page.evaluate(SIDEWAYS) <= 0


def test_staff_cancels_a_registration_after_a_question_and_the_person_gets_an_email(
    demo, pages, live_server
):
    from vernetzt.registration.models import Registration

    confirmed = Registration.objects.filter(
        event__slug="vernetzungstreffen-2026", status="confirmed"
    ).exclude(email="")[:2]
    for width, registration in zip(WIDTHS, confirmed, strict=True):
        mail.outbox.clear()
        page = pages.new_page(width=width, height=900)
        login(page, "staff@vernetzt.example", live_server.url)
        page.goto(f"{EVENT}/verwaltung/anmeldungen/{registration.pk}/")
        page.get_by_role("link", name="Anmeldung absagen").click()
        page.wait_for_load_state()
        question = page.locator(".confirm")
        assert registration.email in question.inner_text()
        assert_accessible(page)
        registration.refresh_from_db()
        assert registration.status == "confirmed"  # asking changed nothing
        question.get_by_role("button", name="Ja, Anmeldung absagen").click()
        page.wait_for_load_state()
        registration.refresh_from_db()
        assert registration.status == "cancelled"
        told = [m for m in mail.outbox if m.to == [registration.email]]
        # in the registrant's email language (the demo meeting has English and Arabic titles)
        title = translated(registration.event, "title", registration.language).text
        assert len(told) == 1 and title in told[0].subject
        assert_accessible(page)


def test_checkin_shows_what_the_door_must_know_and_refreshes_the_list(demo, pages, live_server):
    from vernetzt.registration.models import Registration

    people = list(
        Registration.objects.filter(
            event__slug="vernetzungstreffen-2026", status="confirmed", checked_in_at=None
        )
        .exclude(accessibility_needs=[])
        .order_by("pk")[:2]
    )
    assert len(people) == 2, "the demo has people with access needs"
    for width, person in zip(WIDTHS, people, strict=True):
        page = pages.new_page(width=width, height=900)
        login(page, "staff@vernetzt.example", live_server.url)
        page.goto(f"{EVENT}/einlass/")
        assert page.get_by_role("heading", level=1).is_visible()
        assert page.locator("h1").bounding_box()["y"] < 200  # the content comes first
        page.locator("#checkin-q").fill(person.last_name)
        row = page.locator(f"#person-{person.pk}")
        row.wait_for()
        assert "Fotos" in row.inner_text() or "Keine Fotos" in row.inner_text()
        assert "Barrierefreiheit" in row.inner_text() or ":" in row.inner_text()
        row.get_by_role("button").click()
        page.locator(".checkin__box--ok").wait_for()
        assert page.locator(".checkin__notes").count() == 1
        page.locator(f"#person-{person.pk} .tag").wait_for()  # the list shows the check-in
        assert_accessible(page)
