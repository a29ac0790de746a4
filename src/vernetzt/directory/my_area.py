"""The associations part of "Mein Bereich": each membership, an edit link, what is missing."""

from django.utils.translation import gettext as _

from .models import Membership


def missing_parts(organisation) -> list[str]:
    """What a complete directory entry has and this one lacks, in the reader's language."""
    checks = [
        (organisation.description, _("a description")),
        (organisation.logo, _("a logo")),
        (organisation.municipality_id, _("the town")),
        (organisation.contact_email or organisation.website, _("a contact (email or website)")),
        (organisation.fields.all(), _("fields of work")),
        (organisation.languages.all(), _("languages")),
        (organisation.founding_year, _("the founding year")),
    ]
    return [label for present, label in checks if not present]


def sections(request) -> list[dict]:
    memberships = (
        Membership.objects.filter(user=request.user)
        .select_related("organisation__municipality")
        .prefetch_related("organisation__fields", "organisation__languages")
        .order_by("organisation__name")
    )
    rows = [
        {
            "membership": membership,
            "organisation": membership.organisation,
            "can_edit": request.user.has_perm(
                "directory.change_organisation", membership.organisation
            ),
            "missing": missing_parts(membership.organisation),
        }
        for membership in memberships
    ]
    return [{"template": "directory/_my_area.html", "order": 20, "rows": rows}]
