"""Reads of the directory shared by the page, the API, the map and the open data."""

from dataclasses import dataclass
from typing import NamedTuple

from django.core.cache import cache
from django.db.models import Prefetch
from django.utils.translation import get_language

from vernetzt.core.collation import collated

from .enums import FieldGroup, TermKind
from .geo import MAX_KM, within_km
from .models import District, Municipality, Organisation, Term
from .search import MAX_QUERY_LENGTH, organisations_matching
from .visibility import Viewer, group_visible_q, public_point, visible_fields

MAX_PAGE_SIZE = 100
DEFAULT_KM = 20
DEFAULT_PAGE_SIZE = 25


class Choice(NamedTuple):
    slug: str
    label: str


@dataclass
class DirectoryFilters:
    q: str = ""
    district: str = ""
    field: str = ""
    language: str = ""
    target_group: str = ""
    near: str = ""  # municipality id: "within km of"
    km: str = ""

    @classmethod
    def from_params(cls, params) -> "DirectoryFilters":
        def value(name, length=40):
            raw = params.get(name) or ""
            return str(raw).strip()[:length]

        return cls(
            q=value("q", MAX_QUERY_LENGTH),
            district=value("district"),
            field=value("field"),
            language=value("language"),
            target_group=value("target_group"),
            near=value("near", 12) if value("near", 12).isdigit() else "",
            km=value("km", 6),
        )

    @property
    def active(self) -> bool:
        return any([self.q, self.district, self.field, self.language, self.target_group, self.near])

    @property
    def distance_km(self) -> float:
        try:
            km = float(self.km)
        except ValueError:
            return DEFAULT_KM
        return km if 0 < km <= MAX_KM else DEFAULT_KM


def listed_organisations(viewer: Viewer | None = None):
    """Published, not archived associations (staff and their own people see no more here)."""
    return Organisation.objects.filter(is_published=True).exclude(
        status=Organisation.Status.ARCHIVED
    )


def organisations_filtered(filters: DirectoryFilters, viewer: Viewer):
    """The directory's search and filters. Filters on hidden groups only match where visible."""
    queryset = listed_organisations(viewer)
    if filters.q:
        queryset = organisations_matching(queryset, filters.q)
    if filters.district:
        queryset = queryset.filter(municipality__district__key=filters.district)
    if filters.field:
        queryset = queryset.filter(fields__slug=filters.field)
    if filters.near:
        centre = Municipality.objects.filter(pk=int(filters.near)).first()
        if centre is None:
            return queryset.none()
        queryset = within_km(
            queryset,
            centre.latitude,
            centre.longitude,
            filters.distance_km,
            lat_field="municipality__latitude",
            lon_field="municipality__longitude",
        )
    if filters.language:
        queryset = queryset.filter(languages__slug=filters.language).filter(
            group_visible_q(viewer, FieldGroup.PROFILE)
        )
    if filters.target_group:
        queryset = queryset.filter(target_groups__slug=filters.target_group).filter(
            group_visible_q(viewer, FieldGroup.PROFILE)
        )
    return queryset


def with_list_data(queryset):
    """What a list shows, in a fixed number of queries whatever the page size."""
    return queryset.select_related("municipality__district").prefetch_related(
        Prefetch("fields", queryset=Term.objects.order_by("slug")),
        Prefetch("languages", queryset=Term.objects.order_by("slug")),
        Prefetch("target_groups", queryset=Term.objects.order_by("slug")),
    )


CHOICES_CACHE_SECONDS = 300  # districts and vocabulary change only by migration or admin


def filter_choices() -> dict:
    """Choices of the filter form, labelled in the current language.

    Plain (key/slug, label) entries kept in the cache for a few minutes, so the directory
    page spends no query and little time on them.
    """
    language = get_language() or "de"
    cache_key = f"directory:filter-choices:{language}"
    choices = cache.get(cache_key)
    if choices is not None:
        return choices
    terms = {kind: [] for kind in TermKind.values}
    for term in Term.objects.all():
        terms[term.kind].append(Choice(term.slug, str(term.label)))
    for kind in terms:
        terms[kind] = collated(terms[kind], key=lambda choice: choice.label)
    choices = {
        "districts": collated(
            [
                Choice(district.key, str(district))
                for district in District.objects.only("key", "name", "kind")
            ],
            key=lambda choice: choice.label,
        ),
        "fields": terms[TermKind.FIELD],
        "languages": terms[TermKind.LANGUAGE],
        "target_groups": terms[TermKind.TARGET],
        # For "near": every municipality of the state, by name (ids as strings).
        "municipalities": [
            Choice(str(pk), name)
            for pk, name in Municipality.objects.filter(district__state="HE")
            .order_by("name", "key")
            .values_list("pk", "name")
        ],
    }
    cache.set(cache_key, choices, CHOICES_CACHE_SECONDS)
    return choices


def organisation_data(organisation, viewer: Viewer, *, absolute_url=None) -> dict:
    """A plain dict of the fields `viewer` may see (API and open data). Needs with_list_data."""
    fields = visible_fields(viewer, organisation)
    municipality = organisation.municipality
    data = {
        "name": organisation.name,
        "slug": organisation.slug,
        "url": absolute_url(organisation.get_absolute_url())
        if absolute_url
        else organisation.get_absolute_url(),
        "municipality": municipality.name if municipality else None,
        "municipality_key": municipality.key if municipality else None,
        "district": municipality.district.name if municipality else None,
        "district_key": municipality.district.key if municipality else None,
        "fields": [term.slug for term in organisation.fields.all()],
        "verified": organisation.status == Organisation.Status.VERIFIED,
    }
    point = public_point(organisation, fields)
    data["latitude"], data["longitude"] = point if point else (None, None)
    if "short_name" in fields:
        data.update(
            short_name=organisation.short_name,
            legal_form=organisation.legal_form,
            register_number=organisation.register_number,
            founding_year=organisation.founding_year,
            description=organisation.description,
            description_translations=organisation.description_translations or {},
            target_groups=[term.slug for term in organisation.target_groups.all()],
            languages=[term.slug for term in organisation.languages.all()],
            logo=organisation.logo.url if organisation.logo else None,
        )
    if "website" in fields:
        data.update(website=organisation.website, social_links=organisation.social_links or [])
    if "contact_email" in fields:
        data["contact_email"] = organisation.contact_email
    if "street" in fields:
        data.update(street=organisation.street, postcode=organisation.postcode)
    if "members_range" in fields:
        data["members_range"] = organisation.members_range
    return data


def organisation_for_viewer(slug: str, viewer: Viewer):
    """The association's page: listed ones for everybody, others for staff and its people."""
    organisation = with_list_data(Organisation.objects.all()).filter(slug=slug).first()
    if organisation is None:
        return None
    if organisation.is_listed or viewer.is_staff:
        return organisation
    if organisation.pk in viewer.own_organisation_ids:
        return organisation
    return None
