"""In Chromium: staff build, preview and publish a documentation; public pages pass axe."""

import pytest
from django.test import Client

from tests.conftest import assert_accessible
from vernetzt.core.translations import Status, store
from vernetzt.publishing.models import Documentation

from .factories import photo_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, user, base_url):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )


def test_staff_build_preview_and_publish(pages, live_server, event, participants):
    from tests.factories import UserFactory

    photo_for(event, caption="Blick in den Saal", credit="Pola Sell")
    staff = pages.new_page()
    login(staff, UserFactory(is_staff=True), live_server.url)
    staff.goto(f"/veranstaltungen/{event.slug}/verwaltung/dokumentation/")
    assert_accessible(staff)
    staff.locator("textarea[name=greeting]").fill("Herzlich willkommen zur Dokumentation!")
    staff.locator("form.doc-form button[type=submit]").click()
    staff.wait_for_load_state()
    documentation = Documentation.objects.get(event=event)
    assert "Herzlich willkommen" in documentation.greeting
    store(documentation, "greeting", "en", "Welcome to the documentation!", Status.HUMAN)
    documentation.save(update_fields=["translations"])

    staff.locator(f"a[href='/veranstaltungen/{event.slug}/dokumentation/']").first.click()
    staff.wait_for_load_state()
    main = staff.locator("main").inner_text()
    assert "Herzlich willkommen zur Dokumentation!" in main
    assert "Begrüßung durch die Beispielministerin" in main
    assert "Pola Sell" in main
    anonymous = pages.new_page()
    response = anonymous.goto(f"/veranstaltungen/{event.slug}/dokumentation/")
    assert response.status == 404  # still a draft

    staff.goto(f"/veranstaltungen/{event.slug}/verwaltung/dokumentation/")
    staff.locator("button[name=action][value=publish]").click()
    staff.wait_for_url(f"**/veranstaltungen/{event.slug}/dokumentation/")

    response = anonymous.goto(f"/veranstaltungen/{event.slug}/dokumentation/")
    assert response.status == 200
    assert "Herzlich willkommen zur Dokumentation!" in anonymous.locator("main").inner_text()
    assert_accessible(anonymous)
    anonymous.goto(f"/veranstaltungen/{event.slug}/dokumentation/?lang=en")
    assert "Welcome to the documentation!" in anonymous.locator("main").inner_text()
    pdf = anonymous.request.get(f"/veranstaltungen/{event.slug}/dokumentation.pdf")
    assert pdf.status == 200 and pdf.body()[:4] == b"%PDF"


def test_public_pages_are_accessible(pages, transactional_db):
    from django.core.management import call_command

    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = pages.new_page()
    for path in [
        "/aktuelles/",
        "/aktuelles/sechstes-vernetzungstreffen-2025/",
        "/veranstaltungen/vernetzungstreffen-2019/dokumentation/",
        "/veranstaltungen/vernetzungstreffen-2025/fotos/",
    ]:
        response = page.goto(path)
        assert response.status == 200, path
        assert_accessible(page)
