"""The account pages speak like the rest of the site in German: "Sie", and "Einloggen" for
logging in ("Anmelden" means registering for a meeting)."""

import re

import pytest
from django.test import Client

from tests.factories import UserFactory

INFORMAL = re.compile(r"\b(du|dich|dir|dein\w*|Du|Dich|Dir|Dein\w*)\b")
PUBLIC = [
    "/konto/login/",
    "/konto/signup/",
    "/konto/password/reset/",
    "/konto/login/code/",
]
SIGNED_IN = ["/konto/logout/", "/konto/email/", "/konto/password/change/", "/konto/profil/"]


def main_text(html: str) -> str:
    main = re.search(r"<main.*?</main>", html, re.S)
    return re.sub(r"<[^>]+>", " ", main.group(0) if main else "")


@pytest.mark.django_db
def test_account_pages_say_sie_and_einloggen():
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(UserFactory(language="de"))
    for client, urls in ((anonymous, PUBLIC), (signed_in, SIGNED_IN)):
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            text = main_text(response.content.decode())
            assert not INFORMAL.search(text), (url, INFORMAL.search(text).group(0))
            assert "anmelden" not in text.lower() or "Treffen" in text, url
    login = main_text(anonymous.get("/konto/login/").content.decode())
    assert "Einloggen" in login
