"""`GET /api/v1/organisations`: the directory's search and filters as JSON.

Anonymous callers get public fields only; the fields come from `visibility.visible_fields`,
the same function as the pages. Keys of hidden fields are left out, not set to null.
"""

from django.core.paginator import Paginator
from django.http import Http404
from ninja import Field, Query, Router, Schema

from vernetzt.core.api_schemas import ErrorsOut

from .queries import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    DirectoryFilters,
    organisation_data,
    organisation_for_viewer,
    organisations_filtered,
    with_list_data,
)
from .visibility import viewer_for

router = Router(tags=["directory"])


class OrganisationOut(Schema):
    name: str
    slug: str
    url: str
    municipality: str | None = None
    municipality_key: str | None = None
    district: str | None = None
    district_key: str | None = None
    latitude: float | None = Field(None, description="Of the town, or an exact point if public.")
    longitude: float | None = None
    fields: list[str] = []
    verified: bool = False
    short_name: str | None = None
    legal_form: str | None = None
    register_number: str | None = None
    founding_year: int | None = None
    description: str | None = None
    description_translations: dict[str, str] | None = None
    target_groups: list[str] | None = None
    languages: list[str] | None = None
    logo: str | None = None
    website: str | None = None
    social_links: list[str] | None = None
    contact_email: str | None = None
    street: str | None = None
    postcode: str | None = None
    members_range: str | None = None


class OrganisationPage(Schema):
    count: int
    page: int
    page_size: int
    num_pages: int
    results: list[OrganisationOut]


class DirectoryQuery(Schema):
    q: str = Field("", max_length=2000, description="Words; typos are tolerated on PostgreSQL.")
    district: str = Field("", max_length=100, description="District key, e.g. 06412.")
    field: str = Field("", max_length=100, description="Field of activity (slug).")
    language: str = Field("", max_length=100, description="Language spoken (code).")
    target_group: str = Field("", max_length=100, description="Target group (slug).")
    near: int | None = Field(None, ge=1, description="Municipality id: within `km` of it.")
    km: float = Field(20, gt=0, le=500)
    page: int = Field(1, ge=1, le=100000)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


@router.get(
    "/organisations",
    response={200: OrganisationPage, 400: ErrorsOut},
    exclude_none=True,
    summary="Search the directory",
    url_name="organisations",
)
def list_organisations(request, params: Query[DirectoryQuery]):
    viewer = viewer_for(request.user)
    filters = DirectoryFilters.from_params(params.dict())
    queryset = with_list_data(organisations_filtered(filters, viewer).order_by("name", "pk"))
    paginator = Paginator(queryset, params.page_size)
    page = paginator.get_page(params.page)
    return {
        "count": paginator.count,
        "page": page.number,
        "page_size": params.page_size,
        "num_pages": paginator.num_pages,
        "results": [
            organisation_data(o, viewer, absolute_url=request.build_absolute_uri)
            for o in page.object_list
        ],
    }


@router.get(
    "/organisations/{slug}",
    response={200: OrganisationOut, 404: ErrorsOut},
    exclude_none=True,
    summary="One association",
    url_name="organisation",
)
def get_organisation(request, slug: str):
    viewer = viewer_for(request.user)
    organisation = organisation_for_viewer(slug[:120], viewer)
    if organisation is None:
        raise Http404
    return organisation_data(organisation, viewer, absolute_url=request.build_absolute_uri)
