"""The publishing part of a meeting's staff dashboard: documentation still a draft."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Documentation


def staff_dashboard(event) -> dict:
    if event.ends_at > timezone.now():
        return {}
    documentation = Documentation.objects.filter(event=event).first()
    if documentation and documentation.status == Documentation.Status.PUBLISHED:
        return {}
    return {
        "todos": [
            {
                "text": _("The documentation is not published yet."),
                "url": reverse("publishing:documentation_edit", kwargs={"slug": event.slug}),
            }
        ]
    }
