"""Role x URL matrix of news, photos, documentation and reports (see tests/permissions.py)."""

from tests.permissions import EVERYONE, STAFF, STAFF_AND_FUNDER, Case


def _event(w):
    from tests.registration.factories import EventFactory

    if "pub_event" not in w:
        w["pub_event"] = EventFactory(slug="doku-matrix", status="past")
    return w["pub_event"]


def _photo(w):
    from .factories import photo_for

    if "photo" not in w:
        w["photo"] = photo_for(_event(w))
    return w["photo"]


def _news(w):
    from django.utils import timezone

    from vernetzt.publishing.models import NewsPost

    if "news" not in w:
        w["news"] = NewsPost.objects.create(
            title="Rückblick",
            slug="rueckblick-matrix",
            teaser="Kurz",
            body="Text",
            publish_at=timezone.now(),
        )
    return {"slug": w["news"].slug}


def _published(w):
    from vernetzt.publishing import services

    if "documentation" not in w:
        documentation = services.get_or_create_documentation(event=_event(w))
        w["documentation"] = services.publish_documentation(documentation=documentation)
    return {"slug": _event(w).slug}


def slug(w):
    return {"slug": _event(w).slug}


CASES = [
    Case("publishing:news_list", EVERYONE),
    Case("publishing:news_feed", EVERYONE),
    Case(
        "publishing:news_detail",
        EVERYONE,
        kwargs=_news,
    ),
    Case("publishing:gallery", EVERYONE, kwargs=slug),
    Case("publishing:documentation", EVERYONE, kwargs=_published),
    Case("publishing:documentation_pdf", EVERYONE, kwargs=_published),
    Case("publishing:photo_upload", STAFF, kwargs=slug),
    Case("publishing:photo_edit", STAFF, kwargs=lambda w: {**slug(w), "pk": _photo(w).pk}),
    Case("publishing:documentation_edit", STAFF, kwargs=slug),
    Case(
        "publishing:documentation_publish",
        STAFF,
        kwargs=_published,
        method="post",
        data=lambda w: {"action": "publish"},
    ),
    Case("publishing:report_index", STAFF_AND_FUNDER),
    Case("publishing:report", STAFF_AND_FUNDER, kwargs=lambda w: {"year": 2025}),
    Case("publishing:report_pdf", STAFF_AND_FUNDER, kwargs=lambda w: {"year": 2025}),
    Case("publishing:report_xlsx", STAFF_AND_FUNDER, kwargs=lambda w: {"year": 2025}),
]
