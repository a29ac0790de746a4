"""Staff tools of the directory: verify, archive, merge, import and export."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vernetzt.core.exports import csv_response, xlsx_response
from vernetzt.core.permissions import permission_required

from .. import importing, services
from ..forms import ImportForm, MergeForm
from ..merge_preview import merge_preview
from ..models import Organisation

staff_required = permission_required("directory.manage_directory")


@staff_required
def manage(request):
    """Staff overview: entries waiting for verification first, with verify/archive/merge."""
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
@staff_required
def verify(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    services.verify_organisation(organisation=organisation, actor=request.user)
    messages.success(request, _("%(name)s is verified.") % {"name": organisation.name})
    return redirect("directory:manage")


@require_POST
@staff_required
def archive(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    services.archive_organisation(organisation=organisation, actor=request.user)
    messages.success(request, _("%(name)s is archived.") % {"name": organisation.name})
    return redirect("directory:manage")


@staff_required
def merge(request, slug):
    duplicate = get_object_or_404(Organisation, slug=slug)
    form = MergeForm(request.POST or None, duplicate=duplicate)
    if request.method == "POST" and form.is_valid() and "preview" in request.POST:
        return render(
            request,
            "directory/merge.html",
            {
                "duplicate": duplicate,
                "form": form,
                "target": form.cleaned_data["target"],
                "moves": merge_preview(duplicate),
            },
        )
    if request.method == "POST" and form.is_valid():
        try:
            target = services.merge_organisations(
                duplicate=duplicate, target=form.cleaned_data["target"], actor=request.user
            )
        except services.MergeConflict as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Merged into “%(name)s”.") % {"name": target.name})
            return redirect(target)
    return render(request, "directory/merge.html", {"duplicate": duplicate, "form": form})


@staff_required
def import_organisations(request):
    """Upload, see a dry run with one line per row, then apply (the same file, one click)."""
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


@staff_required
def export(request, format):
    if format not in ("csv", "xlsx"):
        raise Http404
    rows = importing.export_rows(Organisation.objects.order_by("name", "pk"))
    header = next(rows)
    if format == "xlsx":
        return xlsx_response("organisationen.xlsx", header, rows, title="organisations")
    return csv_response("organisationen.csv", header, rows)
