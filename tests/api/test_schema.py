"""The API as documented: schemathesis against the live OpenAPI schema, every check.

0 server errors and 0 schema violations (status codes, content types, response bodies and
headers as documented, invalid data refused). `make test` runs a few examples per operation,
`make check-full` ten times as many (tests/hypothesis_profiles.py).
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.hypothesis_profiles import examples
from tests.registration.factories import EventFactory, ProgrammeItemFactory

# The schema as the running application serves it (no database needed to serve it).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def meeting(db, world):
    """Data to find, and the request signals that would close the test's connection off
    (as Django's test client does)."""
    event = EventFactory(slug="schema-treffen")
    ProgrammeItemFactory(event=event)
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield event
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=examples(15),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_matches_its_schema(case, meeting):
    # Every check but "schema-valid data is accepted": the schema says "string" where the
    # service asks more (an email address, a language of the list, no NUL byte), and such a
    # refusal is a documented 400, not a violation.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
