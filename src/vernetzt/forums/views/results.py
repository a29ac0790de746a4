"""Needs and demands across meetings: the public view, exports, and staff curation."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vernetzt.core.collation import collated, unique_collated
from vernetzt.core.exports import csv_response, xlsx_response
from vernetzt.directory.models import District

from .. import queries, services
from ..forms import ItemStaffForm, TagForm
from ..models import ResultItem, Tag, field_of_activity_choices
from .common import staff_required


def _needs_context(request, *, published_only):
    filters = {
        key: request.GET.get(key, "")
        for key in ("kind", "tag", "field", "district", "year", "status")
    }
    items = queries.needs(published_only=published_only, filters=filters)
    return filters, items


def _filter_choices():
    years = sorted(
        {d.year for d in ResultItem.objects.dates("forum__event__starts_at", "year")}, reverse=True
    )
    return {
        "kinds": ResultItem.Kind.choices,
        "statuses": ResultItem.Status.choices,
        "fields": collated(field_of_activity_choices(), key=lambda choice: choice[1]),
        "tags": unique_collated(Tag.objects.all(), key=lambda tag: tag.name),
        "districts": collated(District.objects.all()),
        "years": years,
    }


@require_GET
def needs(request):
    """Needs and demands across meetings: everybody sees published ones, staff all."""
    staff = request.user.has_perm("forums.manage_forums")
    filters, items = _needs_context(request, published_only=not staff)
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "forums/needs.html",
        {
            "page_obj": page,
            "filters": filters,
            "trend": queries.trend(items),
            "staff": staff,
            "querystring": params.urlencode(),
            **_filter_choices(),
        },
    )


def _export_rows(request):
    staff = request.user.has_perm("forums.manage_forums")
    _filters, items = _needs_context(request, published_only=not staff)
    header = [
        _("Year"),
        _("Meeting"),
        _("Forum"),
        _("Kind"),
        _("Text"),
        _("Tags"),
        _("Field of activity"),
        _("Associations"),
        _("Districts"),
        _("Supports"),
        _("Status"),
        _("Public answer"),
    ]
    rows = []
    for item in items:
        organisations = list(item.organisations.all())
        rows.append(
            [
                item.forum.event.starts_at.year,
                item.forum.event.title,
                item.forum.title,
                item.get_kind_display(),
                item.text,
                ", ".join(tag.name for tag in item.tags.all()),
                item.get_field_of_activity_display(),
                ", ".join(o.name for o in organisations),
                ", ".join(
                    sorted(
                        {o.municipality.district.name for o in organisations if o.municipality_id}
                    )
                ),
                item.support_count,
                item.get_status_display(),
                item.public_answer,
            ]
        )
    return header, rows


@require_GET
def needs_csv(request):
    header, rows = _export_rows(request)
    return csv_response("bedarfe.csv", header, rows)


@require_GET
def needs_xlsx(request):
    header, rows = _export_rows(request)
    return xlsx_response("bedarfe.xlsx", header, rows, title="Bedarfe")


@staff_required
def item_edit(request, pk):
    """Staff curate one item: text, tags, "you said, we did" status and public answer."""
    item = get_object_or_404(ResultItem.objects.select_related("forum__event"), pk=pk)
    form = ItemStaffForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        services.answer_item(
            item=item,
            status=form.cleaned_data["status"],
            public_answer=form.cleaned_data["public_answer"],
            is_published=form.cleaned_data["is_published"],
        )
        messages.success(request, _("Your changes are saved."))
        return redirect("forums:item_edit", pk=pk)
    others = (
        ResultItem.objects.filter(forum__event=item.forum.event, merged_into__isnull=True)
        .exclude(pk=item.pk)
        .select_related("forum")
    )
    return render(request, "forums/staff/item.html", {"item": item, "form": form, "others": others})


@staff_required
@require_POST
def merge(request, pk):
    item = get_object_or_404(ResultItem, pk=pk)
    target_id = request.POST.get("target", "")
    target = ResultItem.objects.filter(pk=int(target_id)).first() if target_id.isdigit() else None
    if target is None:
        messages.error(request, _("Please choose the item to merge into."))
        return redirect("forums:item_edit", pk=pk)
    try:
        services.merge_items(source=item, target=target)
    except services.ForumError as error:
        messages.error(request, str(error))
        return redirect("forums:item_edit", pk=pk)
    messages.success(request, _("Merged."))
    return redirect("forums:item_edit", pk=target.pk)


@staff_required
def tags(request):
    form = TagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.get_or_create_tag(name=form.cleaned_data["name"])
        except services.ForumError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("Tag added."))
            return redirect("forums:tags")
    return render(
        request,
        "forums/staff/tags.html",
        {"form": form, "tags": Tag.objects.annotate(n=Count("items"))},
    )
