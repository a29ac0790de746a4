"""Legal pages and documentation texts on the one content mechanism (decision 0134):
German base + `translations`, the data migration from the older per-language storage, what a
visitor sees, and the staff translations page listing them."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory
from tests.registration.factories import EventFactory
from vernetzt.core.models import SitePage
from vernetzt.core.queries import translation_overview
from vernetzt.core.translations import Status, fingerprint, status, store, translated
from vernetzt.publishing.models import Documentation
from vernetzt.publishing.services import get_or_create_documentation


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_legal_pages_one_row_per_language_become_german_with_translations():
    old = migrate([("core", "0004_merge_20261130_2008")])
    OldPage = old.get_model("core", "SitePage")
    OldPage.objects.create(slug="impressum", language="de", title="Impressum", body="Text A")
    OldPage.objects.create(slug="impressum", language="en", title="Legal notice", body="Text B")
    OldPage.objects.create(slug="impressum", language="ar", title="بيانات", body="نص")
    OldPage.objects.create(slug="datenschutz", language="de", title="Datenschutz", body="D")

    migrate([("core", "0005_sitepage_translations")])
    new = migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    del new

    page = SitePage.objects.get(slug="impressum")
    assert (page.title, page.body) == ("Impressum", "Text A")
    assert translated(page, "title", "en") == "Legal notice"
    assert translated(page, "body", "ar") == "نص"
    assert status(page, "body", "en") == Status.HUMAN
    assert page.translations["en"]["body"]["source"] == fingerprint("Text A")
    assert SitePage.objects.count() == 2
    assert SitePage.objects.get(slug="datenschutz").translations == {}


@pytest.mark.django_db(transaction=True)
def test_documentation_english_fields_move_into_translations():
    event = EventFactory()
    old = migrate([("publishing", "0002_newspost_translations")])
    OldDocumentation = old.get_model("publishing", "Documentation")
    OldDocumentation.objects.create(
        event_id=event.pk, greeting_de="Hallo", greeting_en="Hello", thanks_de="Danke"
    )
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    documentation = Documentation.objects.get(event=event)
    assert documentation.greeting == "Hallo"
    assert translated(documentation, "greeting", "en") == "Hello"
    assert status(documentation, "thanks", "en") == Status.MISSING


@pytest.fixture
def legal_page(db):
    return SitePage.objects.create(
        slug="impressum", title="Impressum", body="Verantwortlich: Beispielverein Anker e.V."
    )


def visit(url, language):
    client = Client()
    client.cookies["vernetzt_language"] = language
    return client.get(url).content.decode()


def test_a_legal_page_shows_the_translation_or_german_marked(legal_page):
    url = reverse("core:site_page", args=["impressum"])
    html = visit(url, "ar")
    assert '<span lang="de" dir="auto">Impressum</span>' in html
    assert 'lang="de" dir="auto"><p>Verantwortlich' in html
    assert "lang-hint" in html

    store(legal_page, "title", "ar", "بيانات الناشر", Status.HUMAN)
    store(legal_page, "body", "ar", "المسؤول: Beispielverein Anker e.V.", Status.HUMAN)
    legal_page.save()
    html = visit(url, "ar")
    assert "بيانات الناشر" in html and "المسؤول" in html
    assert 'lang="de" dir="auto"><p>Verantwortlich' not in html
    # German visitors see the German text, unmarked by a hint.
    html = visit(url, "de")
    assert "Verantwortlich" in html and "lang-hint" not in html


def test_a_machine_suggestion_for_a_legal_page_is_not_shown(legal_page):
    store(legal_page, "body", "tr", "Sorumlu: ...", Status.MACHINE)
    legal_page.save()
    html = visit(reverse("core:site_page", args=["impressum"]), "tr")
    assert "Sorumlu" not in html and "Verantwortlich" in html


def test_legal_pages_and_documentation_are_on_the_staff_translation_page(legal_page):
    documentation = get_or_create_documentation(event=EventFactory())
    store(legal_page, "title", "ar", "بيانات الناشر", Status.HUMAN)
    store(legal_page, "body", "ar", "نص", Status.HUMAN)
    legal_page.save()
    legal_page.body = "Geänderter Text"
    legal_page.save()

    with translation.override("en"):
        summary, rows = translation_overview("ar")
        names = {str(row["name"]) for row in summary}
    assert {"site pages", "documentations"} <= names
    states = {(type(row["obj"]).__name__, row["obj"].pk): row["states"] for row in rows}
    assert Status.OUTDATED in states[("SitePage", legal_page.pk)]
    assert Status.MISSING in states[("Documentation", documentation.pk)]


def test_staff_translate_a_legal_page_on_the_translation_page(legal_page, client):
    client.force_login(UserFactory(is_staff=True))
    url = reverse("core:translation_edit", args=["core.sitepage", legal_page.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Verantwortlich" in page.content.decode()
    response = client.post(url, {"tr__title": "Künye", "tr__body": "Sorumlu: Anker e.V."})
    assert response.status_code in (200, 302)
    legal_page.refresh_from_db()
    assert translated(legal_page, "title", "tr") == "Künye"


def test_documentation_texts_in_the_visitors_language_or_german_marked(db):
    event = EventFactory()
    documentation = get_or_create_documentation(event=event)
    documentation.greeting = "Liebe Vereine, willkommen."
    documentation.thanks = "Wir danken allen."
    store(documentation, "greeting", "ar", "أهلاً بالجمعيات.", Status.HUMAN)
    documentation.status = Documentation.Status.PUBLISHED
    documentation.save()
    url = reverse("publishing:documentation", args=[event.slug])

    html = visit(url, "ar")
    assert "أهلاً بالجمعيات." in html
    assert 'lang="de" dir="auto"><p>Wir danken allen.' in html  # thanks: German, marked
    assert "Liebe Vereine" not in html
    # A choice of language for the PDF, every language of the site.
    pdf_url = reverse("publishing:documentation_pdf", args=[event.slug])
    for code in ("de", "en", "tr", "uk", "fa"):
        assert f'href="{pdf_url}?lang={code}"' in html
    # ?lang= shows the page in another language, German where nothing is translated.
    html = visit(f"{url}?lang=de", "ar")
    assert "Liebe Vereine" in html and "lang-hint" not in html


@pytest.mark.parametrize("current", ["de", "ar", "fa"])
def test_the_pdf_language_choice_lists_every_other_language_once(current):
    from django.template.loader import render_to_string

    with translation.override(current):
        html = render_to_string(
            "core/includes/pdf_languages.html",
            {"url": "/x.pdf", "label": "PDF", "SITE_LANGUAGES": settings.LANGUAGES},
        )
    links = re.findall(r'href="/x\.pdf\?lang=(\w+)"', html)
    assert links == [code for code, _name in settings.LANGUAGES if code != current]
    text = re.sub(r"<[^>]+>", "", html)
    assert ": ·" not in text.replace("\n", "") and "· )" not in text and "·  ·" not in text
