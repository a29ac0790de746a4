"""Staff tools of the directory: verify, archive, merge, import and export."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vernetzt.core.exports import safe_cell

from .. import importing, services
from ..forms import ImportForm, MergeForm
from ..models import Organisation


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
