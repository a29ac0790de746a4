"""A map of Hesse's districts as server-rendered SVG (from District.outline, GeoJSON).

Covered districts are drawn dark with a hatching pattern, the others light, so the map
reads without colour; the SVG's description and the list next to it name the districts.
"""

import math

from django.utils.html import escape


def _rings(geometry):
    if not geometry:
        return []
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry.get("type") == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


def district_map(districts, covered_ids, *, title: str, width: int = 420) -> str:
    shapes = [(district, _rings(district.outline)) for district in districts]
    points = [point for _d, rings in shapes for ring in rings for point in ring]
    if not points:
        return ""
    min_x = min(p[0] for p in points)
    max_x = max(p[0] for p in points)
    min_y = min(p[1] for p in points)
    max_y = max(p[1] for p in points)
    scale_x = math.cos(math.radians((min_y + max_y) / 2))
    span_x = (max_x - min_x) * scale_x or 1
    span_y = (max_y - min_y) or 1
    height = round(width * span_y / span_x)
    factor = width / span_x

    def project(point):
        return (
            round((point[0] - min_x) * scale_x * factor, 1),
            round((max_y - point[1]) * factor, 1),
        )

    covered_names = sorted(str(d) for d, _r in shapes if d.pk in covered_ids)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="district-map" role="img" '
        f'viewBox="-2 -2 {width + 4} {height + 4}" width="{width}" height="{height}">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(', '.join(covered_names))}</desc>",
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#1d5c96"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>',
    ]
    for district, rings in shapes:
        covered = district.pk in covered_ids
        path = " ".join(
            "M" + " L".join(f"{x},{y}" for x, y in map(project, ring)) + " Z" for ring in rings
        )
        fill = "url(#hatch)" if covered else "#eef2f6"
        parts.append(
            f'<path d="{path}" fill="{fill}" stroke="#1a1a1a" stroke-width="0.8">'
            f"<title>{escape(str(district))}</title></path>"
        )
    parts.append("</svg>")
    return "".join(parts)
