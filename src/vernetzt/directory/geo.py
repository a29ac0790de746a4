"""Distances from a municipality's centre: haversine, no PostGIS, the same on SQLite.

`within_km` first narrows with a latitude/longitude bounding box (plain comparisons on
indexed columns), then keeps rows whose great-circle distance is at most `km`, and annotates
`distance_km`. Django registers the trigonometric functions for SQLite itself.
"""

import math

from django.db.models import F, FloatField, Value
from django.db.models.functions import ASin, Cos, Least, Radians, Sin, Sqrt

EARTH_RADIUS_KM = 6371.0088
MAX_KM = 500


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a box that holds the circle of `km`."""
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    dlon = math.degrees(km / (EARTH_RADIUS_KM * max(0.01, math.cos(math.radians(lat)))))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def distance_expression(lat: float, lon: float, lat_field="latitude", lon_field="longitude"):
    half_dlat = (Radians(F(lat_field)) - Value(math.radians(lat))) / 2
    half_dlon = (Radians(F(lon_field)) - Value(math.radians(lon))) / 2
    a = Sin(half_dlat) * Sin(half_dlat) + Value(math.cos(math.radians(lat))) * Cos(
        Radians(F(lat_field))
    ) * Sin(half_dlon) * Sin(half_dlon)
    return Value(2 * EARTH_RADIUS_KM) * ASin(Least(Value(1.0), Sqrt(a)), output_field=FloatField())


def within_km(
    queryset, lat: float, lon: float, km: float, lat_field="latitude", lon_field="longitude"
):
    """Rows within `km` of (lat, lon), annotated with `distance_km`."""
    km = max(0.0, min(float(km), MAX_KM))
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, km)
    return (
        queryset.filter(
            **{
                f"{lat_field}__gte": min_lat,
                f"{lat_field}__lte": max_lat,
                f"{lon_field}__gte": min_lon,
                f"{lon_field}__lte": max_lon,
            }
        )
        .annotate(distance_km=distance_expression(lat, lon, lat_field, lon_field))
        .filter(distance_km__lte=km)
    )
