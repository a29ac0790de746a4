"""Forums feed the meeting's documentation with their published needs and demands."""

import pytest
from django.apps import apps

from tests.forums.factories import ForumFactory, ResultItemFactory
from vernetzt.forums.models import ResultItem
from vernetzt.publishing.queries import contributed_sections


@pytest.mark.django_db
def test_documentation_lists_published_results_per_forum():
    forum = ForumFactory(title="Ressourcen teilen")
    event = forum.event
    ResultItemFactory(forum=forum, kind=ResultItem.Kind.DEMAND, text="Räume für kleine Vereine")
    ResultItemFactory(forum=forum, text="Noch nicht freigegeben", is_published=False)
    kept = ResultItemFactory(forum=forum, text="Doppelt")
    ResultItemFactory(forum=forum, text="Doppelt gemerged", merged_into=kept)
    ResultItemFactory(text="Anderes Treffen")

    sections = apps.get_app_config("forums").documentation_sections(event)

    assert [section["title"] for section in sections] == ["Forum: Ressourcen teilen"]
    texts = [item["text"] for item in sections[0]["items"]]
    assert texts == ["Räume für kleine Vereine", "Doppelt"]  # demands before needs
    assert any(
        section["title"] == "Forum: Ressourcen teilen" for section in contributed_sections(event)
    )
