"""Leichte Sprache, sign-language videos and the accessibility statement (BITV 2.0)."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory
from vernetzt.core.admin import SignLanguageVideoForm
from vernetzt.core.easy_read import check_easy_read, make_test_video
from vernetzt.core.models import AccessibilityFeedback, EasyReadPage, SignLanguageVideo
from vernetzt.core.services import report_barrier


@pytest.fixture(scope="module")
def good_video():
    return make_test_video(seconds=1)


def test_checker_warns_about_long_sentences_passive_voice_and_long_words():
    with translation.override("en"):
        ok = check_easy_read("Sie können sich anmelden. Das Treffen ist im Mai.\nAnmelde·formular")
        assert ok == []
        warnings = check_easy_read(
            "Die Anmeldung wird von unserem Team geprüft und danach bekommen Sie eine E-Mail "
            "mit allen wichtigen Angaben zum Treffen im Mai. Das Vernetzungstreffen ist schön."
        )
    assert any(w.startswith("Sentence with 21 words (at most 15)") for w in warnings)
    assert any("Passive voice? “wird”" in w for w in warnings)
    assert any("Long word: “Vernetzungstreffen”" in w for w in warnings)


@pytest.mark.django_db
def test_video_upload_is_checked_for_size_and_frame_rate(good_video):
    def form(data: bytes, captions=b"WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n"):
        files = {"video": SimpleUploadedFile("v.webm", data, "video/webm")}
        if captions is not None:
            files["captions"] = SimpleUploadedFile("c.vtt", captions, "text/vtt")
        return SignLanguageVideoForm(
            {"title": "Willkommen", "position": 0, "is_published": "on"}, files
        )

    with translation.override("en"):
        small = form(make_test_video(width=160, height=120, frame_rate=25, seconds=0.4))
        assert not small.is_valid() and "at least 320x240" in str(small.errors)
        slow = form(make_test_video(frame_rate=15, seconds=0.4))
        assert not slow.is_valid() and "at least 25" in str(slow.errors)
        broken = form(b"no video at all")
        assert not broken.is_valid() and "not a video" in str(broken.errors)
        bad_captions = form(good_video, captions=b"1\n00:00:00,000 --> 00:00:01,000\nHallo")
        assert not bad_captions.is_valid() and "WebVTT" in str(bad_captions.errors)
    good = form(good_video)
    assert good.is_valid(), good.errors
    video = good.save()
    assert (video.width, video.height, video.frame_rate) == (320, 240, 25.0)


@pytest.mark.django_db
def test_sign_language_page_plays_downloads_and_has_captions(client, good_video):
    video = SignLanguageVideoForm(
        {"title": "Willkommen", "position": 0, "is_published": "on"},
        {
            "video": SimpleUploadedFile("v.webm", good_video, "video/webm"),
            "captions": SimpleUploadedFile("c.vtt", b"WEBVTT\n", "text/vtt"),
        },
    )
    assert video.is_valid()
    video = video.save()
    hidden = SignLanguageVideo.objects.create(title="Entwurf", video=video.video.name)
    page = client.get(reverse("core:sign_language")).content.decode()
    assert "Willkommen" in page and "Entwurf" not in page
    assert '<track kind="captions" srclang="de"' in page
    download = client.get(
        reverse("core:sign_language_file", args=[video.pk, "video"]), {"download": "1"}
    )
    assert "attachment" in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == good_video
    captions = client.get(reverse("core:sign_language_file", args=[video.pk, "captions"]))
    assert captions["Content-Type"].startswith("text/vtt")
    assert (
        client.get(reverse("core:sign_language_file", args=[hidden.pk, "video"])).status_code == 404
    )
    assert (
        client.get(reverse("core:sign_language_file", args=[video.pk, "other"])).status_code == 404
    )


@pytest.mark.django_db
def test_easy_read_pages_are_linked_from_every_page_and_the_start_page(client):
    EasyReadPage.objects.create(
        slug="was-ist-vernetzt",
        title="Was ist vernetzt?",
        body="Ein Satz.\n\n- eins\n- zwei",
        explains="home",
        is_published=True,
    )
    EasyReadPage.objects.create(slug="entwurf", title="Entwurf", body="Noch nicht.")
    home = client.get(reverse("core:home")).content.decode()
    assert reverse("core:easy_read_page", args=["was-ist-vernetzt"]) in home
    assert reverse("core:easy_read_index") in home  # the footer
    index = client.get(reverse("core:easy_read_index")).content.decode()
    assert "Was ist vernetzt?" in index and "Entwurf" not in index
    page = client.get(reverse("core:easy_read_page", args=["was-ist-vernetzt"])).content.decode()
    assert '<article class="prose easy-read" lang="de"' in page and "<li>zwei</li>" in page
    assert client.get(reverse("core:easy_read_page", args=["entwurf"])).status_code == 404


@pytest.mark.django_db
def test_accessibility_statement_has_what_bitv_asks_for(client):
    from vernetzt.core.demo import load

    load(stdout=open("/dev/null", "w"))  # noqa: SIM115
    client.post(reverse("core:set_language"), {"language": "en"})
    page = client.get(reverse("core:site_page", args=["barrierefreiheit"])).content.decode()
    for text in (
        "State of compatibility",
        "Known barriers",
        "Last check of the website",
        "Report a barrier",
        "lbit.hessen.de",
        "not yet been reviewed by native speakers",
    ):
        assert text in page


@pytest.mark.django_db
def test_reported_barrier_reaches_staff_with_the_language_to_answer_in(
    client, django_capture_on_commit_callbacks
):
    from vernetzt.core.demo import load

    load(stdout=open("/dev/null", "w"))  # noqa: SIM115
    UserFactory(email="team@example.org", is_staff=True)
    client.post(reverse("core:set_language"), {"language": "ar"})
    url = reverse("core:report_barrier")
    data = {"email": "visitor@example.org", "message": "النص صغير جدًا", "page": "/"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
        client.post(url, data)  # a double click: still one report
    assert response.status_code == 302
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.language == "ar" and feedback.message == "النص صغير جدًا"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["team@example.org"]
    assert "Arabic" in mail.outbox[0].body or "Arabisch" in mail.outbox[0].body
    # under the operating organisation's signature (the demo's), as every other email
    assert "\n-- \n" in mail.outbox[0].body and "/seite/impressum/" in mail.outbox[0].body
    # a missing email address: the form says so and keeps the message
    response = client.post(url, {"message": "Kontrast"})
    assert response.status_code == 400 and "Kontrast" in response.content.decode()


@pytest.mark.django_db
def test_report_barrier_service_keeps_one_report_per_double_submit():
    first = report_barrier(name="", email="a@example.org", page="", message="x", language="de")
    second = report_barrier(name="", email="A@example.org", page="", message="x", language="de")
    assert first.pk == second.pk
