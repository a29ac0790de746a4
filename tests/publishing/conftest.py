import pytest
from django.utils import timezone

from tests.registration.factories import (
    EventFactory,
    ProgrammeItemFactory,
    RegistrationFactory,
    StagePersonFactory,
)


@pytest.fixture
def event(db):
    start = timezone.now() - timezone.timedelta(days=3)
    event = EventFactory(
        slug="doku-test",
        title="Beispieltreffen Doku",
        status="past",
        starts_at=start,
        ends_at=start + timezone.timedelta(hours=6),
        partners="Beispielpartner e.V.",
        funders="Beispielministerium",
    )
    item = ProgrammeItemFactory(event=event, title="Begrüßung durch die Beispielministerin")
    StagePersonFactory(programme_item=item, name="Alex Bühne", role="speaker")
    return event


@pytest.fixture
def participants(event):
    from tests.factories import OrganisationFactory

    return [
        RegistrationFactory(
            event=event, organisation=OrganisationFactory(), checked_in_at=event.starts_at
        )
        for _ in range(3)
    ]
