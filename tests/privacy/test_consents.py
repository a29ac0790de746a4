"""Consent at the point of collection: stated next to the sensitive questions, recorded with
purpose, text version, language and time, withdrawn in one click on the personal page."""

import pytest
from django.urls import reverse

from tests.registration.factories import EventFactory
from vernetzt.registration import consents
from vernetzt.registration.models import Consent, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(slug="einwilligung-treffen")


def _form(**extra):
    return {
        "first_name": "Kim",
        "last_name": "Einwilligung",
        "email": "kim@example.org",
        "language": "en",
        "q_dietary": ["halal"],
        "q_interpretation": "ar",
        "q_photo_consent": "yes",
        **extra,
    }


def test_the_form_says_who_sees_the_answers_and_when_they_are_deleted(client, event):
    page = client.get(reverse("registration:register", kwargs={"slug": event.slug}))
    html = page.content.decode()
    consent = html.index('name="consent_sensitive_answers"')
    # Right after the last sensitive question (interpretation), before childcare.
    assert html.index('name="q_interpretation"') < consent < html.index('name="q_childcare"')
    assert reverse("core:site_page", kwargs={"slug": "datenschutz"}) in html[consent - 2000 :]
    with_weeks = consents.text_of(consents.SENSITIVE)
    assert "4" in with_weeks


def test_sensitive_answers_without_consent_are_refused_and_kept(client, event):
    url = reverse("registration:register", kwargs={"slug": event.slug})
    response = client.post(url, _form())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please tick this box" in html or "Bitte kreuzen" in html
    assert 'value="halal"' in html and "checked" in html
    assert not Registration.objects.exists()


def test_consents_are_recorded_with_purpose_version_language_and_time(client, event):
    url = reverse("registration:register", kwargs={"slug": event.slug})
    response = client.post(url, _form(consent_sensitive_answers="on"))
    assert response.status_code == 302
    registration = Registration.objects.get()
    recorded = {c.purpose: c for c in Consent.objects.filter(registration=registration)}
    assert set(recorded) == {consents.SENSITIVE, consents.PHOTOS}
    sensitive = recorded[consents.SENSITIVE]
    assert sensitive.text_version == consents.TEXTS[consents.SENSITIVE][0]
    assert sensitive.language == "en"
    assert sensitive.given_at is not None and sensitive.withdrawn_at is None


def test_no_sensitive_answers_need_no_consent(client, event):
    url = reverse("registration:register", kwargs={"slug": event.slug})
    body = _form()
    del body["q_dietary"], body["q_interpretation"]
    assert client.post(url, body).status_code == 302
    assert list(Consent.objects.values_list("purpose", flat=True)) == [consents.PHOTOS]


def test_withdrawal_is_one_click_and_deletes_what_it_covered(client, event):
    client.post(
        reverse("registration:register", kwargs={"slug": event.slug}),
        _form(consent_sensitive_answers="on"),
    )
    registration = Registration.objects.get()
    page = client.get(registration.get_absolute_url()).content.decode()
    withdraw = reverse(
        "privacy:consent_withdraw",
        kwargs={
            "slug": event.slug,
            "token": registration.manage_token,
            "purpose": consents.SENSITIVE,
        },
    )
    assert withdraw in page

    response = client.post(withdraw)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert "dietary" not in registration.answers and registration.interpretation_language == ""
    assert Consent.objects.get(purpose=consents.SENSITIVE).withdrawn_at is not None

    client.post(withdraw.replace(consents.SENSITIVE, consents.PHOTOS))
    registration.refresh_from_db()
    assert registration.photo_consent is False and registration.answers["photo_consent"] == "no"
    # The page now offers the box again with the (empty) questions.
    page = client.get(registration.get_absolute_url()).content.decode()
    assert 'name="consent_sensitive_answers"' in page
    assert withdraw not in page


def test_unknown_purpose_is_404(client, event):
    client.post(
        reverse("registration:register", kwargs={"slug": event.slug}),
        _form(consent_sensitive_answers="on"),
    )
    registration = Registration.objects.get()
    url = reverse(
        "privacy:consent_withdraw",
        kwargs={"slug": event.slug, "token": registration.manage_token, "purpose": "anything"},
    )
    assert client.post(url).status_code == 404
