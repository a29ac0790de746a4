"""Open data: the public entries as GeoJSON and CSV under CC BY 4.0."""

import csv
import io
import json

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from vernetzt.core.exports import safe_cell

from ..queries import listed_organisations, organisation_data, with_list_data
from ..visibility import ANONYMOUS
from .maps import GEODATA_ATTRIBUTION

DATA_LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"


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


@require_safe
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


@require_safe
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
