import pytest

from tests.directory.factories import ProfileFactory


@pytest.fixture
def hidden_profile(db):
    """A published association whose every group of fields is for staff only."""
    return ProfileFactory(name="Beispielverein Verborgen e.V.", slug="beispielverein-verborgen")
