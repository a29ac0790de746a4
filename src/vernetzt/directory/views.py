"""Pages of the directory: list, map, profile, edit, contact, invitations, staff tools."""

import csv
import gzip
import hashlib
import io
import json
from types import SimpleNamespace

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET, require_POST

from vernetzt.core import ratelimits
from vernetzt.core.exports import safe_cell

from . import importing, services
from .forms import ContactForm, ImportForm, InvitationForm, MergeForm, OrganisationProfileForm
from .models import District, Invitation, Organisation
from .queries import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    DirectoryFilters,
    filter_choices,
    listed_organisations,
    organisation_data,
    organisation_for_viewer,
    organisations_filtered,
    with_list_data,
)
from .visibility import ANONYMOUS, public_point, viewer_for, visible_fields

MAP_CACHE_SECONDS = 60  # a changed profile shows on the public map within a minute
DATA_LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
GEODATA_ATTRIBUTION = (
    "Verwaltungsgrenzen und Gemeindeschlüssel: © GeoBasis-DE / BKG 2016 "
    "(dl-de/by-2-0, www.govdata.de/dl-de/by-2-0); Daten verändert (vereinfacht, "
    "Gemeindefusionen 2018/2020 nachgetragen)."
)


def page_size_from(params) -> int:
    try:
        size = int(params.get("page_size") or DEFAULT_PAGE_SIZE)
    except (TypeError, ValueError):
        return DEFAULT_PAGE_SIZE
    return max(1, min(size, MAX_PAGE_SIZE))


def organisation_list(request):
    """The public directory: search, filters, result count, pages. Constant query count."""
    viewer = viewer_for(request.user)
    filters = DirectoryFilters.from_params(request.GET)
    queryset = with_list_data(organisations_filtered(filters, viewer).order_by("name", "pk"))
    page = Paginator(queryset, page_size_from(request.GET)).get_page(request.GET.get("page"))
    entries = [
        (organisation, visible_fields(viewer, organisation)) for organisation in page.object_list
    ]
    return render(
        request,
        "directory/organisation_list.html",
        {
            "page": page,
            "entries": entries,
            "filters": filters,
            "query": filters.q,
            "choices": filter_choices(),
            "querystring": request.GET.urlencode(),
            "own_organisations": Organisation.objects.filter(
                pk__in=viewer.own_organisation_ids
            ).only("name", "slug")
            if viewer.own_organisation_ids
            else [],
        },
    )


def organisation_map(request):
    """The map page: the list's filters, clustered markers; district outlines without tiles."""
    filters = DirectoryFilters.from_params(request.GET)
    return render(
        request,
        "directory/organisation_map.html",
        {
            "filters": filters,
            "choices": filter_choices(),
            "data_url": reverse("directory:map_data") + "?" + request.GET.urlencode(),
            "districts_url": reverse("directory:districts_geojson"),
            "tile_url": settings.MAP_TILE_URL,
            "attribution": GEODATA_ATTRIBUTION,
        },
    )


MAP_COLUMNS = (
    "pk",
    "name",
    "slug",
    "latitude",
    "longitude",
    "municipality_id",
    "municipality__latitude",
    "municipality__longitude",
    "visibility_profile",
    "visibility_contact",
    "visibility_address",
    "visibility_members",
)


def _map_row(values) -> SimpleNamespace:
    (pk, _name, _slug, latitude, longitude, municipality_id, m_lat, m_lon, *visibility) = values
    return SimpleNamespace(
        pk=pk,
        latitude=latitude,
        longitude=longitude,
        municipality_id=municipality_id,
        municipality=SimpleNamespace(latitude=m_lat, longitude=m_lon),
        visibility_profile=visibility[0],
        visibility_contact=visibility[1],
        visibility_address=visibility[2],
        visibility_members=visibility[3],
    )


@require_GET
def map_data(request):
    """Compact GeoJSON of the markers: [lon, lat] rounded to about 10 m, name and slug only.

    Which point is shown (exact or the town's) is decided by `visible_fields`, once per
    combination of visibility choices, so 20,000 points stay fast.
    """
    viewer = viewer_for(request.user)
    cache_key = None
    if viewer is ANONYMOUS:
        # Visitors share one short-lived copy per filter: the map is the heaviest read.
        cache_key = "directory:map:" + hashlib.sha256(request.GET.urlencode().encode()).hexdigest()
        compressed = cache.get(cache_key)
        if compressed is not None:
            return _geojson_response(request, compressed)
    filters = DirectoryFilters.from_params(request.GET)
    rows = organisations_filtered(filters, viewer).values_list(*MAP_COLUMNS)
    exact_allowed = {}
    encode = json.JSONEncoder(ensure_ascii=False).encode
    features = []
    for values in rows:
        (pk, name, slug, latitude, longitude, municipality_id, m_lat, m_lon) = values[:8]
        key = (pk in viewer.own_organisation_ids, *values[8:])
        if key not in exact_allowed:
            exact_allowed[key] = "exact_point" in visible_fields(viewer, _map_row(values))
        if exact_allowed[key] and latitude is not None:
            lon, lat = longitude, latitude
        elif municipality_id is not None:
            lon, lat = m_lon, m_lat
        else:
            continue
        # Written by hand rather than json.dumps of nested dicts: three times faster.
        features.append(
            f'{{"type":"Feature","geometry":{{"type":"Point","coordinates":'
            f'[{round(lon, 4)},{round(lat, 4)}]}},"properties":{{"n":{encode(name)},'
            f'"s":{encode(slug)}}}}}'
        )
    body = '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"
    # gzip level 1: a third of level 6's time for 20 % more bytes (well under 1 MB).
    compressed = gzip.compress(body.encode(), compresslevel=1, mtime=0)
    if cache_key:
        cache.set(cache_key, compressed, MAP_CACHE_SECONDS)
    return _geojson_response(request, compressed)


def _geojson_response(request, compressed: bytes) -> HttpResponse:
    """Send the gzipped bytes as they are, or unpacked to a client that takes no gzip."""
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(compressed, content_type="application/geo+json")
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(compressed), content_type="application/geo+json")
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


@require_GET
@gzip_page
@cache_control(max_age=3600, public=True)
def districts_geojson(request):
    """The outlines of the districts (offline base map)."""
    body = cache.get("directory:districts-geojson")
    if body is None:
        features = [
            {
                "type": "Feature",
                "geometry": district.outline,
                "properties": {"key": district.key, "name": str(district)},
            }
            for district in District.objects.exclude(outline=None)
        ]
        body = json.dumps(
            {"type": "FeatureCollection", "features": features}, separators=(",", ":")
        )
        cache.set("directory:districts-geojson", body, 3600)
    return HttpResponse(body, content_type="application/geo+json")


def organisation_detail(request, slug):
    viewer = viewer_for(request.user)
    organisation = organisation_for_viewer(slug, viewer)
    if organisation is None:
        merged = Organisation.objects.filter(slug=slug).exclude(merged_into=None).first()
        if merged is not None and merged.merged_into.is_listed:
            return redirect(merged.merged_into)
        raise Http404
    fields = visible_fields(viewer, organisation)
    can_edit = request.user.has_perm("directory.change_organisation", organisation)
    members = []
    if request.user.has_perm("directory.view_organisation_members", organisation):
        members = list(organisation.memberships.select_related("user").order_by("user__last_name"))
    return render(
        request,
        "directory/organisation_detail.html",
        {
            "organisation": organisation,
            "fields": fields,
            "can_edit": can_edit,
            "members": members,
            "can_contact": organisation.is_listed,
            "point": public_point(organisation, fields),
        },
    )


def _organisation_for_admin(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.is_authenticated:
        return None, redirect_to_login(request.get_full_path())
    if not request.user.has_perm("directory.change_organisation", organisation):
        raise PermissionDenied
    return organisation, None


def organisation_edit(request, slug):
    """The association admin (or staff) edits the profile and who sees which group."""
    organisation, refusal = _organisation_for_admin(request, slug)
    if refusal:
        return refusal
    if request.method == "POST":
        form = OrganisationProfileForm(request.POST, request.FILES, instance=organisation)
        if form.is_valid():
            services.update_organisation_profile(form=form, actor=request.user)
            messages.success(request, _("The profile is saved."))
            return redirect("directory:edit", slug=organisation.slug)
    else:
        form = OrganisationProfileForm(instance=organisation)
    return render(
        request, "directory/organisation_edit.html", {"organisation": organisation, "form": form}
    )


def organisation_invite(request, slug):
    organisation, refusal = _organisation_for_admin(request, slug)
    if refusal:
        return refusal
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invite_colleague(
            organisation=organisation,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            invited_by=request.user,
            language=get_language(),
        )
        messages.success(request, _("The invitation is on its way."))
        return redirect("directory:invite", slug=organisation.slug)
    return render(
        request,
        "directory/organisation_invite.html",
        {
            "organisation": organisation,
            "form": form,
            "members": organisation.memberships.select_related("user").order_by("user__email"),
            "invitations": organisation.invitations.filter(accepted_at=None).order_by(
                "-created_at"
            ),
        },
    )


def invitation_accept(request, token):
    invitation = get_object_or_404(
        Invitation.objects.select_related("organisation"), token=token, accepted_at=None
    )
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    matches = request.user.email.lower() == invitation.email.lower()
    if request.method == "POST" and matches:
        services.accept_invitation(invitation=invitation, user=request.user)
        messages.success(
            request, _("Welcome! You now act for %(name)s.") % {"name": invitation.organisation}
        )
        return redirect(invitation.organisation)
    return render(
        request,
        "directory/invitation_accept.html",
        {"invitation": invitation, "matches": matches},
    )


def _rate_limited(request, organisation) -> bool:
    """Per address and association, and per address (shared cache, `core.ratelimits`)."""
    address = ratelimits.client_ip(request)
    per_organisation = ratelimits.limited(
        request, "contact_per_organisation", key=f"{address}:{organisation.pk}"
    )
    per_address = ratelimits.limited(request, "contact")
    return per_organisation or per_address


def organisation_contact(request, slug):
    """Relay a message by email; the association's address is never shown."""
    organisation = get_object_or_404(listed_organisations(), slug=slug)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _rate_limited(request, organisation):
            return render(
                request,
                "directory/organisation_contact.html",
                {"organisation": organisation, "form": form, "limited": True},
                status=429,
            )
        copied = services.send_contact_message(
            organisation=organisation,
            sender_name=form.cleaned_data["name"],
            sender_email=form.cleaned_data["email"],
            message=form.cleaned_data["message"],
            language=get_language(),
            user=request.user,
        )
        if copied:
            messages.success(
                request, _("Your message has been sent. A copy is on its way to your address.")
            )
        else:
            messages.success(request, _("Your message has been sent."))
        return redirect(organisation)
    return render(
        request, "directory/organisation_contact.html", {"organisation": organisation, "form": form}
    )


# --- Open data --------------------------------------------------------------------------------


def open_data(request):
    return render(
        request,
        "directory/open_data.html",
        {"licence": DATA_LICENCE, "attribution": GEODATA_ATTRIBUTION},
    )


def _open_data_rows(request):
    queryset = with_list_data(listed_organisations().order_by("name", "pk"))
    for organisation in queryset:
        yield organisation_data(organisation, ANONYMOUS, absolute_url=request.build_absolute_uri)


@require_GET
@gzip_page
def open_data_geojson(request):
    """Public fields of every public entry (never what the viewer may see beyond that)."""
    features = []
    for data in _open_data_rows(request):
        latitude, longitude = data.pop("latitude"), data.pop("longitude")
        geometry = (
            {"type": "Point", "coordinates": [longitude, latitude]}
            if latitude is not None
            else None
        )
        features.append({"type": "Feature", "geometry": geometry, "properties": data})
    body = json.dumps(
        {
            "type": "FeatureCollection",
            "license": DATA_LICENCE,
            "attribution": "vernetzt; " + GEODATA_ATTRIBUTION,
            "features": features,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    response = HttpResponse(body, content_type="application/geo+json")
    response["Content-Disposition"] = 'inline; filename="organisationen.geojson"'
    response["Link"] = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    return response


OPEN_DATA_COLUMNS = (
    "name",
    "slug",
    "url",
    "municipality",
    "municipality_key",
    "district",
    "district_key",
    "latitude",
    "longitude",
    "fields",
    "verified",
    "short_name",
    "legal_form",
    "founding_year",
    "languages",
    "target_groups",
    "website",
)


@require_GET
@gzip_page
def open_data_csv(request):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*OPEN_DATA_COLUMNS, "licence"])
    for data in _open_data_rows(request):
        row = []
        for column in OPEN_DATA_COLUMNS:
            value = data.get(column, "")
            if isinstance(value, list):
                value = ";".join(value)
            row.append(safe_cell("" if value is None else value))
        writer.writerow([*row, "CC BY 4.0"])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="organisationen.csv"'
    response["Link"] = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    return response


# --- Staff --------------------------------------------------------------------------------------


def _require_staff(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.is_staff:
        raise PermissionDenied
    return None


def manage(request):
    """Staff overview: entries waiting for verification first, with verify/archive/merge."""
    refusal = _require_staff(request)
    if refusal:
        return refusal
    status = request.GET.get("status", Organisation.Status.PENDING)
    if status not in Organisation.Status.values:
        status = Organisation.Status.PENDING
    queryset = (
        Organisation.objects.filter(status=status)
        .select_related("municipality__district")
        .order_by("-created_at", "pk")
    )
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "directory/manage.html",
        {"page": page, "status": status, "statuses": Organisation.Status.choices},
    )


@require_POST
def verify(request, slug):
    refusal = _require_staff(request)
    if refusal:
        return refusal
    organisation = get_object_or_404(Organisation, slug=slug)
    services.verify_organisation(organisation=organisation, actor=request.user)
    messages.success(request, _("%(name)s is verified.") % {"name": organisation.name})
    return redirect("directory:manage")


@require_POST
def archive(request, slug):
    refusal = _require_staff(request)
    if refusal:
        return refusal
    organisation = get_object_or_404(Organisation, slug=slug)
    services.archive_organisation(organisation=organisation, actor=request.user)
    messages.success(request, _("%(name)s is archived.") % {"name": organisation.name})
    return redirect("directory:manage")


def merge(request, slug):
    refusal = _require_staff(request)
    if refusal:
        return refusal
    duplicate = get_object_or_404(Organisation, slug=slug)
    form = MergeForm(request.POST or None, duplicate=duplicate)
    if request.method == "POST" and form.is_valid():
        try:
            target = services.merge_organisations(
                duplicate=duplicate, target=form.cleaned_data["target"], actor=request.user
            )
        except services.MergeConflict as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Merged into %(name)s.") % {"name": target.name})
            return redirect(target)
    return render(request, "directory/merge.html", {"duplicate": duplicate, "form": form})


def import_organisations(request):
    """Upload, see a dry run with one line per row, then apply (the same file, one click)."""
    refusal = _require_staff(request)
    if refusal:
        return refusal
    report = file_error = None
    applied = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            rows = importing.read_rows(upload.name, data)
        except importing.ImportFileError as error:
            file_error = str(error)
        else:
            report = importing.plan_import(rows)
            if request.POST.get("apply") and not report.errors:
                applied = importing.apply_import(report, actor=request.user)
                messages.success(
                    request,
                    _("Imported: %(create)s new, %(update)s changed, %(unchanged)s unchanged.")
                    % applied,
                )
    return render(
        request,
        "directory/import.html",
        {"form": form, "report": report, "file_error": file_error, "applied": applied},
        status=400 if file_error else 200,
    )


def export(request, format):
    refusal = _require_staff(request)
    if refusal:
        return refusal
    rows = importing.export_rows(Organisation.objects.order_by("name", "pk"))
    if format == "xlsx":
        from openpyxl import Workbook  # noqa: PLC0415 - only this view writes Excel

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("organisations")
        for row in rows:
            sheet.append([safe_cell(value) for value in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="organisationen.xlsx"'
        return response
    if format != "csv":
        raise Http404
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="organisationen.csv"'
    return response
