"""Forums in real Chromium: rank, run, move, publish; record on a phone; filter needs. axe."""

import pytest
from django.test import Client

from tests.conftest import assert_accessible
from tests.factories import UserFactory
from tests.registration.factories import EventFactory, RegistrationFactory
from vernetzt.forums import services
from vernetzt.forums.models import Placement

from .factories import ForumFactory, ForumHostFactory, ResultItemFactory, SlotFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, user, base_url):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )


def _no_sideways_scroll(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def test_participant_ranks_staff_runs_moves_publishes(pages, live_server):
    event = EventFactory(slug="foren-browser")
    slot = SlotFactory(event=event, title="Nachmittag")
    forums = [ForumFactory(slot=slot, title=f"Forum {n}", capacity=3) for n in "ABC"]
    participant = RegistrationFactory(event=event, first_name="Rana")
    others = [RegistrationFactory(event=event) for _ in range(4)]
    for other in others:
        services.set_rankings(registration=other, choices={slot.pk: [forums[0].pk]})

    page = pages.new_page()
    page.goto(participant.get_absolute_url())
    assert_accessible(page)
    page.locator(f"#slot-{slot.pk}-1").select_option(str(forums[1].pk))
    page.locator(f"#slot-{slot.pk}-2").select_option(str(forums[0].pk))
    page.locator("form.forum-ranking button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".message--success, .message").first.is_visible()
    assert page.locator(f"#slot-{slot.pk}-1").input_value() == str(forums[1].pk)

    staff_page = pages.new_page()
    _login(staff_page, UserFactory(is_staff=True, is_superuser=True), live_server.url)
    staff_page.goto(f"/veranstaltungen/{event.slug}/verwaltung/foren/")
    assert staff_page.locator("#demand").is_visible()
    assert_accessible(staff_page)
    staff_page.goto(f"/veranstaltungen/{event.slug}/verwaltung/foren/zuteilung/")
    staff_page.locator("#run-button").click()
    staff_page.wait_for_load_state()
    staff_page.goto(f"/veranstaltungen/{event.slug}/verwaltung/foren/zuteilung/")
    assert staff_page.locator("#report-heading").is_visible()
    assert_accessible(staff_page)
    assert Placement.objects.get(registration=participant).forum_id == forums[1].pk

    placement = Placement.objects.get(registration=participant)
    form = staff_page.locator(f"#move-{placement.pk}").locator("xpath=..")
    staff_page.locator(f"#move-{placement.pk}").select_option(str(forums[2].pk))
    form.locator("button[type=submit]").click()
    staff_page.wait_for_load_state()
    placement.refresh_from_db()
    assert placement.forum_id == forums[2].pk and placement.pinned
    staff_page.locator("#run-button").click()  # a re-run keeps the pin
    staff_page.wait_for_load_state()
    placement.refresh_from_db()
    assert placement.forum_id == forums[2].pk
    staff_page.locator("#publish-button").click()
    staff_page.wait_for_load_state()
    assert "E-Mail" in staff_page.locator(".confirm").inner_text()  # says who gets mail
    assert_accessible(staff_page)
    staff_page.locator(".confirm button[type=submit]").click()
    staff_page.wait_for_load_state()
    assert_accessible(staff_page)

    page.goto(participant.get_absolute_url())
    assert "Forum C" in page.locator("#my-forums").inner_text()
    assert_accessible(page)


def test_forum_host_records_results_on_a_phone(pages, live_server):
    forum = ForumFactory(title="Ressourcen teilen")
    host = UserFactory(is_forum_host=True)
    ForumHostFactory(forum=forum, user=host)
    services.get_or_create_tag(name="Räume")
    page = pages.new_page(width=390, height=844)
    _login(page, host, live_server.url)
    page.goto("/foren/meine/")
    assert_accessible(page)
    page.locator(
        f"a[href='/veranstaltungen/{forum.event.slug}/foren/{forum.pk}/ergebnisse/']"
    ).click()
    page.wait_for_load_state()
    _no_sideways_scroll(page)
    assert_accessible(page)
    page.locator("input[name=kind][value=demand]").check()
    page.locator("#id_text").fill("Ein gemeinsamer Raumkalender für Vereine")
    page.locator("input[name=tags]").first.check()
    page.locator("form.record-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "Raumkalender" in page.locator("#recorded").inner_text()
    # an empty text keeps what was chosen and explains
    page.locator("input[name=kind][value=need]").check()
    page.locator("form.record-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#error-summary").is_visible()
    assert page.locator("input[name=kind][value=need]").is_checked()
    assert_accessible(page)
    _no_sideways_scroll(page)


def test_needs_view_filters(pages, live_server):
    rooms = services.get_or_create_tag(name="Räume")
    money = services.get_or_create_tag(name="Finanzierung")
    old = ForumFactory(
        slot__event=EventFactory(
            starts_at="2019-06-01T10:00:00+02:00", ends_at="2019-06-01T16:00:00+02:00"
        )
    )
    new = ForumFactory()
    ResultItemFactory(forum=old, text="Räume am Abend", kind="need").tags.add(rooms)
    ResultItemFactory(forum=new, text="Räume für Jugendliche", kind="need").tags.add(rooms)
    ResultItemFactory(forum=new, text="Einfachere Anträge", kind="demand").tags.add(money)
    page = pages.new_page()
    page.goto("/bedarfe/")
    assert page.locator("#needs-list > li").count() == 3
    assert_accessible(page)
    page.locator("#f-tag").select_option(rooms.slug)
    page.locator("form.needs-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#needs-list > li").count() == 2
    page.locator("#f-year").select_option("2019")
    page.locator("form.needs-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#needs-list > li").count() == 1
    assert "Räume am Abend" in page.locator("#needs-list").inner_text()
    assert_accessible(page)
    page.locator("#f-kind").select_option("demand")
    page.locator("#f-tag").select_option("")
    page.locator("#f-year").select_option("")
    page.locator("form.needs-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#needs-list").inner_text().count("Einfachere Anträge") == 1
    assert money.name in page.locator("#needs-list").inner_text()


def test_ranking_in_arabic_right_to_left_and_narrow(pages):
    event = EventFactory(slug="foren-rtl")
    slot = SlotFactory(event=event, title="Nachmittag")
    ForumFactory(slot=slot, title="Forum A")
    ForumFactory(slot=slot, title="Forum B")
    participant = RegistrationFactory(event=event)
    page = pages.new_page(width=320, height=700)
    page.goto(participant.get_absolute_url())
    page.locator(".menu-button").click()  # on a phone the languages are in the menu
    page.locator("button[value=ar]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(f"#slot-{slot.pk}-1").is_visible()
    _no_sideways_scroll(page)
    assert_accessible(page)
    page.goto("/bedarfe/")
    _no_sideways_scroll(page)
    assert_accessible(page)
