"""The surveys part of "Mein Bereich": open surveys the person was invited to and has not answered.

Only the hash of a personal survey link is kept, so the page can say that a survey waits and
where its link is, but not show the link itself.
"""

from django.db.models import Q
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from vernetzt.core.translations import translated

from .models import Invitation, Survey


def sections(request) -> list[dict]:
    email = (request.user.email or "").strip().lower()
    invitations = list(
        Invitation.objects.filter(survey__status=Survey.Status.OPEN, used=False)
        .filter(Q(registration__user=request.user) | Q(registration__email_normalised=email))
        .select_related("survey__event")
        .order_by("survey__event__starts_at", "pk")
    )
    if not invitations:
        return []
    return [{"template": "feedback/_my_area.html", "order": 15, "invitations": invitations}]


def _survey_label(survey) -> str:
    """ "Survey: <title>" with the title in the reader's language, else German marked lang=de."""
    title = translated(survey, "title")
    attributes = ' lang="de" dir="ltr"' if title.is_fallback else ""
    marked = format_html("<bdi{}>{}</bdi>", mark_safe(attributes), title.text)  # noqa: S308 - constant
    return mark_safe(conditional_escape(_("Survey: %(title)s")) % {"title": marked})  # noqa: S308 - escaped


def after_meeting_links(registration) -> list[dict]:
    """After the meeting, the personal page offers the open surveys this person was invited
    to and has not answered: a button makes a fresh personal link (only hashes are kept)."""
    invitations = Invitation.objects.filter(
        registration=registration, survey__status=Survey.Status.OPEN, used=False
    ).select_related("survey__event")
    return [
        {
            "label": _survey_label(invitation.survey),
            "post_url": reverse(
                "feedback:from_personal_page",
                kwargs={
                    "slug": registration.event.slug,
                    "token": registration.manage_token,
                    "pk": invitation.survey_id,
                },
            ),
            "button": _("Answer the survey"),
            "note": _("Your answers stay anonymous."),
            "id": f"after-survey-{invitation.survey_id}",
        }
        for invitation in invitations
    ]
