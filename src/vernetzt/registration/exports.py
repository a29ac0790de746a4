"""Exports: CSV/XLSX rows, PDFs (WeasyPrint) for badges, participant list, certificate."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from vernetzt.core.exports import language_name
from vernetzt.core.models import SiteSettings
from vernetzt.core.pdf import write_pdf

from . import enums, tickets


def _answer_columns(question):
    """One column per fact: a built-in multiple choice (food, access) gives one column per
    choice ("Food: vegetarian" -> "yes"); any other question one column, choices as words."""
    labels = dict(enums.BUILTIN_CHOICES.get(question.key, []))
    if question.kind == "multiple" and labels:
        return [
            (
                f"{question.display_label}: {label}",
                lambda answers, key=question.key, value=value: (
                    _("yes") if value in (answers.get(key) or []) else ""
                ),
            )
            for value, label in labels.items()
        ]

    def text(answers, key=question.key):
        value = answers.get(key, "")
        values = value if isinstance(value, list) else ([value] if value not in ("", None) else [])
        return ", ".join(str(labels.get(item, item)) for item in values)

    return [(question.display_label, text)]


def rows(event, registrations, *, include_sensitive=False):
    """Header and rows of registrations, with words in the reader's language (no codes) and
    local times; sensitive answers only when asked for."""
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
    ]
    columns = [column for q in questions for column in _answer_columns(q)]
    header += [label for label, _value in columns]
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
            language_name(r.language),
            _("yes") if r.photo_consent else _("no"),
            r.checked_in_at or "",
            r.created_at,
        ]
        answers = r.answers or {}
        row += [value(answers) for _label, value in columns]
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
    """Tickets, certificates, badges, lists, table plans: tagged PDF/UA like the documentation;
    with the letterhead of core.SiteSettings for those that show it."""
    context = {"site_settings": SiteSettings.load(), **context}
    return write_pdf(render_to_string(template, context), base_url="/")


def pdf_response(template, context, filename) -> HttpResponse:
    response = HttpResponse(render_pdf(template, context), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
