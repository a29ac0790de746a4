"""The whole path in Chromium: register, email, personal link, cancel, waiting list, check-in."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.conftest import assert_accessible
from tests.factories import OrganisationFactory, UserFactory
from tests.forums.factories import ForumFactory, ResultItemFactory, SlotFactory
from vernetzt.registration import services
from vernetzt.registration.models import Registration

from .factories import EventFactory, ProgrammeItemFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _english(pages, live_server, **kwargs):
    page = pages.new_page(locale="en-GB", **kwargs)
    page.context.add_cookies([{"name": "vernetzt_language", "value": "en", "url": live_server.url}])
    return page


def _link(message):
    return re.search(r"https?://\S+/anmeldung/\S+/", message.body).group(0)


def _personal_link(email, live_server):
    message = next(m for m in mail.outbox if m.to == [email])
    return _link(message).replace("http://testserver", live_server.url)


def test_register_cancel_waiting_list_and_check_in(pages, live_server):
    event = EventFactory(capacity=1, title="Beispieltreffen im Browser")
    ProgrammeItemFactory(event=event, title="Begrüßung")
    OrganisationFactory(name="Beispielverein Browser e.V.", is_published=True, status="verified")

    # 1. With an association, found by search: confirmed.
    page = _english(pages, live_server)
    page.goto(f"/veranstaltungen/{event.slug}/")
    assert_accessible(page)
    page.get_by_role("link", name="Register now").first.click()
    assert_accessible(page)
    page.locator("#id_first_name").fill("Kim")
    page.locator("#id_last_name").fill("Erste")
    page.locator("#id_email").fill("kim@example.org")
    page.locator("#id_organisation_search").fill("Browser")
    page.get_by_label("Beispielverein Browser e.V.").check()
    page.locator("input[name=q_photo_consent][value=yes]").check()
    page.get_by_role("button", name="Register now").click()
    page.wait_for_url("**/anmelden/danke/")  # the link goes to the email address only
    assert "sent you an email" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Send me my link again").click()
    assert_accessible(page)
    page.goto(_personal_link("kim@example.org", live_server))
    assert "Confirmed" in page.locator("#registration-status").inner_text()
    assert_accessible(page)
    first = Registration.objects.get(email="kim@example.org")
    assert first.organisation.name == "Beispielverein Browser e.V." and first.photo_consent

    # 2. Without an association: the waiting list.
    other = _english(pages, live_server)
    other.goto(f"/veranstaltungen/{event.slug}/anmelden/")
    other.locator("#id_first_name").fill("Sam")
    other.locator("#id_last_name").fill("Zweite")
    other.locator("#id_email").fill("sam@example.org")
    other.get_by_role("button", name="Register now").click()
    other.wait_for_url("**/anmelden/danke/")
    other.goto(_personal_link("sam@example.org", live_server))
    assert "waiting list, position 1" in other.locator("#registration-status").inner_text()

    # 3. The email of the first, its personal link, cancel.
    message = next(m for m in mail.outbox if m.to == ["kim@example.org"])
    link = _link(message).replace("http://testserver", live_server.url)
    page.goto(link)
    page.get_by_role("link", name="Cancel my registration").click()
    page.wait_for_load_state()
    assert_accessible(page)  # the question before cancelling
    page.get_by_role("button", name="Yes, cancel my registration").click()
    page.wait_for_load_state()
    assert "Cancelled" in page.locator("#registration-status").inner_text()

    # 4. The waiting list moved: Sam is confirmed and told so.
    other.reload()
    assert "Confirmed" in other.locator("#registration-status").inner_text()
    assert any(m.to == ["sam@example.org"] and "place" in m.subject for m in mail.outbox)

    # 5. Check-in by name, undo, then by ticket code.
    staff = UserFactory(email="staff-browser@example.org", is_staff=True)
    client = Client()
    client.force_login(staff)
    desk = _english(pages, live_server, width=390, height=844)
    desk.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    desk.goto(f"/veranstaltungen/{event.slug}/einlass/")
    assert_accessible(desk)
    desk.get_by_label("Name or association").fill("Zweite")
    desk.get_by_role("button", name=re.compile("Check in Sam")).click()
    result = desk.locator("#checkin-result")
    result.get_by_text("Checked in").wait_for()
    assert "Photos: NO" in result.inner_text()
    result.get_by_role("button", name="Undo").click()
    result.get_by_text("taken back").wait_for()
    sam = Registration.objects.get(email="sam@example.org")
    desk.get_by_label("Or type the ticket code").fill(sam.ticket_code)
    desk.get_by_role("button", name="Check in", exact=True).click()
    result.get_by_text("Checked in").wait_for()
    desk.get_by_label("Or type the ticket code").fill(sam.ticket_code)
    desk.get_by_role("button", name="Check in", exact=True).click()
    result.get_by_text("Already checked in").wait_for()
    assert desk.locator("#count-checked-in").inner_text() == "1"  # refreshed at once
    assert_accessible(desk)
    sam.refresh_from_db()
    assert sam.checked_in_at is not None


def test_staff_pages_and_form_errors_are_accessible(pages, live_server):
    event = EventFactory(capacity=5)
    from vernetzt.registration.services import register_participant

    register_participant(
        event=event,
        first_name="Kim",
        last_name="Liste",
        email="l@example.org",
        answers={"dietary": ["vegan"]},
    )
    page = _english(pages, live_server)
    page.goto(f"/veranstaltungen/{event.slug}/anmelden/")
    page.locator("#id_first_name").fill("Kim")
    page.locator("#id_email").fill("not-an-email")
    page.get_by_role("button", name="Register now").click()
    page.locator("#error-summary").wait_for()
    assert page.locator("#id_first_name").input_value() == "Kim"
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert_accessible(page)

    staff = UserFactory(email="staff-pages@example.org", is_staff=True)
    client = Client()
    client.force_login(staff)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    for path in (
        f"/veranstaltungen/{event.slug}/verwaltung/",
        f"/veranstaltungen/{event.slug}/verwaltung/programm/",
        f"/veranstaltungen/{event.slug}/verwaltung/anmeldungen/",
        f"/veranstaltungen/{event.slug}/verwaltung/uebersicht/",
        f"/veranstaltungen/{event.slug}/verwaltung/fragen/",
        "/veranstaltungen/",
    ):
        page.goto(path)
        assert_accessible(page)


def test_personal_page_after_the_meeting(pages, live_server):
    """After the meeting: certificate, results and data rights, no ticket; axe finds nothing."""
    starts = timezone.now() - timedelta(days=2)
    event = EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=7))
    registration, _ = services.register_participant(
        event=event, first_name="Kim", last_name="Danach", email="kim@example.org", by_staff=True
    )
    registration.checked_in_at = starts + timedelta(minutes=5)
    registration.save(update_fields=["checked_in_at"])
    ResultItemFactory(forum=ForumFactory(slot=SlotFactory(event=event)))
    for language, heading in (("en", "After the meeting"), ("ar", None)):
        page = pages.new_page()
        page.context.add_cookies(
            [{"name": "vernetzt_language", "value": language, "url": live_server.url}]
        )
        page.goto(live_server.url + registration.get_absolute_url())
        if heading:
            assert heading in page.locator("#after-meeting").inner_text()
            page.get_by_role("link", name="Certificate of attendance (PDF)").wait_for()
            page.get_by_role("link", name="Results of the forums").wait_for()
        assert page.locator(".ticket").count() == 0 and page.locator("#id_first_name").count() == 0
        assert_accessible(page)
