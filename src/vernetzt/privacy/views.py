"""Pages of data protection: a person's own data from the personal link, and staff's tools.

Every page here shows personal data: `Cache-Control: private, no-store`. Emails are sent to
staff's pages by POST, so that they never end up in an address bar or a server log.
"""

import json

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vernetzt.core.permissions import permission_required
from vernetzt.directory.models import Organisation
from vernetzt.directory.personal_data import erase_organisation, organisation_data
from vernetzt.live.device import read_device_id
from vernetzt.registration import consents
from vernetzt.registration.queries import get_by_token

from . import presentation
from .forms import EraseForm, ExportForm, PersonForm, StaffEraseForm
from .persons import find_person, person_of_registration
from .services import erase_person, export_person

private = cache_control(private=True, no_store=True)
staff_required = permission_required("privacy.manage_personal_data")


def _registration_or_404(slug, token):
    registration = get_by_token(slug=slug, token=token)
    if registration is None or registration.erased_at:
        raise Http404(_("This personal link is not valid. Please use the link in your email."))
    return registration


def _person(request, registration):
    """The person of a personal link; the phone asking is theirs too (its live questions)."""
    device = read_device_id(request)
    return person_of_registration(registration, device_ids=[device] if device else [])


def _json_download(data: dict, filename: str) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def personal_section(request, registration):
    """The section on the personal page (registration's `registration_sections` hook)."""
    return [
        {
            "template": "privacy/_personal_section.html",
            "consents": consents.active_consents(registration),
        }
    ]


def after_meeting_links(registration) -> list[dict]:
    """The data rights among the links after the meeting (the section itself stays)."""
    return [
        {
            "label": _("Your data: see it, download it, have it erased, withdraw consents"),
            "url": "#your-data",
            "id": "after-your-data",
        }
    ]


# --- The person, from the personal link -----------------------------------------------------


@private
@require_GET
def personal_export(request, slug, token):
    """All that vernetzt holds about the person of this link, as a page to read or print."""
    registration = _registration_or_404(slug, token)
    person = person_of_registration(
        registration, device_ids=[read_device_id(request)] if read_device_id(request) else []
    )
    data = export_person(person=person)
    return render(
        request,
        "privacy/export.html",
        {
            "registration": registration,
            "event": registration.event,
            "data": data,
            "sections": presentation.sections(data),
        },
    )


@private
@require_GET
def personal_export_json(request, slug, token):
    registration = _registration_or_404(slug, token)
    return _json_download(
        export_person(person=_person(request, registration)), "vernetzt-meine-daten.json"
    )


@private
@require_http_methods(["GET", "POST"])
def personal_erase(request, slug, token):
    """Ask, then erase the person of this link everywhere."""
    registration = _registration_or_404(slug, token)
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        erase_person(person=_person(request, registration))
        return redirect("privacy:erased")
    return render(
        request,
        "privacy/erase_confirm.html",
        {"registration": registration, "event": registration.event, "form": form},
    )


@private
@require_POST
def consent_withdraw(request, slug, token, purpose):
    """One click on the personal page: the consent is withdrawn, its data deleted."""
    registration = _registration_or_404(slug, token)
    if purpose not in consents.PURPOSES:
        raise Http404(_("There is no such consent."))
    consents.withdraw_consent(registration=registration, purpose=purpose)
    messages.success(request, _("Your consent is withdrawn. The answers it covered are deleted."))
    return redirect(registration.get_absolute_url())


@private
@require_GET
def erased(request):
    return render(request, "privacy/erased.html")


# --- Staff ------------------------------------------------------------------------------------


@private
@staff_required
@require_http_methods(["GET", "POST"])
def staff_person(request):
    """Find a person by email: what is held, with export and erasure."""
    form = PersonForm(request.POST if request.method == "POST" else None)
    person = summary = None
    if request.method == "POST" and form.is_valid():
        person = find_person(form.cleaned_data["email"])
        summary = presentation.sections(export_person(person=person))
    return render(
        request,
        "privacy/staff_person.html",
        {
            "form": form,
            "person": person,
            "sections": summary,
            "erase_form": StaffEraseForm(initial={"email": person.email}) if person else None,
        },
    )


@private
@staff_required
@require_POST
def staff_export(request):
    form = ExportForm(request.POST)
    if not form.is_valid():
        return render(
            request, "privacy/staff_person.html", {"form": form, "person": None}, status=400
        )
    data = export_person(person=find_person(form.cleaned_data["email"]))
    if form.cleaned_data["format"] == "json":
        return _json_download(data, "vernetzt-person.json")
    return render(
        request,
        "privacy/export.html",
        {"data": data, "sections": presentation.sections(data), "staff": True},
    )


@private
@staff_required
@require_POST
def staff_erase(request):
    form = StaffEraseForm(request.POST)
    if not form.is_valid():
        person = find_person(request.POST.get("email", "")) if request.POST.get("email") else None
        return render(
            request,
            "privacy/staff_person.html",
            {"form": PersonForm(request.POST), "person": person, "erase_form": form},
            status=400,
        )
    summary = erase_person(person=find_person(form.cleaned_data["email"]))
    return render(request, "privacy/staff_erased.html", {"summary": summary})


@private
@staff_required
@require_GET
def staff_organisation_find(request):
    """Find an association's entry by its short address or exact name."""
    query = (request.GET.get("q") or "").strip()[:200]
    organisation = (
        Organisation.objects.filter(Q(slug=query) | Q(name__iexact=query)).first()
        if query
        else None
    )
    if organisation is not None:
        return redirect("privacy:staff_organisation", slug=organisation.slug)
    form = PersonForm()
    return render(
        request,
        "privacy/staff_person.html",
        {"form": form, "person": None, "organisation_query": query, "organisation_missing": True},
        status=404 if query else 200,
    )


@private
@staff_required
@require_http_methods(["GET", "POST"])
def staff_organisation(request, slug):
    """An association's entry: what is held (page and JSON), and erasure."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if request.GET.get("format") == "json":
        return _json_download(organisation_data(organisation), f"verein-{organisation.pk}.json")
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        summary = erase_organisation(organisation=organisation)
        return render(request, "privacy/staff_erased.html", {"summary": {"directory": summary}})
    data = {"directory": organisation_data(organisation)}
    return render(
        request,
        "privacy/staff_organisation.html",
        {"organisation": organisation, "sections": presentation.sections(data), "form": form},
    )
