"""Content in several languages: fallback marked German, status, staff page, machine suggestions."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory
from tests.registration.factories import EventFactory
from vernetzt.core import services
from vernetzt.core.translations import Status, status, store, translated
from vernetzt.registration.forms import question_field
from vernetzt.registration.models import Question


def render(obj, tag="tr", field="title"):
    return Template("{% load content %}{% " + tag + ' obj "' + field + '" %}').render(
        Context({"obj": obj})
    )


@pytest.mark.django_db
def test_german_fallback_is_marked_and_a_translation_is_shown():
    event = EventFactory(title="Vernetzungstreffen 2026", description="Ein Tag.\n\nZwei Absätze.")
    with translation.override("de"):
        assert render(event) == '<span dir="auto">Vernetzungstreffen 2026</span>'
    with translation.override("en"):
        html = render(event)
        assert 'lang="de"' in html and "German original" in html
        block = render(event, "tr_block", "description")
        assert '<div class="prose" lang="de" dir="auto"><p>Ein Tag.</p>' in block
    store(event, "title", "ar", "لقاء التشبيك 2026", Status.HUMAN)
    event.save()
    with translation.override("ar"):
        html = render(event)
        assert "لقاء التشبيك 2026" in html and 'lang="de"' not in html


@pytest.mark.django_db
def test_machine_suggestion_is_not_shown_and_a_changed_original_makes_it_outdated():
    event = EventFactory(title="Vernetzungstreffen")
    store(event, "title", "en", "Networking meeting", Status.MACHINE)
    event.save()
    assert translated(event, "title", "en").text == "Vernetzungstreffen"
    assert status(event, "title", "en") == Status.MACHINE
    store(event, "title", "en", "Networking meeting", Status.HUMAN)
    event.title = "Vernetzungstreffen 2027"
    event.save()
    assert status(event, "title", "en") == Status.OUTDATED
    # An outdated translation by a person is still better than nothing: it is shown.
    assert translated(event, "title", "en").text == "Networking meeting"


@pytest.mark.django_db
def test_staff_page_saves_translations_per_language_and_accepts_suggestions(client):
    event = EventFactory(title="Vernetzungstreffen", theme="Zusammen")
    store(event, "theme", "tr", "Birlikte", Status.MACHINE)
    event.save()
    client.force_login(UserFactory(is_staff=True))
    url = reverse("core:translation_edit", args=["events.event", event.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Türkçe" in page.content.decode()
    response = client.post(
        url, {"ar__title": "لقاء التشبيك", "tr__theme": "Birlikte", "accept__tr__theme": "on"}
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert status(event, "title", "ar") == Status.HUMAN
    assert status(event, "theme", "tr") == Status.HUMAN
    assert status(event, "title", "uk") == Status.MISSING
    overview = client.get(reverse("core:translation_overview"), {"language": "uk"})
    assert "Vernetzungstreffen" in overview.content.decode()
    # too long: the form says so and keeps the text
    response = client.post(url, {"ar__title": "x" * 300})
    assert response.status_code == 200 and "x" * 300 in response.content.decode()


@pytest.mark.django_db
def test_question_choices_follow_the_language_and_keep_german_values():
    event = EventFactory(builtin_questions=False)
    question = Question.objects.create(
        event=event, key="essen", label="Essen", kind="single", choices=["vegan", "mit Fleisch"]
    )
    with translation.override("en"):
        field = question_field(question)
        assert 'lang="de"' in str(field.label)
        assert all('lang="de"' in str(label) for _value, label in field.choices)
    store(question, "label", "en", "Food", Status.HUMAN)
    store(question, "choices", "en", "vegan\nwith meat", Status.HUMAN)
    question.save()
    with translation.override("en"):
        field = question_field(question)
        assert "Food" in str(field.label) and 'lang="de"' not in str(field.label)
        assert [(v, str(label)) for v, label in field.choices] == [
            ("vegan", "vegan"),
            ("mit Fleisch", "with meat"),
        ]


class _Provider(BaseHTTPRequestHandler):
    """Stands in for LibreTranslate and DeepL: answers with the text upside down."""

    seen: list = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.seen.append((self.path, dict(self.headers), body))
        if self.path == "/translate":
            answer = {"translatedText": [f"[{body['target']}] {q}" for q in body["q"]]}
        elif self.path == "/v2/translate":
            target = body["target_lang"]
            answer = {"translations": [{"text": f"[{target}] {t}"} for t in body["text"]]}
        else:
            self.send_response(500)
            self.end_headers()
            return
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def provider_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Provider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Provider.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_libretranslate_suggestions_are_stored_as_machine_suggestions(settings, provider_url):
    settings.MACHINE_TRANSLATION = "libretranslate"
    settings.LIBRETRANSLATE_URL = provider_url
    event = EventFactory(title="Vernetzungstreffen", theme="Zusammen", description="")
    store(event, "theme", "ar", "معاً", Status.HUMAN)
    event.save()
    assert services.suggest_translations(obj=event, language="ar") == 1
    event.refresh_from_db()
    assert event.translations["ar"]["title"]["text"] == "[ar] Vernetzungstreffen"
    assert status(event, "title", "ar") == Status.MACHINE
    assert event.translations["ar"]["theme"]["text"] == "معاً"  # a person's text stays
    assert _Provider.seen[0][2]["source"] == "de"


@pytest.mark.django_db
def test_deepl_suggestions_through_the_staff_page(settings, provider_url, client):
    settings.MACHINE_TRANSLATION = "deepl"
    settings.DEEPL_API_KEY = "test-key"
    settings.DEEPL_API_URL = provider_url + "/v2/translate"
    event = EventFactory(title="Vernetzungstreffen")
    client.force_login(UserFactory(is_staff=True))
    url = reverse("core:translation_edit", args=["events.event", event.pk])
    assert client.post(url, {"suggest": "tr"}).status_code == 302
    event.refresh_from_db()
    assert event.translations["tr"]["title"]["text"] == "[TR] Vernetzungstreffen"
    assert _Provider.seen[0][1]["Authorization"] == "DeepL-Auth-Key test-key"
    with translation.override("tr"):
        assert translated(event, "title").text == "Vernetzungstreffen"  # not yet reviewed


@pytest.mark.django_db
def test_a_provider_that_fails_gives_a_message_not_an_error(settings, provider_url, client):
    settings.MACHINE_TRANSLATION = "libretranslate"
    settings.LIBRETRANSLATE_URL = provider_url + "/broken"
    event = EventFactory(title="Vernetzungstreffen")
    client.force_login(UserFactory(is_staff=True))
    url = reverse("core:translation_edit", args=["events.event", event.pk])
    response = client.post(url, {"suggest": "ar"}, follow=True)
    assert response.status_code == 200
    assert "did not answer" in response.content.decode() or "antwortet" in response.content.decode()
