from tests.permissions import EVERYONE, SIGNED_IN, STAFF, Case


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
    Case("core:translation_overview", STAFF),
    Case(
        "core:translation_edit",
        STAFF,
        kwargs=lambda w: {"label": "events.event", "pk": _event(w).pk},
    ),
    Case("accounts:profile", SIGNED_IN),
    Case("directory:list", EVERYONE),
    Case("directory:detail", EVERYONE, kwargs=lambda w: {"slug": w["organisation_a"].slug}),
    Case("events:list", EVERYONE),
    Case("publishing:news_list", EVERYONE),
]
