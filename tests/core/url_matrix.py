from tests.permissions import EVERYONE, SIGNED_IN, STAFF, Case


def _easy_read(w):
    from vernetzt.core.models import EasyReadPage

    if "easy_read" not in w:
        w["easy_read"] = EasyReadPage.objects.create(
            slug="test", title="Test", body="Ein Satz.", is_published=True
        )
    return w["easy_read"]


def _video(w):
    from django.core.files.base import ContentFile

    from vernetzt.core.models import SignLanguageVideo

    if "video" not in w:
        video = SignLanguageVideo(title="Test", is_published=True)
        video.video.save("test.mp4", ContentFile(b"not really a video"), save=False)
        video.captions.save("test.vtt", ContentFile(b"WEBVTT\n"), save=False)
        video.save()
        w["video"] = video
    return w["video"]


def _event(w):
    from tests.registration.factories import EventFactory

    if "event" not in w:
        w["event"] = EventFactory(slug="matrix-treffen")
    return w["event"]


CASES = [
    Case("core:home", EVERYONE),
    Case("core:healthz", EVERYONE),
    Case("core:set_language", EVERYONE, method="post", data=lambda w: {"language": "en"}),
    Case("core:site_page", EVERYONE, kwargs=lambda w: {"slug": "impressum"}),
    Case("core:easy_read_index", EVERYONE),
    Case("core:easy_read_page", EVERYONE, kwargs=lambda w: {"slug": _easy_read(w).slug}),
    Case("core:sign_language", EVERYONE),
    Case(
        "core:sign_language_file",
        EVERYONE,
        kwargs=lambda w: {"pk": _video(w).pk, "kind": "captions"},
    ),
    Case(
        "core:report_barrier",
        EVERYONE,
        method="post",
        data=lambda w: {"email": "a@example.org", "message": "Kontrast zu schwach"},
    ),
    Case("core:translation_overview", STAFF),
    Case("core:site_settings", STAFF),
    Case(
        "core:site_settings",
        STAFF,
        method="post",
        data=lambda w: {"organisation_name": "Kompetenzzentrum (Matrix)"},
    ),
    Case(
        "core:translation_edit",
        STAFF,
        kwargs=lambda w: {"label": "events.event", "pk": _event(w).pk},
    ),
    Case("core:style_guide", EVERYONE),
    Case("core:robots_txt", EVERYONE),
    # Development only (DEBUG): the matrix runs with DEBUG off, where they do not exist.
    Case("core:dev_emails", frozenset()),
    Case("core:dev_email", frozenset(), kwargs=lambda w: {"stem": "20260101-000000-0-0"}),
    Case("accounts:profile", SIGNED_IN),
    Case("accounts:my_area", SIGNED_IN),
    Case("directory:list", EVERYONE),
    Case("directory:detail", EVERYONE, kwargs=lambda w: {"slug": w["organisation_a"].slug}),
    Case("events:list", EVERYONE),
    Case("publishing:news_list", EVERYONE),
]
