"""What the directory holds about a person (memberships, invitations, contact messages on
their way, an association's contact address that is theirs) and its erasure; and the export
and erasure of an association's entry."""

from django.db import transaction
from django.utils import timezone

from vernetzt.core.personal_data import (
    delete_task_rows,
    first_argument_in,
    task_path,
    task_rows,
)

from . import tasks
from .models import HistoryEntry, Invitation, Membership, Organisation


def _sent_by(person):
    return lambda args, kwargs: (kwargs.get("sender_email") or "").strip().lower() == person.email


def _contact_messages(person) -> list[dict]:
    model = task_rows()
    if model is None or not person.email:
        return []
    messages = []
    for row in model.objects.filter(task_path=task_path(tasks.relay_contact_message)):
        kwargs = (row.args_kwargs or {}).get("kwargs") or {}
        if _sent_by(person)([], kwargs):
            messages.append(
                {
                    "association_id": kwargs.get("organisation_id"),
                    "name": kwargs.get("sender_name"),
                    "email": kwargs.get("sender_email"),
                    "message": kwargs.get("message"),
                    "status": str(row.status),
                }
            )
    return messages


def personal_data(person) -> dict:
    memberships = Membership.objects.filter(user_id=person.user_id).select_related("organisation")
    data = {
        "memberships": [
            {
                "association": m.organisation.name,
                "role": m.role,
                "since": m.created_at.isoformat(),
            }
            for m in memberships
        ]
        if person.user_id
        else [],
        "invitations": [
            {
                "association": i.organisation.name,
                "email": i.email,
                "role": i.role,
                "sent_at": i.created_at.isoformat(),
                "accepted_at": i.accepted_at.isoformat() if i.accepted_at else None,
            }
            for i in Invitation.objects.filter(email__iexact=person.email).select_related(
                "organisation"
            )
        ]
        if person.email
        else [],
        "association_contact_address": list(
            Organisation.objects.filter(contact_email__iexact=person.email).values_list(
                "name", flat=True
            )
        )
        if person.email
        else [],
        "contact_messages_not_yet_deleted": _contact_messages(person),
    }
    return data if any(data.values()) else {}


def erase_personal_data(person) -> dict:
    if not person.email:
        return {}
    invitations = Invitation.objects.filter(email__iexact=person.email)
    # Their emails still queued would fail without the invitation: deleted with it.
    queued = delete_task_rows(
        tasks.send_invitation,
        first_argument_in(list(invitations.values_list("pk", flat=True)), "invitation_id"),
    )
    invitations = invitations.delete()[0]
    contact = 0
    for organisation in Organisation.objects.filter(contact_email__iexact=person.email):
        organisation.contact_email = ""
        organisation.save(update_fields=["contact_email"])
        contact += 1
    messages = delete_task_rows(tasks.relay_contact_message, _sent_by(person))
    return {
        "invitations deleted": invitations,
        "association contact addresses removed": contact,
        "contact messages deleted": messages,
        "invitation emails deleted": queued,
    }


# --- An association's entry ----------------------------------------------------------------

ENTRY_FIELDS = [
    "name", "short_name", "slug", "status", "legal_form", "register_number", "founding_year",
    "description", "description_translations", "street", "postcode", "latitude", "longitude",
    "website", "social_links", "contact_email", "members_range", "is_published",
]  # fmt: skip


def organisation_data(organisation: Organisation) -> dict:
    """All the directory holds about one association (for staff's export of an entry)."""
    entry = {name: getattr(organisation, name) for name in ENTRY_FIELDS}
    entry["municipality"] = str(organisation.municipality) if organisation.municipality else None
    entry["logo"] = organisation.logo.name or None
    entry["fields_of_activity"] = [t.slug for t in organisation.fields.all()]
    entry["target_groups"] = [t.slug for t in organisation.target_groups.all()]
    entry["languages"] = [t.slug for t in organisation.languages.all()]
    entry["created_at"] = organisation.created_at.isoformat()
    return {
        "association": entry,
        "members": [
            {"email": m.user.email, "role": m.role, "since": m.created_at.isoformat()}
            for m in organisation.memberships.select_related("user")
        ],
        "invitations": [
            {"email": i.email, "role": i.role, "sent_at": i.created_at.isoformat()}
            for i in organisation.invitations.all()
        ],
        "history": [
            {"what": h.text, "when": h.created_at.isoformat()} for h in organisation.history.all()
        ],
    }


@transaction.atomic
def erase_organisation(*, organisation: Organisation) -> dict:
    """Empty an association's entry: every descriptive and contact field, the logo (after the
    commit), members, invitations and history; archived and unpublished. The row stays
    (under a neutral name) so that the meetings' figures keep counting it."""
    logo = organisation.logo.name
    counts = {
        "memberships deleted": organisation.memberships.all().delete()[0],
        "invitations deleted": organisation.invitations.all().delete()[0],
        "history entries deleted": HistoryEntry.objects.filter(organisation=organisation).delete()[
            0
        ],
    }
    for name in ("short_name", "legal_form", "register_number", "description", "street",
                 "postcode", "website", "contact_email", "members_range"):  # fmt: skip
        setattr(organisation, name, "")
    organisation.name = f"– {organisation.pk} –"
    organisation.slug = f"geloescht-{organisation.pk}"
    organisation.founding_year = None
    organisation.description_translations = {}
    organisation.social_links = []
    organisation.latitude = organisation.longitude = None
    organisation.logo = ""
    organisation.is_published = False
    organisation.status = Organisation.Status.ARCHIVED
    organisation.archived_at = organisation.archived_at or timezone.now()
    organisation.save()
    organisation.fields.clear()
    organisation.target_groups.clear()
    organisation.languages.clear()
    organisation.save()  # the search words again, now without the terms
    if logo:
        storage = organisation.logo.storage
        transaction.on_commit(lambda: storage.delete(logo))
        counts["files deleted"] = 1
    return counts
