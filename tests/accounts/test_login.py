import re

import pytest
from django.core import mail
from django.test import Client

from tests.factories import UserFactory

LOGIN = "/konto/login/"
CODE_REQUEST = "/konto/login/code/"
CODE_CONFIRM = "/konto/login/code/confirm/"


def _code_from(message) -> str:
    match = re.search(r"^\s*([A-Z0-9-]{6,})\s*$", message.body, re.MULTILINE)
    assert match, message.body
    return match.group(1)


@pytest.fixture
def person(db):
    return UserFactory(email="aylin@example.org", language="de")


def test_login_by_code_from_the_email(person):
    client = Client()
    response = client.post(CODE_REQUEST, {"email": "aylin@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    code = _code_from(mail.outbox[0])
    response = client.post(CODE_CONFIRM, {"code": code})
    assert response.status_code == 302
    assert client.get("/konto/profil/").status_code == 200


def test_code_request_answers_the_same_for_unknown_emails(person):
    known = Client().post(CODE_REQUEST, {"email": "aylin@example.org"})
    unknown = Client().post(CODE_REQUEST, {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_wrong_code_too_often_ends_the_attempt(person):
    client = Client()
    client.post(CODE_REQUEST, {"email": "aylin@example.org"})
    for _ in range(3):
        response = client.post(CODE_CONFIRM, {"code": "WRONG1"})
    # After the allowed attempts the code is spent: back to the start, no crash.
    assert response.status_code in (200, 302)
    right = _code_from(mail.outbox[0])
    response = client.post(CODE_CONFIRM, {"code": right})
    assert client.get("/konto/profil/").status_code == 302  # still not logged in


def test_password_login_is_locked_after_repeated_failures(person):
    client = Client()
    statuses = [
        client.post(LOGIN, {"login": "aylin@example.org", "password": "wrong"}).status_code
        for _ in range(6)
    ]
    assert 429 in statuses
    locked = client.post(LOGIN, {"login": "aylin@example.org", "password": "wrong"})
    assert locked.status_code in (200, 429)
    client.post(LOGIN, {"login": "aylin@example.org", "password": "correct horse battery"})
    assert client.get("/konto/profil/").status_code == 302  # the right password no longer helps


def test_lockout_page_is_in_the_design_and_language(person):
    client = Client()
    responses = [
        client.post(LOGIN, {"login": "aylin@example.org", "password": "wrong"}) for _ in range(6)
    ]
    locked = next(response for response in responses if response.status_code == 429)
    assert "Zu viele Versuche" in locked.content.decode()


def test_password_login_works_and_session_rotates(person):
    client = Client()
    client.get(LOGIN)
    before = client.session.session_key
    response = client.post(
        LOGIN, {"login": "aylin@example.org", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert client.session.session_key != before
    assert client.get("/konto/profil/").status_code == 200
    client.post("/konto/logout/")
    assert client.get("/konto/profil/").status_code == 302


def test_profile_keeps_what_was_typed_on_error(person):
    client = Client()
    client.force_login(person)
    response = client.post(
        "/konto/profil/", {"first_name": "Aylin", "last_name": "B", "language": "xx"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'value="Aylin"' in html


def test_staff_reach_the_back_office_and_others_do_not(world):
    staff = Client()
    staff.force_login(world["users"]["staff"])
    assert staff.get("/verwaltung/").status_code == 200
    member = Client()
    member.force_login(world["users"]["member"])
    assert member.get("/verwaltung/").status_code == 302
