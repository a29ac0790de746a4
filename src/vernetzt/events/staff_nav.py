"""The sections of a meeting's staff pages, as tabs that look the same on every one of them.

A context processor (not each view) adds them, so that every staff page of a meeting, also a
new one in any app, gets the navigation: a page counts as one when its URL has the meeting's
`slug` and its route lies under `verwaltung/` or `einlass/`, and the person is staff.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Event

# (key, label, URL name, view names that belong to the tab)
TABS = [
    ("overview", _("Overview"), "events:manage", ("events:manage", "events:copy")),
    ("programme", _("Programme"), "events:programme", ("events:programme",)),
    (
        "registrations",
        _("Registrations"),
        "registration:staff_list",
        ("registration:staff", "registration:export", "registration:badges"),
    ),
    ("questions", _("Questions"), "registration:questions", ("registration:question",)),
    ("checkin", _("Check-in"), "registration:checkin", ("registration:checkin",)),
    ("forums", _("Forums"), "forums:staff_forums", ("forums:",)),
    ("live", _("Live rooms"), "live:event_rooms", ("live:event_rooms", "live:room_create")),
    ("networking", _("Networking rounds"), "live:networking", ("live:networking", "live:plan")),
    ("surveys", _("Feedback surveys"), "feedback:survey_list", ("feedback:",)),
    ("photos", _("Photos"), "publishing:photo_upload", ("publishing:photo",)),
    ("documentation", _("Documentation"), "publishing:documentation_edit", ("publishing:doc",)),
]

# Pages used on a phone at the door: the content comes first, the tabs after it.
CONTENT_FIRST = ("registration:checkin",)


def is_meeting_staff_page(request) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None or "slug" not in match.kwargs:
        return False
    if not (request.user.is_authenticated and request.user.is_staff):
        return False
    return "/verwaltung/" in match.route or "/einlass/" in match.route


def meeting_nav(request) -> dict:
    """Context processor: `meeting_nav` with the meeting and its tabs on its staff pages."""
    if not is_meeting_staff_page(request):
        return {}
    slug = request.resolver_match.kwargs["slug"]
    event = Event.objects.filter(slug=slug).only("title", "slug").first()
    if event is None:
        return {}
    view_name = request.resolver_match.view_name
    tabs = [
        {
            "key": key,
            "label": label,
            "url": reverse(url_name, kwargs={"slug": slug}),
            "current": view_name.startswith(prefixes),
        }
        for key, label, url_name, prefixes in TABS
    ]
    return {
        "meeting_nav": {
            "event": event,
            "tabs": tabs,
            "content_first": view_name.startswith(CONTENT_FIRST),
        }
    }
