"""Abuse resistance of registration: the idempotency key is no credential, no email oracle,
"send me my link again", a per-address rate limit that a desk does not hit, JSON only."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from vernetzt.registration import services
from vernetzt.registration.models import Registration

from .factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies["vernetzt_language"] = "en"


def form_data(**extra):
    data = {
        "first_name": "Kim",
        "last_name": "Beispiel",
        "email": "kim@example.org",
        "language": "en",
        "idempotency_key": "desk-form-1",
        "q_dietary": "vegan",
        "consent_sensitive_answers": "on",  # dietary answers need the consent box
    }
    data.update(extra)
    return data


def api_body(**extra):
    body = {
        "first_name": "Kim",
        "last_name": "Beispiel",
        "email": "kim@example.org",
        "language": "en",
        "answers": {},
    }
    body.update(extra)
    return body


def _without_csrf(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def _links_in(response) -> set[str]:
    content = response.content.decode() + response.get("Location", "")
    return {r.manage_token for r in Registration.objects.all() if r.manage_token in content}


def test_same_key_other_person_is_a_new_request_and_never_sees_the_first(client):
    """The Back button at a desk: the second person re-sends the first person's hidden key."""
    event = EventFactory()
    url = reverse("registration:register", kwargs={"slug": event.slug})
    first = client.post(url, form_data(), follow=True)
    data = form_data(first_name="Lea", email="lea@example.org")
    del data["q_dietary"]
    second = client.post(url, data, follow=True)
    assert Registration.objects.count() == 2  # a new request, not the first registration
    kim = Registration.objects.get(email="kim@example.org")
    assert kim.manage_token not in second.content.decode()
    assert not _links_in(first) and not _links_in(second)
    assert "vegan" not in second.content.decode()


def test_same_key_and_email_but_other_payload_is_not_a_repeat():
    event = EventFactory()
    kwargs = {"event": event, "first_name": "Kim", "last_name": "B", "email": "k@example.org"}
    first, created = services.register_participant(**kwargs, idempotency_key="k1")
    again, created_again = services.register_participant(**kwargs, idempotency_key="k1")
    assert created and not created_again and again.pk == first.pk
    # same key and email, other answers: a new request (here: the email is registered)
    with pytest.raises(services.AlreadyRegistered):
        services.register_participant(**{**kwargs, "last_name": "C"}, idempotency_key="k1")
    # same key, other email: a new registration
    other, created_other = services.register_participant(
        **{**kwargs, "email": "o@example.org"}, idempotency_key="k1"
    )
    assert created_other and other.pk != first.pk


def test_no_email_oracle_on_the_page(client, django_capture_on_commit_callbacks):
    event = EventFactory()
    url = reverse("registration:register", kwargs={"slug": event.slug})
    with django_capture_on_commit_callbacks(execute=True):
        new = client.post(url, form_data(idempotency_key="a"))
    registration = Registration.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        repeat = client.post(url, form_data(first_name="Someone", idempotency_key="b"))
    assert (new.status_code, new["Location"]) == (repeat.status_code, repeat["Location"])
    assert Registration.objects.count() == 1
    # the registrant gets their link by email, the requester sees nothing of it
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kim@example.org"]
    assert "Someone asked to register you" in message.body
    assert registration.manage_token in message.body
    assert registration.manage_token not in client.get(repeat["Location"]).content.decode()


def test_no_email_oracle_in_the_api(client, django_capture_on_commit_callbacks):
    event = EventFactory()
    url = f"/api/v1/events/{event.slug}/registrations"
    with django_capture_on_commit_callbacks(execute=True):
        new = client.post(url, api_body(), content_type="application/json")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        repeat = client.post(url, api_body(first_name="X"), content_type="application/json")
    assert new.status_code == repeat.status_code == 201
    assert new.json() == repeat.json()
    assert set(new.headers) == set(repeat.headers)
    assert [m.to for m in mail.outbox] == [["kim@example.org"]]
    token = Registration.objects.get().manage_token
    assert token not in new.content.decode() + repeat.content.decode()


def test_send_me_my_link_again(client, django_capture_on_commit_callbacks):
    event = EventFactory()
    registration, _ = services.register_participant(
        event=event, first_name="Kim", last_name="B", email="kim@example.org", language="en"
    )
    mail.outbox.clear()
    url = reverse("registration:resend_link", kwargs={"slug": event.slug})
    assert (
        "Send me my link again"
        in client.get(
            reverse("registration:register", kwargs={"slug": event.slug})
        ).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(url, {"email": "KIM@example.org"})
        unknown = client.post(url, {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert _without_csrf(known) == _without_csrf(unknown)
    assert [m.to for m in mail.outbox] == [["kim@example.org"]]
    assert registration.manage_token in mail.outbox[0].body
    # asking again at once sends no second email (no mail bombing through this form)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"email": "kim@example.org"})
    assert len(mail.outbox) == 1
    response = client.post(url, {"email": "not an email"})
    assert "This is not an email address" in response.content.decode()


def test_registration_rate_limit_per_address_in_the_shared_cache(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "registration": "5/m"}
    event = EventFactory(capacity=100)
    url = f"/api/v1/events/{event.slug}/registrations"
    statuses = [
        client.post(
            url, api_body(email=f"p{n}@example.org"), content_type="application/json"
        ).status_code
        for n in range(8)
    ]
    assert statuses == [201] * 5 + [429] * 3
    limited = client.post(url, api_body(email="z@example.org"), content_type="application/json")
    assert "Too many requests" in limited.json()["errors"]["__all__"][0]
    assert limited["Retry-After"] == "60"
    # the form shares the count, answers 429 and keeps what was typed
    page = client.post(
        reverse("registration:register", kwargs={"slug": event.slug}),
        form_data(first_name="Typed"),
    )
    assert page.status_code == 429 and 'value="Typed"' in page.content.decode()
    # another address is not affected
    other = client.post(
        url,
        api_body(email="other@example.org"),
        content_type="application/json",
        REMOTE_ADDR="127.0.0.9",
    )
    assert other.status_code == 201


def test_client_header_is_not_trusted_unless_configured(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "registration": "2/m"}
    event = EventFactory(capacity=100)
    url = f"/api/v1/events/{event.slug}/registrations"

    def post(n, **headers):
        return client.post(
            url, api_body(email=f"h{n}@example.org"), content_type="application/json", **headers
        ).status_code

    # a forged X-Forwarded-For does not give a script a fresh address
    assert [post(n, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}") for n in range(3)] == [201, 201, 429]
    settings.TRUSTED_PROXY_HEADER = "X-Real-IP"
    assert post(10, HTTP_X_REAL_IP="192.0.2.1") == 201
    assert post(11, HTTP_X_REAL_IP="192.0.2.2") == 201


def test_api_takes_only_json(client):
    event = EventFactory()
    url = f"/api/v1/events/{event.slug}/registrations"
    form = client.post(url, api_body())  # multipart form data
    assert form.status_code == 415
    assert "application/json" in form.json()["errors"]["__all__"][0]
    text = client.post(url, '{"first_name": "A"}', content_type="text/plain")
    assert text.status_code == 415
    assert Registration.objects.count() == 0
    missing = client.post(url, {"first_name": "A"}, content_type="application/json")
    assert missing.status_code == 400 and "email" in missing.json()["errors"]
