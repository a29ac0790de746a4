import pytest


@pytest.fixture(autouse=True)
def _english(settings, request):
    """Client tests read English messages; browser tests keep German (locale de-DE)."""
    if "browser" not in request.keywords:
        settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _forget_room_codes():
    """Each test's rooms are new: codes like "saal1" must not point to an earlier test's room."""
    from vernetzt.live import feeds, state

    feeds._room_ids.clear()
    state._local.clear()
    yield
    feeds._room_ids.clear()
    state._local.clear()
