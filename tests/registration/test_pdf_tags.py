"""Tickets, certificates, badges and the participant list are tagged PDFs with a language,
like the documentation and the report (PDF/UA)."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from tests.registration.factories import EventFactory
from vernetzt.registration import services

pytestmark = pytest.mark.django_db


def _assert_tagged(content: bytes):
    root = PdfReader(io.BytesIO(content)).trailer["/Root"]
    assert root.get("/StructTreeRoot") is not None, "no structure tree: the PDF is untagged"
    assert bool(root.get("/MarkInfo", {}).get("/Marked"))
    assert root.get("/Lang"), "the PDF does not say its language"


@pytest.fixture
def staff_client(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    return client


def test_every_registration_pdf_is_tagged(staff_client, client):
    event = EventFactory(starts_at=timezone.now() - timedelta(hours=8))
    registration, _ = services.register_participant(
        event=event, first_name="Kim", last_name="Tag", email="t@example.org", by_staff=True
    )
    services.check_in(event=event, registration=registration)
    token = {"slug": event.slug, "token": registration.manage_token}
    for url in (
        reverse("registration:badges_pdf", kwargs={"slug": event.slug}),
        reverse("registration:participants_pdf", kwargs={"slug": event.slug}),
        reverse("registration:ticket_pdf", kwargs=token),
        reverse("registration:certificate", kwargs=token),
    ):
        response = staff_client.get(url)
        assert response.status_code == 200, url
        _assert_tagged(response.content)
