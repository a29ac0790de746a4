"""The role x URL matrix: every URL of ours, every role, no unauthorised success.

Each app lists its URLs in `tests/<app>/url_matrix.py` as `CASES = [Case(...), ...]`.
`tests/test_url_matrix.py` enumerates the URL patterns and fails for one missing here.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = ("anonymous", "member", "admin_a", "admin_b", "forum_host", "staff", "funder")
EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
STAFF = frozenset({"staff"})
STAFF_AND_FUNDER = frozenset({"staff", "funder"})
# Who may act for association A (the world fixture's organisation_a).
ORGANISATION_A_ADMINS = frozenset({"admin_a", "staff"})


@dataclass(frozen=True)
class Case:
    """One URL: who may use it (`allowed`), with which method and arguments."""

    name: str
    allowed: frozenset
    kwargs: Callable[[dict], dict] = field(default=lambda world: {})
    method: str = "get"
    data: Callable[[dict], dict] = field(default=lambda world: {})
    query: str = ""
    content_type: str = ""  # e.g. "application/json" for the API (data sent as JSON)
