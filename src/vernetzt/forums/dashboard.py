"""The forums part of a meeting's staff dashboard: the assignment and open demands."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Forum, ForumSetup, ResultItem


def staff_dashboard(event) -> dict:
    forums = Forum.objects.filter(event=event).count()
    if not forums:
        return {}
    setup = ForumSetup.objects.filter(event=event).first()
    todos = []
    stats = [
        {
            "label": _("forums"),
            "value": forums,
            "url": reverse("forums:staff_forums", kwargs={"slug": event.slug}),
        }
    ]
    if not (setup and setup.published_at):
        todos.append(
            {
                "text": _("The forum assignment is not published yet."),
                "url": reverse("forums:assignment", kwargs={"slug": event.slug}),
            }
        )
    open_demands = ResultItem.objects.filter(
        forum__event=event, kind=ResultItem.Kind.DEMAND, status=ResultItem.Status.OPEN
    ).count()
    if open_demands:
        todos.append(
            {
                "text": ngettext(
                    "%(count)d demand has no answer yet.",
                    "%(count)d demands have no answer yet.",
                    open_demands,
                )
                % {"count": open_demands},
                "url": reverse("forums:needs") + "?kind=demand&status=open",
            }
        )
    return {"stats": stats, "todos": todos}
