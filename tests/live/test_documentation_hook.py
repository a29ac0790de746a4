"""The panel's main questions reach the meeting's documentation, nothing unapproved."""

import pytest
from django.apps import apps

from tests.live.factories import LiveQuestionFactory, LiveRoomFactory
from vernetzt.live.models import LiveQuestion


@pytest.mark.django_db
def test_documentation_lists_approved_questions_by_support_without_names():
    room = LiveRoomFactory()
    LiveQuestionFactory(room=room, text="Wie kommen kleine Vereine an Räume?", votes_count=3)
    LiveQuestionFactory(
        room=room, text="Wann gibt es Förderung?", votes_count=9, name="Kim Beispiel"
    )
    LiveQuestionFactory(
        room=room, text="Noch nicht freigegeben", status=LiveQuestion.Status.PENDING
    )
    LiveQuestionFactory(room=room, text="Ausgeblendet", status=LiveQuestion.Status.HIDDEN)
    LiveQuestionFactory(text="Anderes Treffen")

    sections = apps.get_app_config("live").documentation_sections(room.event)

    assert len(sections) == 1
    assert sections[0]["title"].endswith("Offenes Podium")
    assert [item["text"] for item in sections[0]["items"]] == [
        "Wann gibt es Förderung?",
        "Wie kommen kleine Vereine an Räume?",
    ]
    assert "Kim Beispiel" not in str(sections)
