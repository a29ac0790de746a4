"""The live room in real Chromium: a phone, the moderator and the projector, each in its own
browser context. "Within 2 seconds" is checked with Playwright's timeouts."""

import re
import time

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.conftest import assert_accessible
from tests.factories import UserFactory

from .factories import LiveRoomFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def room(transactional_db):
    return LiveRoomFactory(code="saal7", moderation=True)


@pytest.fixture
def moderator(pages, live_server, room):
    user = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    page = pages.new_page()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto(f"/live/{room.code}/moderation/")
    return page


@pytest.fixture
def phone(pages, room):
    page = pages.new_page(width=390, height=844)
    page.goto(f"/live/{room.code}/")
    return page


@pytest.fixture
def projector(pages, room):
    page = pages.new_page(width=1600, height=900)
    page.goto(f"/live/{room.code}/leinwand/")
    return page


def test_question_asked_approved_and_shown_within_two_seconds(
    room, pages, phone, moderator, projector
):
    assert_accessible(phone)
    assert_accessible(moderator)
    expect(projector.locator("#short-address")).to_contain_text(f"/live/{room.code}/")
    text = "Wie kommen kleine Vereine an Räume?"
    phone.locator("#id_ask-text").fill(text)
    phone.locator("form[action$='/frage/'] button[type=submit]").click()
    phone.wait_for_load_state()
    expect(projector.locator("body")).not_to_contain_text(text)  # moderation first

    approve = moderator.locator("#pending-questions button[value=approve]")
    expect(approve).to_be_visible(timeout=4000)  # the moderator page polls every 2 s
    approve.click()
    started = time.monotonic()
    expect(projector.locator("#projector-questions")).to_contain_text(text, timeout=2000)
    elapsed = time.monotonic() - started
    print(f"projector showed the approved question {elapsed:.2f} s after the click")
    assert elapsed < 2

    expect(phone.locator("#questions")).to_contain_text("Ihre Frage", timeout=5000)  # own
    neighbour = pages.new_page(width=390, height=844)
    neighbour.goto(f"/live/{room.code}/")
    support = neighbour.locator("button[formaction*='unterstuetzen']")
    expect(support).to_be_visible(timeout=5000)
    support.click()
    neighbour.wait_for_load_state()
    expect(neighbour.locator("#questions")).to_contain_text("Sie unterstützen diese Frage")
    expect(projector.locator("#projector-questions li").first).to_contain_text("1", timeout=2000)
    assert_accessible(phone)


def test_projector_recovers_after_a_network_drop(room, moderator, projector):
    from vernetzt.live.models import LiveQuestion

    projector.context.set_offline(True)
    LiveQuestion.objects.create(
        room=room, text="Nach dem Netzausfall", device_id="x" * 20, status="approved"
    )
    time.sleep(2.5)
    projector.context.set_offline(False)
    expect(projector.locator("#projector-questions")).to_contain_text(
        "Nach dem Netzausfall", timeout=5000
    )


def test_free_chair_queue_moves_and_timer_runs(room, phone, moderator, projector):
    phone.locator("#id_chair-name").fill("Ada Beispiel")
    phone.locator("#id_chair-topic").fill("Räume teilen")
    phone.locator("#id_chair-gender").select_option("woman")
    phone.locator("form[action$='/stuhl/'] button[type=submit]").click()
    phone.wait_for_load_state()
    expect(phone.locator("#queue-place")).to_contain_text("1")
    # moderated room: the projector shows how many wait, not who, until the moderator calls
    expect(projector.locator("#next-up")).to_contain_text("1", timeout=2000)
    expect(projector.locator("#next-up")).not_to_contain_text("Ada Beispiel")

    call = moderator.locator("#chair form:has(input[value=next]) button").first
    expect(call).to_be_enabled(timeout=4000)
    call.click()
    expect(projector.locator("#current-speaker")).to_contain_text("Ada Beispiel", timeout=2000)
    timer = projector.locator("#speaker-timer [data-timer-clock]")
    expect(timer).to_have_text(re.compile(r"^\d+:\d\d$"))
    first = timer.text_content()
    expect(timer).not_to_have_text(first, timeout=2500)  # it counts down
    expect(phone.locator("#queue-place")).to_be_visible(timeout=5000)
    assert_accessible(moderator)


def test_poll_opens_and_its_result_appears(room, phone, moderator, projector):
    moderator.locator("#id_question").fill("Wie oft treffen Sie andere Vereine?")
    moderator.locator("#id_options").fill("Jede Woche\nJeden Monat\nSelten")
    moderator.locator("form[action$='/moderation/umfrage/'] button[type=submit]").click()
    moderator.wait_for_load_state()
    moderator.locator("#polls form:has(input[value=open]) button").first.click()
    moderator.wait_for_load_state()

    option = phone.get_by_label("Jeden Monat")
    expect(option).to_be_visible(timeout=5000)  # the phone polls every 3 s
    option.check()
    phone.locator("#poll button[type=submit]").click()
    phone.wait_for_load_state()
    expect(projector.locator(".projector__poll")).to_contain_text("100 %", timeout=2000)
    expect(projector.locator(".projector__poll")).to_contain_text("Jeden Monat")


def test_phone_fits_320_px_and_projector_is_accessible_in_arabic(room, pages):
    phone = pages.new_page(width=320, height=700)
    phone.goto(f"/live/{room.code}/")
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    projector = pages.new_page(width=1280, height=720, locale="ar")
    projector.goto("/")
    projector.locator("button[value=ar]").click()
    projector.wait_for_load_state()
    projector.goto(f"/live/{room.code}/leinwand/")
    assert projector.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(projector)
