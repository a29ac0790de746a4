"""Role x URL matrix of meetings and registration (see tests/permissions.py)."""

from tests.permissions import EVERYONE, STAFF, Case


def _event(w):
    from .factories import EventFactory

    if "event" not in w:
        w["event"] = EventFactory(slug="matrix-treffen")
    return w["event"]


def _registration(w):
    from vernetzt.registration.services import register_participant

    if "registration" not in w:
        w["registration"], _ = register_participant(
            event=_event(w), first_name="Kim", last_name="Matrix", email="matrix@example.org"
        )
        w["registration"].checked_in_at = w["event"].starts_at
    return w["registration"]


def _item(w):
    from .factories import ProgrammeItemFactory

    if "item" not in w:
        w["item"] = ProgrammeItemFactory(event=_event(w))
    return w["item"]


def _person(w):
    from .factories import StagePersonFactory

    if "person" not in w:
        w["person"] = StagePersonFactory(programme_item=_item(w))
    return w["person"]


def slug(w):
    return {"slug": _event(w).slug}


def token(w):
    return {"slug": _event(w).slug, "token": _registration(w).manage_token}


def reg_pk(w):
    return {"slug": _event(w).slug, "pk": _registration(w).pk}


def question_pk(w):
    from vernetzt.registration.models import Question

    return {"slug": _event(w).slug, "pk": Question.objects.filter(event=_event(w)).first().pk}


CASES = [
    Case("registration:received", EVERYONE, kwargs=slug),
    Case("registration:resend_link", EVERYONE, kwargs=slug),
    Case(
        "registration:resend_link",
        EVERYONE,
        kwargs=slug,
        method="post",
        data=lambda w: {"email": "matrix@example.org"},
    ),
    Case("events:detail", EVERYONE, kwargs=slug),
    Case("events:create", STAFF),
    Case("events:venue_create", STAFF),
    Case("events:manage", STAFF, kwargs=slug),
    Case("events:programme", STAFF, kwargs=slug),
    Case("events:programme_item", STAFF, kwargs=lambda w: {**slug(w), "pk": _item(w).pk}),
    Case(
        "events:programme_item_delete",
        STAFF,
        kwargs=lambda w: {**slug(w), "pk": _item(w).pk},
        method="post",
    ),
    Case(
        "events:stage_person_delete",
        STAFF,
        kwargs=lambda w: {**slug(w), "pk": _person(w).pk},
        method="post",
    ),
    Case("events:copy", STAFF, kwargs=slug),
    Case("registration:register", EVERYONE, kwargs=slug),
    Case("registration:organisation_search", EVERYONE, kwargs=slug, query="?q=Beispiel"),
    Case("registration:manage", EVERYONE, kwargs=token),
    Case("registration:cancel", EVERYONE, kwargs=token, method="post"),
    Case("registration:ics", EVERYONE, kwargs=token),
    Case("registration:ticket_pdf", EVERYONE, kwargs=token),
    Case("registration:certificate", frozenset(), kwargs=token),  # before the meeting: 404
    Case("registration:checkin", STAFF, kwargs=slug),
    Case("registration:checkin_search", STAFF, kwargs=slug, query="?q=Matrix"),
    Case(
        "registration:checkin_scan",
        STAFF,
        kwargs=slug,
        method="post",
        data=lambda w: {"code": _registration(w).ticket_code},
    ),
    Case("registration:checkin_counter", STAFF, kwargs=slug),
    Case("registration:checkin_person", STAFF, kwargs=reg_pk, method="post"),
    Case("registration:checkin_undo", STAFF, kwargs=reg_pk, method="post"),
    Case("registration:staff_list", STAFF, kwargs=slug),
    Case("registration:staff_summary", STAFF, kwargs=slug),
    Case("registration:staff_add", STAFF, kwargs=slug),
    Case("registration:staff_edit", STAFF, kwargs=reg_pk),
    Case("registration:staff_cancel", STAFF, kwargs=reg_pk, method="post"),
    Case(
        "registration:staff_move",
        STAFF,
        kwargs=reg_pk,
        method="post",
        data=lambda w: {"to": "waiting"},
    ),
    Case("registration:export_csv", STAFF, kwargs=slug),
    Case("registration:export_xlsx", STAFF, kwargs=slug),
    Case("registration:participants_pdf", STAFF, kwargs=slug),
    Case("registration:badges_pdf", STAFF, kwargs=slug),
    Case("registration:questions", STAFF, kwargs=slug),
    Case("registration:question_edit", STAFF, kwargs=question_pk),
]
