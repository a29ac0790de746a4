"""In Chromium: a participant answers from the emailed link; staff see the results."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.conftest import assert_accessible
from tests.registration.factories import EventFactory, RegistrationFactory
from vernetzt.feedback import services
from vernetzt.feedback.models import Response

from .factories import answer_data, survey_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, user, base_url):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )


def test_participant_answers_from_the_emailed_link_and_staff_see_results(pages, live_server):
    from django.http import QueryDict

    from tests.factories import UserFactory

    start = timezone.now() - timezone.timedelta(days=1)
    event = EventFactory(
        status="past", starts_at=start, ends_at=start + timezone.timedelta(hours=6)
    )
    RegistrationFactory(event=event, email="teilnahme@example.org", checked_in_at=start)
    survey = survey_for(event, open_it=False)
    services.open_and_send(survey=survey)
    assert len(mail.outbox) == 1
    path = re.search(r"http://testserver(/umfrage/\S+/)", mail.outbox[0].body).group(1)

    page = pages.new_page()
    page.goto(path)
    assert_accessible(page)
    for question in survey.questions.all():
        name = f"q{question.pk}"
        if question.kind == "scale":
            page.locator(f"label[for={name}_4]").click()
        elif question.kind == "single":
            page.locator(f"label[for={name}_1]").click()
        elif question.kind == "multiple":
            page.locator(f"label[for={name}_0]").click()
            page.locator(f"label[for={name}_3]").click()
        else:
            page.locator(f"#{name}").fill("Mehr Zeit für Gespräche, bitte.")
    page.locator("form.survey button[type=submit]").click()
    page.wait_for_load_state()
    assert re.search("anonym", page.locator("main").inner_text())
    assert Response.objects.filter(survey=survey).count() == 1
    # the link is spent
    page.goto(path)
    assert Response.objects.filter(survey=survey).count() == 1
    assert page.locator("form.survey").count() == 0

    for _ in range(4):
        data = QueryDict(mutable=True)
        for key, value in answer_data(survey).items():
            data.setlist(key, value if isinstance(value, list) else [value])
        services.submit_response(token=survey.open_token, data=data)
    staff = pages.new_page()
    login(staff, UserFactory(is_staff=True), live_server.url)
    staff.goto(f"/veranstaltungen/{event.slug}/verwaltung/umfragen/{survey.pk}/ergebnisse/")
    assert staff.locator("svg.chart").count() == 4
    assert "Mehr Zeit für Gespräche, bitte." in staff.locator("main").inner_text()
    assert_accessible(staff)


def test_staff_build_a_survey_on_its_pages_in_arabic_with_axe(pages, live_server):
    from tests.factories import UserFactory

    event = EventFactory(slug="umfrage-browser")
    page = pages.new_page(width=375, height=812)
    login(page, UserFactory(is_staff=True, is_superuser=False), live_server.url)
    page.goto(f"/veranstaltungen/{event.slug}/verwaltung/umfragen/")
    assert_accessible(page)
    page.locator("button[name=template][value='']").click()
    page.wait_for_load_state()
    assert "/bearbeiten/" in page.url
    assert_accessible(page)
    page.locator("#id_title").fill("Rückblick")
    page.locator("main form button.button[type=submit]").click()
    page.wait_for_load_state()
    page.get_by_role("link", name=re.compile("Frage hinzufügen")).click()
    page.locator("#id_text").fill("Was war gut?")
    page.locator("input[name=kind][value=single]").check()
    page.locator("#id_choices_text").fill("Essen")
    page.locator("main form button.button[type=submit]").click()
    page.wait_for_load_state()
    # the error takes focus and what was typed is kept
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#id_text").input_value() == "Was war gut?"
    assert_accessible(page)
    page.locator("#id_choices_text").fill("Essen\nForen")
    page.locator("main form button.button[type=submit]").click()
    page.wait_for_load_state()
    assert "Was war gut?" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Öffnen und an die")).click()
    page.wait_for_load_state()
    assert_accessible(page)

    page.context.add_cookies([{"name": "vernetzt_language", "value": "ar", "url": live_server.url}])
    page.goto(page.url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("main [lang=de]").count() >= 1  # the untranslated German title
    assert_accessible(page)
