"""Reads of the network shared by pages, API, map and matching."""

from dataclasses import dataclass

from django.db.models import Q
from django.template.loader import render_to_string

from vernetzt.directory.geo import MAX_KM, within_km
from vernetzt.directory.models import Municipality
from vernetzt.directory.visibility import MEMBERS, Viewer, viewer_for

from .enums import Kind, ListingVisibility, Side
from .models import Booking, Listing

PAGE_SIZE = 20
MAX_QUERY = 200
DEFAULT_KM = 20


@dataclass
class ListingFilters:
    side: str = Side.OFFER
    kind: str = ""
    district: str = ""
    near: int | None = None
    km: float = DEFAULT_KM
    q: str = ""

    @classmethod
    def from_params(cls, params, side=Side.OFFER) -> "ListingFilters":
        def text(name, length=40):
            return str(params.get(name) or "").strip()[:length]

        kind = text("kind")
        wanted_side = text("side") or side
        try:
            near = int(params.get("near") or 0) or None
        except (TypeError, ValueError):
            near = None
        try:
            km = float(params.get("km") or DEFAULT_KM)
        except (TypeError, ValueError):
            km = DEFAULT_KM
        if km != km or km <= 0:  # NaN or not positive
            km = DEFAULT_KM
        return cls(
            side=wanted_side if wanted_side in Side.values else Side.OFFER,
            kind=kind if kind in Kind.values else "",
            district=text("district", 8),
            near=near,
            km=min(km, MAX_KM),
            q=text("q", MAX_QUERY),
        )

    @property
    def active(self) -> bool:
        return bool(self.kind or self.district or self.near or self.q)


def visible_listings(viewer: Viewer):
    """Active listings the viewer may see: public ones, members-only for network members."""
    queryset = Listing.objects.filter(status=Listing.Status.ACTIVE)
    if viewer.is_staff or viewer.level >= MEMBERS:
        return queryset
    condition = Q(visibility=ListingVisibility.PUBLIC)
    if viewer.own_organisation_ids:
        condition |= Q(organisation_id__in=viewer.own_organisation_ids)
    return queryset.filter(condition)


def municipality_or_none(pk) -> Municipality | None:
    if not pk:
        return None
    return Municipality.objects.filter(pk=pk).first()


def listings_filtered(filters: ListingFilters, viewer: Viewer, centre: Municipality | None = None):
    """The filters of the list page and the API, in one query (plus the count)."""
    queryset = visible_listings(viewer).filter(side=filters.side)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.district:
        queryset = queryset.filter(district__key=filters.district)
    if filters.q:
        for word in filters.q.lower().split()[:8]:
            queryset = queryset.filter(search_text__contains=word)
    if centre is not None:
        queryset = within_km(queryset, centre.latitude, centre.longitude, filters.km).order_by(
            "distance_km", "-created_at", "-id"
        )
    else:
        queryset = queryset.order_by("-created_at", "-id")
    return queryset.select_related("organisation", "municipality", "district")


def listing_for_viewer(pk, viewer: Viewer) -> Listing | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    listing = (
        Listing.objects.select_related("organisation", "municipality", "district")
        .filter(pk=pk)
        .first()
    )
    if listing is None:
        return None
    if viewer.is_staff or listing.organisation_id in viewer.own_organisation_ids:
        return listing
    if visible_listings(viewer).filter(pk=listing.pk).exists():
        return listing
    return None


def bookings_of(organisation_ids, *, as_owner: bool):
    field = "listing__organisation_id__in" if as_owner else "organisation_id__in"
    return (
        Booking.objects.filter(**{field: organisation_ids})
        .select_related("listing__organisation", "organisation")
        .order_by("-start", "-id")
    )


def neighbours(organisation, *, km: float = 25, limit: int = 8):
    """Associations with active listings within `km` of this association's municipality."""
    if organisation.municipality_id is None:
        return []
    centre = organisation.municipality
    rows = (
        within_km(
            Listing.objects.filter(
                status=Listing.Status.ACTIVE, visibility=ListingVisibility.PUBLIC
            ).exclude(organisation=organisation),
            centre.latitude,
            centre.longitude,
            km,
        )
        .select_related("organisation")
        .order_by("distance_km", "organisation_id")[:200]
    )
    seen, result = set(), []
    for listing in rows:
        if listing.organisation_id in seen or not listing.organisation.is_listed:
            continue
        seen.add(listing.organisation_id)
        result.append({"organisation": listing.organisation, "km": round(listing.distance_km)})
        if len(result) >= limit:
            break
    return result


def organisation_section(request, organisation) -> list[dict]:
    """For the directory's association page (AppConfig hook `organisation_sections`)."""
    viewer = viewer_for(request.user)
    listings = list(
        visible_listings(viewer)
        .filter(organisation=organisation)
        .order_by("side", "-created_at")[:20]
    )
    near = neighbours(organisation)
    if not listings and not near:
        return []
    html = render_to_string(
        "network/_organisation_section.html",
        {"listings": listings, "neighbours": near, "organisation": organisation},
        request=request,
    )
    return [{"html": html}]
