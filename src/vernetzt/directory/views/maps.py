"""The map page and its data: markers as compact GeoJSON and the district outlines."""

import gzip
import hashlib
import json
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from ..models import District
from ..queries import DirectoryFilters, filter_choices, organisations_filtered
from ..visibility import ANONYMOUS, viewer_for, visible_fields

MAP_CACHE_SECONDS = 60  # a changed profile shows on the public map within a minute


GEODATA_ATTRIBUTION = (
    "Verwaltungsgrenzen und Gemeindeschlüssel: © GeoBasis-DE / BKG 2016 "
    "(dl-de/by-2-0, www.govdata.de/dl-de/by-2-0); Daten verändert (vereinfacht, "
    "Gemeindefusionen 2018/2020 nachgetragen)."
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


@require_safe
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


@require_safe
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
