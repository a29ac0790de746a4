from tests.permissions import EVERYONE, ORGANISATION_A_ADMINS, SIGNED_IN, STAFF, Case


def _invitation(w):
    from tests.directory.factories import InvitationFactory  # noqa: PLC0415 - needs the db

    invitation = InvitationFactory(organisation=w["organisation_a"], email="member@example.org")
    return {"token": invitation.token}


def _slug_a(w):
    return {"slug": w["organisation_a"].slug}


CASES = [
    Case("directory:map", EVERYONE),
    Case("directory:map_data", EVERYONE),
    Case("directory:districts_geojson", EVERYONE),
    Case("directory:open_data", EVERYONE),
    Case("directory:open_data_geojson", EVERYONE),
    Case("directory:open_data_csv", EVERYONE),
    Case("directory:contact", EVERYONE, kwargs=_slug_a),
    Case("directory:edit", ORGANISATION_A_ADMINS, kwargs=_slug_a),
    Case(
        "directory:edit",
        ORGANISATION_A_ADMINS,
        kwargs=_slug_a,
        method="post",
        data=lambda w: {"name": ""},
    ),
    Case("directory:invite", ORGANISATION_A_ADMINS, kwargs=_slug_a),
    Case("directory:invitation_accept", SIGNED_IN, kwargs=_invitation),
    Case("directory:manage", STAFF),
    Case("directory:import", STAFF),
    Case("directory:export", STAFF, kwargs=lambda w: {"format": "csv"}),
    Case("directory:export", STAFF, kwargs=lambda w: {"format": "xlsx"}),
    Case("directory:merge", STAFF, kwargs=_slug_a),
    Case("directory:verify", STAFF, kwargs=_slug_a, method="post"),
    Case(
        "directory:archive",
        STAFF,
        kwargs=lambda w: {"slug": w["organisation_b"].slug},
        method="post",
    ),
]
