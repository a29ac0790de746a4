"""The directory part of a meeting's staff dashboard: associations waiting for verification."""

from django.urls import reverse
from django.utils.translation import ngettext

from .models import Organisation


def staff_dashboard(event) -> dict:
    pending = Organisation.objects.filter(status=Organisation.Status.PENDING).count()
    if not pending:
        return {}
    text = ngettext(
        "%(count)d association waits for verification.",
        "%(count)d associations wait for verification.",
        pending,
    ) % {"count": pending}
    return {"todos": [{"text": text, "url": reverse("directory:manage") + "?status=pending"}]}
