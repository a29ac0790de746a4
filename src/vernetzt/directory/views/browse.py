"""The public directory: the list with search and filters, and one association's profile."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..location_map import location_map
from ..models import Organisation
from ..queries import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    DirectoryFilters,
    filter_choices,
    organisation_for_viewer,
    organisations_filtered,
    with_list_data,
)
from ..visibility import public_point, viewer_for, visible_fields


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
    point = public_point(organisation, fields)
    return render(
        request,
        "directory/organisation_detail.html",
        {
            "organisation": organisation,
            "fields": fields,
            "can_edit": can_edit,
            "members": members,
            "can_contact": organisation.is_listed,
            "point": point,
            "location_map": location_map(
                point,
                organisation.municipality.district_id if organisation.municipality_id else None,
                label=_("Where %(name)s is") % {"name": organisation.name},
            ),
            "sections": contributed_sections(request, organisation),
        },
    )


def contributed_sections(request, organisation) -> list[dict]:
    """Sections that apps further down add to an association's page (AppConfig hook
    `organisation_sections(request, organisation) -> [{"html": safe html}]`)."""
    from django.apps import apps  # noqa: PLC0415

    sections = []
    for app_config in apps.get_app_configs():
        contribute = getattr(app_config, "organisation_sections", None)
        if contribute:
            sections.extend(contribute(request, organisation) or [])
    return sections
