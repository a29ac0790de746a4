"""Exports: CSV/XLSX rows, PDFs (WeasyPrint) for badges, participant list, certificate."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from vernetzt.core.pdf import write_pdf

from . import enums, tickets


def rows(event, registrations, *, include_sensitive=False):
    """Header and rows of registrations; sensitive answers only when asked for."""
    questions = [
        q
        for q in event.questions.all()
        if include_sensitive or not (q.sensitive or q.key in enums.SENSITIVE_KEYS)
    ]
    header = [
        _("First name"),
        _("Last name"),
        _("Email"),
        _("Association"),
        _("District"),
        _("Status"),
        _("Place on the waiting list"),
        _("Language"),
        _("Photos allowed"),
        _("Checked in"),
        _("Registered"),
    ] + [q.display_label for q in questions]
    out = []
    for r in registrations:
        organisation = r.organisation
        district = ""
        if organisation and organisation.municipality_id:
            district = organisation.municipality.district.name
        row = [
            r.first_name,
            r.last_name,
            r.email,
            organisation.name if organisation else "",
            district,
            r.get_status_display(),
            r.waiting_position or "",
            r.language,
            _("yes") if r.photo_consent else _("no"),
            r.checked_in_at.isoformat() if r.checked_in_at else "",
            r.created_at.isoformat(),
        ]
        for q in questions:
            value = (r.answers or {}).get(q.key, "")
            row.append(", ".join(value) if isinstance(value, list) else value)
        out.append(row)
    return header, out


def badge_data(registration):
    return {
        "name": registration.full_name,
        "first_name": registration.first_name,
        "last_name": registration.last_name,
        "pronouns": registration.pronouns,
        "organisation": registration.organisation.name if registration.organisation_id else "",
        "qr": tickets.qr_png_data_uri(registration.ticket_code),
        "photo_consent": registration.photo_consent,
    }


def render_pdf(template, context) -> bytes:
    """Tickets, certificates, badges, lists, table plans: tagged PDF/UA like the documentation."""
    return write_pdf(render_to_string(template, context), base_url="/")


def pdf_response(template, context, filename) -> HttpResponse:
    response = HttpResponse(render_pdf(template, context), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
