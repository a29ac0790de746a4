"""Emails of the directory, sent in the background (thin: load by id, render, send)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Invitation, Membership, Organisation
from .services import contact_recipients


@task()
def send_invitation(*, invitation_id: int, language: str):
    invitation = Invitation.objects.select_related("organisation", "invited_by").get(
        pk=invitation_id
    )
    link = settings.SITE_URL + reverse(
        "directory:invitation_accept", kwargs={"token": invitation.token}
    )
    with translation.override(language):
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _("Invitation to %(name)s") % {
            "name": invitation.organisation.name
        }
        body = render_to_string(
            "directory/email/invitation.txt", {"invitation": invitation, "link": link}
        )
    EmailMessage(subject, body, to=[invitation.email]).send()


@task()
def relay_contact_message(
    *,
    organisation_id: int,
    sender_name: str,
    sender_email: str,
    message: str,
    language: str,
    send_copy: bool = False,
):
    """To the association (German, reply goes to the sender); a copy to the sender only when
    the service found the address verified (`send_copy`)."""
    organisation = Organisation.objects.get(pk=organisation_id)
    recipients = contact_recipients(organisation)
    context = {
        "organisation": organisation,
        "sender_name": sender_name,
        "sender_email": sender_email,
        "message": message,
    }
    if recipients:
        admin_languages = list(
            Membership.objects.filter(
                organisation=organisation, role=Membership.Role.ADMIN
            ).values_list("user__language", flat=True)[:1]
        )
        with translation.override(admin_languages[0] if admin_languages else "de"):
            subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _("Message via the directory")
            body = render_to_string("directory/email/contact.txt", context)
        EmailMessage(subject, body, to=recipients, reply_to=[sender_email]).send()
    if not send_copy:
        return
    with translation.override(language):
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _("Copy of your message to %(name)s") % {
            "name": organisation.name
        }
        body = render_to_string("directory/email/contact_copy.txt", context)
    EmailMessage(subject, body, to=[sender_email]).send()
