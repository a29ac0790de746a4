"""Role x URL matrix of data protection (see tests/permissions.py)."""

from tests.permissions import EVERYONE, STAFF, Case


def _registration(w):
    from tests.registration.factories import EventFactory
    from vernetzt.registration.services import register_participant

    if "privacy_registration" not in w:
        event = EventFactory(slug="datenschutz-treffen")
        w["privacy_registration"], _ = register_participant(
            event=event, first_name="Kim", last_name="Auskunft", email="auskunft@example.org"
        )
    return w["privacy_registration"]


def token(w):
    registration = _registration(w)
    return {"slug": registration.event.slug, "token": registration.manage_token}


def organisation(w):
    return {"slug": w["organisation_b"].slug}


CASES = [
    Case("privacy:personal_export", EVERYONE, kwargs=token),
    Case("privacy:personal_export_json", EVERYONE, kwargs=token),
    Case("privacy:personal_erase", EVERYONE, kwargs=token),  # GET: the question only
    Case(
        "privacy:consent_withdraw",
        EVERYONE,
        kwargs=lambda w: {**token(w), "purpose": "photos"},
        method="post",
    ),
    Case("privacy:erased", EVERYONE),
    Case("privacy:staff_person", STAFF),
    Case(
        "privacy:staff_export",
        STAFF,
        method="post",
        data=lambda w: {"email": "auskunft@example.org", "format": "json"},
    ),
    # Without the confirmation box nothing is erased (400), but only staff get that far.
    Case("privacy:staff_erase", STAFF, method="post", data=lambda w: {"email": "x@example.org"}),
    Case("privacy:staff_organisation", STAFF, kwargs=organisation),
    Case("privacy:staff_organisation_find", STAFF),
]
