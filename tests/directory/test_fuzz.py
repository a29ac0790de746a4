"""Generated input for the search page, the API and the contact form: never a server error."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import OrganisationFactory
from tests.hypothesis_profiles import examples

TEXT = st.text(st.characters(codec="utf-8"), max_size=300)
SETTINGS = settings(
    max_examples=examples(20),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _has_nul(params) -> bool:
    return any("\x00" in str(value) for value in params.values())


@pytest.fixture
def organisation(db):
    return OrganisationFactory(
        name="Beispielverein Zufall", is_published=True, contact_email="z@example.org"
    )


@SETTINGS
@given(q=TEXT, district=TEXT, field=TEXT, page=TEXT, page_size=TEXT)
def test_directory_page_never_fails(organisation, q, district, field, page, page_size):
    params = {"q": q, "district": district, "field": field, "page": page, "page_size": page_size}
    response = Client().get(reverse("directory:list"), params)
    # A NUL byte is refused at the door with a message; everything else is a page.
    assert response.status_code == (400 if _has_nul(params) else 200)


@SETTINGS
@given(q=TEXT, language=TEXT, page=st.one_of(st.integers(), TEXT))
def test_api_never_fails(organisation, q, language, page):
    response = Client().get("/api/v1/organisations", {"q": q, "language": language, "page": page})
    assert response.status_code in (200, 400)  # 400: invalid input or a NUL byte, with a message


@SETTINGS
@given(name=TEXT, email=TEXT, message=TEXT)
def test_contact_form_never_fails(organisation, name, email, message):
    from django.core.cache import cache

    cache.clear()
    response = Client().post(
        reverse("directory:contact", args=[organisation.slug]),
        {"name": name, "email": email, "message": message},
    )
    if _has_nul({"name": name, "email": email, "message": message}):
        assert response.status_code == 400
    else:
        assert response.status_code in (200, 302)
