"""What the surveys hold about a person: their invitations (sent, used). Answers are
anonymous by design (no link to a person), so they are neither exported nor erased."""

import secrets

from vernetzt.core.personal_data import delete_task_rows

from . import tasks
from .models import Invitation, hash_token


def personal_data(person) -> dict:
    invitations = Invitation.objects.filter(
        registration_id__in=person.registration_ids
    ).select_related("survey")
    rows = [
        {
            "survey": i.survey.title,
            "registration_id": i.registration_id,
            "sent_at": i.sent_at.isoformat() if i.sent_at else None,
            "reminded_at": i.reminded_at.isoformat() if i.reminded_at else None,
            "used": i.used,
        }
        for i in invitations
    ]
    return {"survey_invitations": rows} if rows else {}


def erase_personal_data(person) -> dict:
    ids = set(person.registration_ids)
    emails = delete_task_rows(
        tasks.send_invitation,
        lambda args, kwargs: (args[1] if len(args) > 1 else kwargs.get("registration_id")) in ids,
    )
    # The invitation stays counted (sent, used) but its link no longer works.
    invitations = 0
    for pk in Invitation.objects.filter(registration_id__in=ids).values_list("pk", flat=True):
        Invitation.objects.filter(pk=pk).update(token_hash=hash_token(secrets.token_urlsafe(24)))
        invitations += 1
    return {"survey emails deleted": emails, "survey links invalidated": invitations}
