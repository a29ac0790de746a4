from tests.permissions import EVERYONE, SIGNED_IN, Case

CASES = [
    Case("core:home", EVERYONE),
    Case("core:healthz", EVERYONE),
    Case("core:set_language", EVERYONE, method="post", data=lambda w: {"language": "en"}),
    Case("core:site_page", EVERYONE, kwargs=lambda w: {"slug": "impressum"}),
    Case("core:robots_txt", EVERYONE),
    # Development only (DEBUG): the matrix runs with DEBUG off, where they do not exist.
    Case("core:dev_emails", frozenset()),
    Case("core:dev_email", frozenset(), kwargs=lambda w: {"stem": "20260101-000000-0-0"}),
    Case("accounts:profile", SIGNED_IN),
    Case("directory:list", EVERYONE),
    Case("directory:detail", EVERYONE, kwargs=lambda w: {"slug": w["organisation_a"].slug}),
    Case("events:list", EVERYONE),
    Case("publishing:news_list", EVERYONE),
]
