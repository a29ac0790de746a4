"""Emails of the surveys, sent in the background in the participant's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from vernetzt.core.translations import translated
from vernetzt.registration.models import Registration

from .models import Invitation, Survey


@task()
def send_invitation(survey_id: int, registration_id: int, token: str, reminder: bool) -> None:
    survey = Survey.objects.select_related("event").filter(pk=survey_id).first()
    registration = Registration.objects.filter(pk=registration_id).first()
    if survey is None or registration is None or not registration.email:
        return
    with translation.override(registration.language):
        link = settings.SITE_URL + reverse("feedback:answer", kwargs={"token": token})
        context = {"survey": survey, "event": survey.event, "link": link, "reminder": reminder}
        subject = (
            _("Reminder: your feedback on %(title)s")
            if reminder
            else _("Your feedback on %(title)s")
        ) % {"title": translated(survey.event, "title").text}
        body = render_to_string("feedback/email/invitation.txt", context)
        EmailMultiAlternatives(subject, body, to=[registration.email]).send()
    field = "reminded_at" if reminder else "sent_at"
    Invitation.objects.filter(survey=survey, registration=registration).update(
        **{field: timezone.now()}
    )
