import pytest
from django.utils import timezone

from tests.registration.factories import EventFactory, RegistrationFactory


@pytest.fixture
def past_event(db):
    event = EventFactory(
        status="past",
        starts_at=timezone.now() - timezone.timedelta(days=2),
        ends_at=timezone.now() - timezone.timedelta(days=2, hours=-6),
    )
    return event


@pytest.fixture
def checked_in(past_event):
    people = [
        RegistrationFactory(event=past_event, checked_in_at=past_event.starts_at) for _ in range(6)
    ]
    RegistrationFactory(event=past_event)  # registered but did not come
    RegistrationFactory(
        event=past_event, email="", email_normalised=None, checked_in_at=past_event.starts_at
    )  # came, no email
    return people


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Call a service and run what it queued for after the commit (the emails)."""

    def run(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(**kwargs)

    return run
