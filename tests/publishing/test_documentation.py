import io

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from vernetzt.publishing import queries, services
from vernetzt.publishing.models import NewsPost

from .factories import photo_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def contributed(monkeypatch):
    """An app (here: live) that contributes a section through the hook."""
    config = apps.get_app_config("live")
    monkeypatch.setattr(
        config,
        "documentation_sections",
        lambda event: [
            {
                "title": "Die Hauptfragen des Podiums",
                "items": [{"title": "Frage 1", "text": "Wie bekommen kleine Vereine Geld?"}],
            }
        ],
        raising=False,
    )


def test_pdf_reads_back_with_programme_credits_and_sections(event, participants, contributed):
    photo_for(event, credit="Pola Sell")
    documentation = services.get_or_create_documentation(event=event)
    services.publish_documentation(documentation=documentation)
    from django.test import Client

    response = Client().get(reverse("publishing:documentation_pdf", kwargs={"slug": event.slug}))
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Begrüßung durch die Beispielministerin" in text
    assert "Alex Bühne" in text
    assert "Pola Sell" in text
    assert "Wie bekommen kleine Vereine Geld?" in text
    assert "Beispielministerium" in text
    assert len(reader.pages) >= 4  # cover, contents, sections
    assert reader.trailer["/Root"].get("/MarkInfo") or reader.trailer["/Root"].get(
        "/StructTreeRoot"
    )


def test_figures_and_first_time_associations(event, participants):
    facts = queries.figures(event)
    assert facts["participants"] == 3
    assert facts["organisations"] == 3
    assert len(facts["first_time"]) == 3


def test_publishing_with_a_photo_lacking_consent_is_refused(event):
    photo = photo_for(event, caption="Gruppenbild")
    documentation = services.get_or_create_documentation(event=event)
    photo.lacks_consent = True
    photo.save()
    with pytest.raises(services.PublishingError) as error:
        services.publish_documentation(documentation=documentation)
    assert "Gruppenbild" in str(error.value)
    documentation.refresh_from_db()
    assert not documentation.is_published


def test_draft_is_not_public(event, client):
    services.get_or_create_documentation(event=event)
    url = reverse("publishing:documentation", kwargs={"slug": event.slug})
    assert client.get(url).status_code == 404
    pdf_url = reverse("publishing:documentation_pdf", kwargs={"slug": event.slug})
    assert client.get(pdf_url).status_code == 404


def test_a_failing_contributor_does_not_break_the_documentation(event, monkeypatch):
    def broken(event):
        raise RuntimeError("boom")

    monkeypatch.setattr(
        apps.get_app_config("forums"), "documentation_sections", broken, raising=False
    )
    assert queries.contributed_sections(event) == []


def test_news_scheduled_for_later_is_not_listed_yet(client):
    NewsPost.objects.create(
        slug="jetzt", title="Jetzt da", teaser="t", body="b", publish_at=timezone.now()
    )
    NewsPost.objects.create(
        slug="spaeter",
        title="Kommt später",
        teaser="t",
        body="b",
        publish_at=timezone.now() + timezone.timedelta(days=1),
    )
    NewsPost.objects.create(slug="entwurf", title="Entwurf", teaser="t", body="b")
    page = client.get(reverse("publishing:news_list")).content.decode()
    assert "Jetzt da" in page and "Kommt später" not in page and "Entwurf" not in page
    feed = client.get(reverse("publishing:news_feed"))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert b"Jetzt da" in feed.content and "Kommt später".encode() not in feed.content
    assert (
        client.get(reverse("publishing:news_detail", kwargs={"slug": "spaeter"})).status_code == 404
    )


def test_report_counts_new_and_returning_associations(event, participants):
    from tests.registration.factories import EventFactory, RegistrationFactory

    earlier = EventFactory(
        status="past",
        starts_at=event.starts_at.replace(year=event.starts_at.year - 1),
        ends_at=event.ends_at.replace(year=event.ends_at.year - 1),
    )
    RegistrationFactory(event=earlier, organisation=participants[0].organisation)
    data = queries.report(event.starts_at.year)
    assert data["participants"] == 3
    assert data["organisations"] == 3
    assert data["organisations_returning"] == 1
    assert data["organisations_new"] == 2


def test_hostile_text_blocks_are_escaped(event, client):
    documentation = services.get_or_create_documentation(event=event)
    documentation.greeting = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    documentation.save()
    services.publish_documentation(documentation=documentation)
    page = client.get(reverse("publishing:documentation", kwargs={"slug": event.slug}))
    body = page.content.decode()
    assert "<script>alert(1)" not in body and "&lt;script&gt;" in body
    assert 'onerror="alert(2)"' not in body


def test_report_marks_german_titles_in_another_language(event, participants):
    """The yearly report in Arabic: meeting and forum titles without a translation and the
    results recorded in German are marked lang="de" (also in its section headings)."""
    from django.test import Client

    from tests.factories import UserFactory
    from tests.forums.factories import ForumFactory, ResultItemFactory, SlotFactory

    forum = ForumFactory(slot=SlotFactory(event=event), title="Räume für kleine Vereine")
    ResultItemFactory(forum=forum, text="Ein Raum am Abend")
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    client.cookies["vernetzt_language"] = "ar"
    page = client.get(reverse("publishing:report", kwargs={"year": event.starts_at.year}))
    body = page.content.decode()
    assert '<span lang="de" dir="auto">Räume für kleine Vereine</span>' in body
    assert '<span lang="de" dir="auto">Beispieltreffen Doku</span>' in body
    assert '<span lang="de" dir="auto">Ein Raum am Abend</span>' in body
