import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english(request, settings):
    """Service and page tests read English messages; browser tests use the German default."""
    if "browser" in request.keywords:
        yield
        return
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def staff_client(client, db):
    from tests.factories import UserFactory

    client.force_login(
        UserFactory(email="team@example.org", is_staff=True, is_superuser=True, language="en")
    )
    return client
