"""Role x URL matrix of forums (see tests/permissions.py)."""

from tests.permissions import EVERYONE, STAFF, Case

STAFF_AND_HOST = frozenset({"staff", "forum_host"})


def _forum(w):
    from tests.registration.factories import EventFactory, RegistrationFactory

    from .factories import ForumFactory, ForumHostFactory, ResultItemFactory

    if "forum" not in w:
        event = EventFactory(slug="foren-matrix")
        w["forum"] = ForumFactory(slot__event=event)
        ForumHostFactory(forum=w["forum"], user=w["users"]["forum_host"])
        w["forum_registration"] = RegistrationFactory(event=event)
        w["item"] = ResultItemFactory(forum=w["forum"])
        w["host_item"] = ResultItemFactory(
            forum=w["forum"], created_by=w["users"]["forum_host"], is_published=False
        )
    return w["forum"]


def _run(w):
    from vernetzt.forums.models import AssignmentRun

    if "run" not in w:
        w["run"] = AssignmentRun.objects.create(
            event=_forum(w).event, status="done", instance={"forums": []}
        )
    return w["run"]


def slug(w):
    return {"slug": _forum(w).event.slug}


def forum_pk(w):
    return {**slug(w), "pk": _forum(w).pk}


def token(w):
    return {**slug(w), "token": (_forum(w), w["forum_registration"])[1].manage_token}


def host_item_pk(w):
    return {**forum_pk(w), "item_pk": w["host_item"].pk}


def item_pk(w):
    _forum(w)
    return {"pk": w["item"].pk}


CASES = [
    Case("forums:staff_forums", STAFF, kwargs=slug),
    Case("forums:demand", STAFF, kwargs=slug),
    Case("forums:choice", STAFF, kwargs=slug, method="post", data=lambda w: {"open": "1"}),
    Case("forums:slot_create", STAFF, kwargs=slug),
    Case("forums:forum_create", STAFF, kwargs=slug),
    Case("forums:forum_edit", STAFF, kwargs=forum_pk),
    Case("forums:assignment", STAFF, kwargs=slug),
    Case("forums:run", STAFF, kwargs=slug, method="post"),
    Case(
        "forums:move",
        STAFF,
        kwargs=lambda w: {**slug(w), "pk": w["forum_registration"].pk},
        method="post",
        data=lambda w: {"forum": _forum(w).pk},
    ),
    Case("forums:publish", STAFF, kwargs=slug, method="post"),
    Case(
        "forums:run_json", STAFF, kwargs=lambda w: {**slug(w), "pk": _run(w).pk, "part": "instance"}
    ),
    Case("forums:host_list", STAFF_AND_HOST, kwargs=forum_pk),
    Case("forums:record", STAFF_AND_HOST, kwargs=forum_pk),
    Case("forums:record_edit", STAFF_AND_HOST, kwargs=host_item_pk),
    Case("forums:record_delete", STAFF_AND_HOST, kwargs=host_item_pk),
    Case("forums:rank", EVERYONE, kwargs=token, method="post"),
    Case("forums:participant_results", EVERYONE, kwargs=token),
    Case(
        "forums:support",
        EVERYONE,
        kwargs=lambda w: {**token(w), "pk": w["item"].pk},
        method="post",
    ),
    Case("forums:my_forums", STAFF_AND_HOST),
    Case("forums:needs", EVERYONE, query="?kind=all"),
    Case("forums:needs_csv", EVERYONE),
    Case("forums:needs_xlsx", EVERYONE),
    Case("forums:item_edit", STAFF, kwargs=item_pk),
    Case("forums:merge", STAFF, kwargs=item_pk, method="post"),
    Case("forums:tags", STAFF),
]
