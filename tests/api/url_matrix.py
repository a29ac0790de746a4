"""Role x URL matrix of the JSON API (see tests/permissions.py): everything public so far."""

from tests.permissions import EVERYONE, Case
from tests.registration.url_matrix import slug


def _organisation(w):
    return {"slug": w["organisation_a"].slug}


def _registration_body(w):
    return {"first_name": "Kim", "last_name": "Matrix", "email": "api-matrix@example.org"}


CASES = [
    Case("api:api-root", frozenset()),  # ninja's root: 404 for everyone
    Case("api:openapi-json", EVERYONE),
    Case("api:openapi-view", EVERYONE),
    Case("api:organisations", EVERYONE),
    Case("api:organisation", EVERYONE, kwargs=_organisation),
    Case("api:list_events", EVERYONE),
    Case("api:get_event", EVERYONE, kwargs=slug),
    Case(
        "api:create_registration",
        EVERYONE,
        kwargs=slug,
        method="post",
        data=_registration_body,
        content_type="application/json",
    ),
]
