"""The export as a page people can read: sections of tables from the export's JSON."""

from django.utils.translation import gettext_lazy as _

SECTION_TITLES = {
    "account": _("Your account"),
    "email_addresses": _("Email addresses of your account"),
    "login_records": _("Login attempts"),
    "memberships": _("Memberships in associations"),
    "invitations": _("Invitations to an association"),
    "association_contact_address": _("Associations that use your email as contact address"),
    "contact_messages_not_yet_deleted": _("Contact messages on their way"),
    "registrations": _("Registrations"),
    "consents": _("Consents"),
    "forum_choices": _("Forum choices"),
    "forum_placements": _("Forum placements"),
    "supported_results": _("Forum results you supported"),
    "live_questions": _("Questions to the panel"),
    "free_chair_requests": _("Requests for the free chair"),
    "survey_invitations": _("Feedback surveys"),
    "admin_log": _("Changes by the team (log)"),
    "files": _("Files"),
    "photos": _("Photos"),
    "bookings_asked_for": _("Bookings you asked for"),
    "offers_and_requests_created": _("Offers and requests you created"),
    "association": _("The entry"),
    "members": _("Members"),
    "history": _("History"),
}


def _text(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value) or "–"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items()) or "–"
    return str(value)


def sections(data: dict) -> list[dict]:
    """[{"title", "rows": [[(key, text), ...], ...]}] for every non-empty part."""
    result = []
    for part in data.values():
        if not isinstance(part, dict):
            continue
        for key, value in part.items():
            if not value:
                continue
            items = value if isinstance(value, list) else [value]
            rows = []
            for item in items:
                if isinstance(item, dict):
                    if key == "registrations":
                        item = {
                            **item,
                            "answers": [
                                f"{a['question']}: {_text(a['answer'])}" for a in item["answers"]
                            ],
                        }
                    rows.append([(k, _text(v)) for k, v in item.items()])
                else:
                    rows.append([("", _text(item))])
            result.append({"key": key, "title": SECTION_TITLES.get(key, key), "rows": rows})
    return result
