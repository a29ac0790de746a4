"""Updates that do not disturb: focus and typed text stay, only new things are announced,
updates can be paused; the projector fits a 1920x1080 screen at any number of questions."""

import re
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import assert_accessible
from tests.factories import UserFactory

from .factories import ChairRequestFactory, LiveQuestionFactory, LiveRoomFactory, PollFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def room(transactional_db):
    return LiveRoomFactory(code="fokus1", moderation=True)


def _moderator(pages, live_server, room):
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
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


def test_tabbing_through_the_moderator_page_while_updates_arrive(pages, live_server, room):
    for i in range(3):
        LiveQuestionFactory(room=room, text=f"Wartende Frage {i}", status="pending")
    LiveQuestionFactory(room=room, text="Sichtbare Frage", status="approved")
    page = _moderator(pages, live_server, room)
    # Tab until the focus is on the "Hide" button of the second waiting question.
    target = page.locator("#pending-questions li").nth(1).locator("button[value=hide]")
    for _ in range(80):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the second question's Hide button")
    page.evaluate("document.activeElement.__mark = 'mine'")
    # Type into the answer of the visible question without leaving the keyboard position.
    answer = page.locator("#approved-questions input[name=answer]").first
    answer.evaluate("el => { el.value = 'Getippt, nicht gespeichert'; }")

    for round_ in range(3):  # three updates arrive while the focus waits
        LiveQuestionFactory(room=room, text=f"Neue Frage {round_}", status="pending")
        expect(page.locator("#pending-questions")).to_contain_text(
            f"Neue Frage {round_}", timeout=5000
        )
    assert page.evaluate("document.activeElement.__mark") == "mine"
    assert page.evaluate("document.activeElement.closest('li').textContent").count(
        "Wartende Frage 1"
    )
    assert answer.input_value() == "Getippt, nicht gespeichert"
    page.keyboard.press("Tab")  # the keyboard goes on from where it was
    assert page.evaluate("document.activeElement.tagName") in ("BUTTON", "INPUT", "A")
    announcer = page.locator("[data-live-announcer]")
    expect(announcer).to_contain_text("Neue Frage 2")
    assert "Wartende Frage 0" not in announcer.text_content()  # only new things
    assert_accessible(page)


def test_moderator_keyboard_shortcuts(pages, live_server, room):
    first = LiveQuestionFactory(room=room, text="Erste wartende Frage", status="pending")
    ChairRequestFactory(room=room, name="Ada")
    page = _moderator(pages, live_server, room)
    page.keyboard.press("a")  # approve the oldest waiting question
    page.wait_for_load_state()
    expect(page.locator("#approved-questions")).to_contain_text("Erste wartende Frage")
    page.keyboard.press("n")  # the next speaker
    page.wait_for_load_state()
    expect(page.locator("#moderator-speaker")).to_contain_text("Ada")
    page.locator(f"#mq-{first.pk} button").first.focus()
    page.keyboard.press("h")
    expect(page.locator("#done-questions")).to_contain_text("Erste wartende Frage")
    first.refresh_from_db()
    assert first.status == "hidden"


def test_updates_can_be_paused_and_the_phone_keeps_a_chosen_answer(pages, room):
    PollFactory(room=room, status="open", answers=["Ja", "Nein"])
    phone = pages.new_page(width=390, height=844)
    phone.goto(f"/live/{room.code}/")
    phone.get_by_label("Nein").check()
    phone.locator("#id_ask-text").fill("Halb getippt")
    LiveQuestionFactory(room=room, text="Frage während der Wahl")
    expect(phone.locator("#questions")).to_contain_text("Frage während der Wahl", timeout=5000)
    assert phone.get_by_label("Nein").is_checked()
    assert phone.locator("#id_ask-text").input_value() == "Halb getippt"

    phone.locator("[data-live-pause]").click()
    expect(phone.locator("[data-live-pause]")).to_have_attribute("aria-pressed", "true")
    LiveQuestionFactory(room=room, text="Frage in der Pause")
    time.sleep(4)
    expect(phone.locator("#questions")).not_to_contain_text("Frage in der Pause")
    phone.locator("[data-live-pause]").click()
    expect(phone.locator("#questions")).to_contain_text("Frage in der Pause", timeout=5000)


def test_the_phone_keeps_its_supports_and_answers_across_updates(pages, room):
    """An update does not repeat which questions this phone supports or which polls it
    answered (decision 0187): live.js keeps them from the page and from its own actions."""
    room.moderation = False
    room.save()
    LiveQuestionFactory(room=room, text="Wer hat einen Saal?", device_id="x" * 20)
    PollFactory(room=room, status="open", answers=["Ja", "Nein"])
    phone = pages.new_page(width=390, height=844)
    phone.goto(f"/live/{room.code}/")
    phone.locator("button[formaction*='unterstuetzen']").first.click()
    expect(phone.locator("#questions")).to_contain_text("Sie unterstützen diese Frage")
    phone.get_by_label("Ja").check()
    phone.locator("#poll button[type=submit]").click()
    expect(phone.locator("#poll")).to_contain_text("Danke", timeout=3000)
    LiveQuestionFactory(room=room, text="Eine Frage von anderswo")  # the shared part changes
    expect(phone.locator("#questions")).to_contain_text("Eine Frage von anderswo", timeout=5000)
    expect(phone.locator("#questions")).to_contain_text("Sie unterstützen diese Frage")
    expect(phone.locator("#poll")).to_contain_text("Danke")
    phone.locator("button[name=withdraw]").first.click()
    expect(phone.locator("#questions")).not_to_contain_text("Sie unterstützen diese Frage")
    LiveQuestionFactory(room=room, text="Noch eine von anderswo")
    expect(phone.locator("#questions")).to_contain_text("Noch eine von anderswo", timeout=5000)
    expect(phone.locator("#questions")).not_to_contain_text("Sie unterstützen diese Frage")
    phone.reload()  # the page itself: from the database
    expect(phone.locator("#poll")).to_contain_text("Danke")
    assert_accessible(phone)


def _fits(page) -> bool:
    return page.evaluate(
        """() => {
          const d = document.documentElement;
          return d.scrollHeight <= window.innerHeight && d.scrollWidth <= window.innerWidth;
        }"""
    )


def test_projector_fits_full_hd_at_any_number_of_questions(pages, room):
    long = "Wie können kleine Vereine ohne eigene Räume an Fördermittel kommen, " * 5
    for i in range(40):
        LiveQuestionFactory(room=room, text=f"{i}: {long}", votes_count=40 - i)
    speaker = ChairRequestFactory(room=room, name="Ada " * 10, topic="Thema " * 20)
    speaker.status, speaker.started_at = "speaking", room.created_at
    speaker.save()
    PollFactory(room=room, status="open", answers=[f"Antwort {i} " * 4 for i in range(10)])
    projector = pages.new_page(width=1920, height=1080)
    projector.goto(f"/live/{room.code}/leinwand/")
    expect(projector.locator("#projector-questions li").first).to_be_visible()
    assert _fits(projector)
    size = projector.evaluate("getComputedStyle(document.getElementById('projector')).fontSize")
    for _ in range(3):
        projector.get_by_role("button", name="Größere Schrift").click()
    bigger = projector.evaluate("getComputedStyle(document.getElementById('projector')).fontSize")
    assert float(bigger[:-2]) > float(size[:-2])
    assert _fits(projector)
    expect(projector.locator("[data-projector-more]")).to_be_visible()
    small = pages.new_page(width=1280, height=720)
    small.goto(f"/live/{room.code}/leinwand/")
    small_size = small.evaluate("getComputedStyle(document.getElementById('projector')).fontSize")
    assert float(small_size[:-2]) < float(size[:-2])  # type scales with the screen
    assert _fits(small)
    assert projector.get_by_role("button", name="Vollbild").count() == 1
    assert projector.locator("#projector-live[aria-live]").count() == 0  # no re-reading
    assert_accessible(projector)


def test_the_speaker_timer_says_one_minute_left_and_time_over(pages, live_server, room):
    """Issue 16: polite announcements at one minute left and at the end (never every
    second), and the moderator's timer shows its state in words, not by colour alone."""
    speaker = ChairRequestFactory(room=room, name="Ada", speaking_seconds=180)
    speaker.status = "speaking"
    speaker.started_at = timezone.now() - timedelta(seconds=117)  # 63 s left
    speaker.save()
    page = _moderator(pages, live_server, room)
    timer = page.locator("#moderator-timer")
    expect(timer.locator("[data-timer-clock]")).to_have_text(re.compile(r"^1:0\d$"))
    expect(timer.locator("[data-timer-state]")).to_have_text("")
    announcer = page.locator("[data-live-announcer]")
    expect(announcer).to_have_text("")  # the countdown itself is not read out
    expect(timer.locator("[data-timer-state]")).to_have_text("Zeit fast um", timeout=6000)
    expect(announcer).to_have_text("Noch eine Minute Redezeit.")
    assert "timer--ending" in timer.get_attribute("class")
    # The moderator lets the turn run out: 1 s left, then over.
    speaker.started_at = timezone.now() - timedelta(seconds=179)
    speaker.save()
    expect(timer.locator("[data-timer-state]")).to_have_text("Zeit ist um", timeout=6000)
    expect(announcer).to_contain_text("Die Redezeit ist um.")
    assert announcer.text_content().count("Redezeit") == 2  # each said once
    assert "timer--over" in timer.get_attribute("class")
    assert_accessible(page)
