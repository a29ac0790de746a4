"""Background tasks of the forums app: the assignment run and the placement emails."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from vernetzt.core.translations import translated
from vernetzt.registration.models import Registration

from . import services
from .models import Placement


@task()
def run_assignment(run_id: int) -> None:
    services.execute_run(run_id=run_id)


@task()
def send_placement(registration_id: int) -> None:
    """Tell a participant their forums, in their language (once per publication)."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or not registration.email or registration.status != "confirmed":
        return
    placements = list(
        Placement.objects.filter(registration=registration)
        .select_related("forum", "slot")
        .order_by("slot__position", "slot_id")
    )
    if not placements:
        return
    with translation.override(registration.language):
        subject = _("Your forums: %(title)s") % {
            "title": translated(registration.event, "title").text
        }
        body = render_to_string(
            "forums/email/placement.txt",
            {
                "registration": registration,
                "event": registration.event,
                "placements": placements,
                "manage_url": settings.SITE_URL + registration.get_absolute_url(),
            },
        )
        EmailMultiAlternatives(subject, body, to=[registration.email]).send()
