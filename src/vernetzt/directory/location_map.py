"""A small map of Hesse on an association's profile: the districts as server-rendered SVG
(from District.outline, offline geodata) and a dot at the public point. No tiles, no script,
no request to another site, so the strict content security policy stays as it is."""

import math

from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import District

WIDTH = 320
CACHE_KEY = "directory:location-map:v1"


def _rings(geometry):
    if not geometry:
        return []
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry.get("type") == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


def _base() -> dict | None:
    """The projected district paths and the projection, cached (the outlines never change)."""
    base = cache.get(CACHE_KEY)
    if base is not None:
        return base or None
    shapes = [(d.pk, d.name, _rings(d.outline)) for d in District.objects.exclude(outline=None)]
    points = [p for _pk, _n, rings in shapes for ring in rings for p in ring]
    if not points:
        cache.set(CACHE_KEY, {}, 3600)
        return None
    min_x, max_x = min(p[0] for p in points), max(p[0] for p in points)
    min_y, max_y = min(p[1] for p in points), max(p[1] for p in points)
    scale_x = math.cos(math.radians((min_y + max_y) / 2))
    factor = WIDTH / (((max_x - min_x) * scale_x) or 1)
    projection = {"min_x": min_x, "max_y": max_y, "scale_x": scale_x, "factor": factor}
    paths = {
        pk: " ".join(
            "M"
            + " L".join(_project(p, projection) for p in ring[:: max(1, len(ring) // 200)])
            + " Z"
            for ring in rings
        )
        for pk, _name, rings in shapes
    }
    base = {
        "projection": projection,
        "paths": paths,
        "height": round((max_y - min_y) * factor),
    }
    cache.set(CACHE_KEY, base, 24 * 3600)
    return base


def _project(point, projection) -> str:
    x = (point[0] - projection["min_x"]) * projection["scale_x"] * projection["factor"]
    y = (projection["max_y"] - point[1]) * projection["factor"]
    return f"{x:.1f},{y:.1f}"


def location_map(point, district_id, *, label: str) -> SafeString:
    """The SVG, or "" without a point or outlines. `point` is (lat, lon)."""
    if point is None:
        return mark_safe("")  # noqa: S308 - empty
    base = _base()
    if base is None:
        return mark_safe("")  # noqa: S308 - empty
    x, y = (float(v) for v in _project((point[1], point[0]), base["projection"]).split(","))
    parts = [
        f'<svg class="location-map" viewBox="-2 -2 {WIDTH + 4} {base["height"] + 4}" '
        f'role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
    ]
    for pk, path in base["paths"].items():
        css = "location-map__district is-here" if pk == district_id else "location-map__district"
        parts.append(f'<path class="{css}" d="{path}"/>')
    parts.append(f'<circle class="location-map__dot" cx="{x:.1f}" cy="{y:.1f}" r="6"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - numbers and escaped text only
