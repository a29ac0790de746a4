"""Arabic and Persian in real Chromium at 320 px: right-to-left, no sideways scrolling, axe."""

import pytest
from django.core.management import call_command

from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def main_paths() -> list[str]:
    from django.urls import reverse

    meeting = "vernetzungstreffen-2026"
    return [
        reverse("core:home"),
        reverse("directory:list"),
        reverse("events:list"),
        reverse("events:detail", args=[meeting]),
        reverse("registration:register", args=[meeting]),
        reverse("publishing:news_list"),
        reverse("core:site_page", args=["barrierefreiheit"]),
        reverse("core:site_page", args=["impressum"]),
        reverse("publishing:documentation", args=["vernetzungstreffen-2019"]),
        reverse("core:easy_read_index"),
        reverse("core:sign_language"),
        reverse("account_login"),
    ]


@pytest.fixture
def demo(transactional_db):
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_right_to_left_languages_at_320_px(demo, pages, live_server, language):
    page = pages.new_page(width=320, height=700)
    page.context.add_cookies(
        [{"name": "vernetzt_language", "value": language, "url": live_server.url}]
    )
    for path in main_paths():
        response = page.goto(path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("html").get_attribute("dir") == "rtl"
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px in {language}"
        assert_accessible(page)


def test_arabic_content_and_marked_german(demo, pages, live_server):
    page = pages.new_page(width=320, height=700)
    page.context.add_cookies([{"name": "vernetzt_language", "value": "ar", "url": live_server.url}])
    page.goto(main_paths()[3])
    assert page.get_by_role("heading", level=1).inner_text().startswith("لقاء التشبيك 2026")
    page.context.add_cookies([{"name": "vernetzt_language", "value": "fa", "url": live_server.url}])
    page.goto(main_paths()[3])
    # no Persian translation: the German title is shown, marked as German
    assert page.locator("h1 [lang=de]").inner_text() == "Vernetzungstreffen 2026"
