import pytest


@pytest.fixture(autouse=True)
def _english(settings, request):
    """Client tests read English messages; browser tests keep German (locale de-DE)."""
    if "browser" not in request.keywords:
        settings.LANGUAGE_CODE = "en"
