"""Screenshots of the main pages: public, member, staff; phone and desktop; German and Arabic.

`make screenshots` runs this against the demo data of `make run` (SQLite under ./data). It
starts its own development server unless SCREENSHOT_URL points to a running one, and writes
PNG files into `screenshots/` (git-ignored), plus `screenshots/header-heights.json`: the height
of the site header on a 375-pixel phone for every page.

    python tools/screenshots.py [--only SUBSTRING] [--lang de|ar|all] [--width 375,1280]
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PASSWORD = "vernetzt-demo"  # noqa: S105 - the public demo password (README)


def _demo_paths() -> dict[str, list[tuple[str, str]]]:
    """Page name -> path, per role, read from the demo database (tokens and codes vary)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vernetzt.settings")
    os.environ.setdefault("DEBUG", "1")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from vernetzt.directory.models import Organisation
    from vernetzt.events.models import Event
    from vernetzt.forums.models import Forum
    from vernetzt.live.models import LiveRoom
    from vernetzt.registration.models import Registration

    upcoming = Event.objects.order_by("-starts_at").first()
    past = Event.objects.order_by("-starts_at")[1:2].first() or upcoming
    room = LiveRoom.objects.first()
    oldest = Event.objects.order_by("starts_at").first()
    forum = (
        Forum.objects.filter(host_links__user__email="forum@vernetzt.example")
        .select_related("event")
        .first()
    )
    organisation = Organisation.objects.filter(
        memberships__user__email="vereinsadmin@vernetzt.example"
    ).first()
    registration = Registration.objects.filter(event=upcoming, status="confirmed").first()
    public = [
        ("home", "/"),
        ("directory", "/verzeichnis/"),
        ("map", "/verzeichnis/karte/"),
        ("meetings", "/veranstaltungen/"),
        ("meeting", f"/veranstaltungen/{upcoming.slug}/"),
        ("register", f"/veranstaltungen/{upcoming.slug}/anmelden/"),
        ("documentation", f"/veranstaltungen/{oldest.slug}/dokumentation/"),
        ("news", "/aktuelles/"),
        ("needs", "/bedarfe/"),
        ("login", "/konto/login/"),
        ("style", "/stil/"),
    ]
    if organisation:
        public.append(("association", f"/verzeichnis/{organisation.slug}/"))
    if registration:
        public.append(
            (
                "personal-page",
                f"/veranstaltungen/{upcoming.slug}/anmeldung/{registration.manage_token}/",
            )
        )
    if room:
        public.append(("live-room", f"/live/{room.code}/"))
    member = [("my-area", "/konto/bereich/"), ("profile", "/konto/profil/")]
    if organisation:
        member.append(("association-edit", f"/verzeichnis/{organisation.slug}/bearbeiten/"))
    host = [("my-forums", "/foren/meine/")]
    if forum:
        host.append(
            ("host-record", f"/veranstaltungen/{forum.event.slug}/foren/{forum.pk}/ergebnisse/")
        )
    staff = [
        ("staff-dashboard", f"/veranstaltungen/{upcoming.slug}/verwaltung/"),
        ("staff-registrations", f"/veranstaltungen/{upcoming.slug}/verwaltung/anmeldungen/"),
        ("staff-programme", f"/veranstaltungen/{upcoming.slug}/verwaltung/programm/"),
        ("staff-assignment", f"/veranstaltungen/{past.slug}/verwaltung/foren/zuteilung/"),
        ("staff-checkin", f"/veranstaltungen/{upcoming.slug}/einlass/"),
        ("staff-directory", "/verzeichnis/verwaltung/"),
        ("staff-report", f"/berichte/{past.starts_at.year}/"),
    ]
    return {
        "public": public,
        "member": member,
        "host": host,
        "staff": staff,
    }


LOGINS = {
    "public": None,
    "member": "vereinsadmin@vernetzt.example",
    "host": "forum@vernetzt.example",
    "staff": "staff@vernetzt.example",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server() -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "DEBUG": "1"}
    process = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urlopen(url + "/healthz", timeout=2)  # noqa: S310 - http on 127.0.0.1
            return process, url
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("the development server did not start")


def _login(page, base: str, email: str) -> None:
    page.goto(base + "/konto/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit], main form input[type=submit]").last.click()
    page.wait_for_load_state()


HEADER_JS = (
    "() => { const h = document.querySelector('.site-header'); return h ? h.offsetHeight : 0; }"
)
SIDEWAYS_JS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _shoot(browser, base, role, entries, language, width, only, heights) -> None:
    """One browser context per role, language and width; one PNG per page."""
    context = browser.new_context(viewport={"width": width, "height": 812 if width < 800 else 900})
    cookie = {"name": "vernetzt_language", "value": language, "url": base}
    context.add_cookies([cookie])
    page = context.new_page()
    if LOGINS[role]:
        _login(page, base, LOGINS[role])
        context.add_cookies([cookie])  # logging in applies the profile's language
    for name, path in entries:
        if only and only not in name:
            continue
        response = page.goto(base + path)
        page.wait_for_load_state("networkidle")
        file = OUT / f"{role}-{name}-{language}-{width}.png"
        page.screenshot(path=str(file), full_page=True)
        header, sideways = page.evaluate(HEADER_JS), page.evaluate(SIDEWAYS_JS)
        if width == 375 and language == "de":
            heights[name] = header
        status = response.status if response else 0
        print(f"{file.name}: HTTP {status}, header {header}px, sideways {sideways}px")
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="")
    parser.add_argument("--lang", default="all")
    parser.add_argument("--width", default="375,1280")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    pages = _demo_paths()
    languages = ["de", "ar"] if args.lang == "all" else [args.lang]
    widths = [int(w) for w in args.width.split(",")]
    OUT.mkdir(exist_ok=True)
    server = None
    base = os.environ.get("SCREENSHOT_URL", "").rstrip("/")
    if not base:
        server, base = _start_server()
    heights: dict[str, int] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
            )
            for role, entries in pages.items():
                for language in languages:
                    for width in widths:
                        _shoot(browser, base, role, entries, language, width, args.only, heights)
            browser.close()
    finally:
        if server:
            server.terminate()
            server.wait()
    if heights:
        (OUT / "header-heights.json").write_text(json.dumps(heights, indent=2))
        print(f"header on a 375-pixel phone: at most {max(heights.values())}px")


if __name__ == "__main__":
    main()
