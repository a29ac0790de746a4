"""Exports people can use: words instead of codes, local times, one column per fact, a frozen
and filtered header, a distinct name for the file with sensitive answers; the summary counts
childcare and photo consent."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from tests.factories import UserFactory
from vernetzt.registration import services

from .factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(email="staff@example.org", is_staff=True))
    return client


def _register(event):
    registration, _ = services.register_participant(
        event=event,
        first_name="Kim",
        last_name="Export",
        email="e@example.org",
        language="ar",
        answers={"dietary": ["vegetarian", "halal"], "childcare": "yes", "photo_consent": "no"},
    )
    return registration


def test_csv_has_words_local_times_and_one_column_per_choice(staff_client):
    event = EventFactory()
    _register(event)
    url = reverse("registration:export_csv", kwargs={"slug": event.slug})
    response = staff_client.get(url + "?sensitive=1")
    assert "mit-sensiblen-angaben" in response["Content-Disposition"]
    assert "mit-sensiblen" not in staff_client.get(url)["Content-Disposition"]
    header, row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    record = dict(zip(header, row, strict=True))
    assert record["Sprache"] == "Arabisch"
    registered = record["Angemeldet"]
    assert len(registered) == 16 and registered[10] == " "  # "2026-12-12 10:00"
    vegetarian = next(key for key in header if key.endswith(": vegetarisch"))
    vegan = next(key for key in header if key.endswith(": vegan"))
    assert record[vegetarian] == "ja" and record[vegan] == ""
    childcare = next(key for key in header if "Kinderbetreuung" in key)
    assert record[childcare] == "ja"


def test_xlsx_header_is_frozen_and_filtered(staff_client):
    event = EventFactory()
    _register(event)
    response = staff_client.get(reverse("registration:export_xlsx", kwargs={"slug": event.slug}))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")
    assert sheet.cell(row=2, column=11).value.microsecond == 0  # a real, local date and time


def test_summary_counts_childcare_and_photo_consent(staff_client):
    event = EventFactory()
    _register(event)
    page = staff_client.get(reverse("registration:staff_summary", kwargs={"slug": event.slug}))
    text = page.content.decode()
    assert 'id="childcare"' in text and 'id="photos"' in text
    assert "ja: 1" in text and "nein: 1" in text
