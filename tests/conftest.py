"""Project-wide fixtures: the real database, the real browser, and a world of roles.

PostgreSQL: set DATABASE_URL. Chromium: Debian's /usr/bin/chromium (`apt-get install
chromium`). Where they are missing, their tests skip with a message; REQUIRE_POSTGRES=1 and
REQUIRE_BROWSER=1 (as CI sets them) turn a missing one into a failure.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests import hypothesis_profiles  # noqa: F401 - registers and loads the profile

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be
# usable there for arranging data.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(__file__).parent / "vendor" / "axe-4.14.1.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",  # the machines run tests as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _required(name: str) -> bool:
    return os.environ.get(name, "") == "1"


def pytest_configure(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    if _required("REQUIRE_POSTGRES") and "postgresql" not in engine:
        raise pytest.UsageError("REQUIRE_POSTGRES=1 but DATABASE_URL does not point to PostgreSQL")


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    on_postgres = "postgresql" in settings.DATABASES["default"]["ENGINE"]
    skip_pg = pytest.mark.skip(
        reason="needs PostgreSQL: "
        "DATABASE_URL=postgres://user:pass@127.0.0.1:5432/vernetzt make test"
    )
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip_pg)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and lockouts live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# --- Browser -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        message = "needs Chromium: apt-get install chromium (or set CHROMIUM=/path/to/chromium)"
        if _required("REQUIRE_BROWSER"):
            pytest.fail(message + " (REQUIRE_BROWSER=1)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class PageFactory:
    """Opens pages in fresh browser contexts and records every request that leaves our origin."""

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url
        self.contexts = []
        self.foreign_requests = []

    def new_page(self, *, width=1280, height=900, locale="de-DE"):
        context = self.browser.new_context(
            base_url=self.base_url,
            viewport={"width": width, "height": height},
            locale=locale,
        )
        context.set_default_timeout(10_000)
        self.contexts.append(context)
        page = context.new_page()
        page.on("request", self._record)
        return page

    def _record(self, request):
        url = request.url
        if not (url.startswith(self.base_url) or url.startswith("data:") or url == "about:blank"):
            self.foreign_requests.append(url)

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def pages(browser, live_server):
    factory = PageFactory(browser, live_server.url)
    yield factory
    factory.close()
    assert factory.foreign_requests == [], "pages must not contact third parties"


@pytest.fixture
def page(pages):
    return pages.new_page()


def assert_accessible(page, *, impact=("serious", "critical")):
    """Run axe-core in the page: no serious or critical WCAG 2.1 A/AA violation."""
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    problems = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
        if violation["impact"] in impact
    ]
    assert problems == [], f"axe on {page.url}:\n" + "\n".join(problems)


# --- A world of roles --------------------------------------------------------------------------


@pytest.fixture
def world(db):
    """Two associations and one person per role, for permission tests."""
    from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

    organisation_a = OrganisationFactory(name="Beispielverein A e.V.", is_published=True)
    organisation_b = OrganisationFactory(name="Beispielverein B e.V.", is_published=True)
    users = {
        "anonymous": None,
        "member": UserFactory(email="member@example.org"),
        "admin_a": UserFactory(email="admin-a@example.org"),
        "admin_b": UserFactory(email="admin-b@example.org"),
        "forum_host": UserFactory(email="host@example.org", is_forum_host=True),
        # A staff member, not a superuser: staff rights must come from the rules.
        "staff": UserFactory(email="staff@example.org", is_staff=True, is_superuser=False),
        "funder": UserFactory(email="funder@example.org", is_funder=True),
    }
    MembershipFactory(user=users["member"], organisation=organisation_a, role="member")
    MembershipFactory(user=users["admin_a"], organisation=organisation_a, role="admin")
    MembershipFactory(user=users["admin_b"], organisation=organisation_b, role="admin")
    return {"organisation_a": organisation_a, "organisation_b": organisation_b, "users": users}
