"""Emails and PDFs in the person's language, whatever language the site shows."""

import io

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from tests.registration.factories import EventFactory
from vernetzt.core.translations import Status, store
from vernetzt.registration.services import register_participant

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_confirmation_email_is_in_the_registrants_language(
    language, django_capture_on_commit_callbacks
):
    event = EventFactory(title="Vernetzungstreffen 2026")
    store(event, "title", "ar", "لقاء التشبيك 2026", Status.HUMAN)
    event.save()
    with (
        translation.override("de"),  # the site language of the request does not matter
        django_capture_on_commit_callbacks(execute=True),
    ):
        register_participant(
            event=event,
            first_name="Kim",
            last_name="Test",
            email="kim@example.org",
            language=language,
        )
    message = mail.outbox[-1]
    with translation.override(language):
        expected = translation.gettext("Thank you for registering. Your place is confirmed.")
        subject = translation.gettext("Your registration: %(title)s")
    assert expected in message.body
    title = "لقاء التشبيك 2026" if language == "ar" else "Vernetzungstreffen 2026"
    assert message.subject == subject % {"title": title}
    if language in ("de", "en"):  # complete catalogues: not one German sentence in English
        assert ("Ihr Platz" in message.body) == (language == "de")


@pytest.mark.django_db
def test_ticket_pdf_in_a_chosen_language(client):
    event = EventFactory(title="Vernetzungstreffen 2026")
    registration, _ = register_participant(
        event=event, first_name="Kim", last_name="Test", email="kim@example.org"
    )
    url = reverse("registration:ticket_pdf", args=[event.slug, registration.manage_token])
    texts = {}
    for language in ("de", "en"):
        response = client.get(url, {"lang": language})
        assert response.status_code == 200
        pdf = PdfReader(
            io.BytesIO(
                b"".join(response.streaming_content) if response.streaming else response.content
            )
        )
        texts[language] = " ".join(page.extract_text() for page in pdf.pages)
    assert texts["de"] != texts["en"]
    # the visitor's own language is not changed by a PDF in another one
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
