import pytest


@pytest.fixture(autouse=True)
def _english(settings, request):
    """Client tests read English messages; browser tests keep German (locale de-DE)."""
    if "browser" not in request.keywords:
        settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _forget_room_codes(monkeypatch):
    """Each test's rooms are new: codes like "saal1" must not point to an earlier test's room,
    nor a room's remembered version to an earlier test's. A test sees its own writes at once
    (a worker's 0.2 s memory of versions and the reuse of snapshots under a stream of writes
    have their own tests in test_updates)."""
    from vernetzt.live import device, feeds, state

    monkeypatch.setattr(state, "VERSION_MEMORY", 0)
    monkeypatch.setattr(state, "MIN_RENDER_INTERVAL", 0)
    monkeypatch.setattr(feeds, "PHONE_RENDER_INTERVAL", 0)
    for memory in (feeds._room_ids, state._local, state._versions, device._polls):
        memory.clear()
    yield
    for memory in (feeds._room_ids, state._local, state._versions, device._polls):
        memory.clear()
