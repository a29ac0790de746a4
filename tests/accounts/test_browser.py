"""Login pages in real Chromium: a failed login is announced and takes focus; ids stay unique."""

import pytest

from tests.conftest import assert_accessible
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UNIQUE_IDS = """() => {
  const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}"""


def test_failed_login_message_takes_focus_and_ids_are_unique(page):
    UserFactory(email="aylin@example.org", language="de")
    page.goto("/konto/login/")
    page.get_by_label("E-Mail").first.fill("aylin@example.org")
    page.locator("input[type=password]").fill("falsch")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.evaluate(UNIQUE_IDS) == []
    assert_accessible(page)
