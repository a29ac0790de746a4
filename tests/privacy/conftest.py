import pytest


@pytest.fixture
def media(settings, tmp_path):
    """A media folder of this test only, so that its search sees only this test's files."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def database_tasks(settings):
    """Background tasks as production runs them: rows in the database, a worker runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
