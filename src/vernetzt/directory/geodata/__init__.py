"""Reads the shipped offline geodata: `<state>_districts.geojson`, `<state>_municipalities.csv`."""

import csv
import json
from pathlib import Path

GEODATA_DIR = Path(__file__).resolve().parent
STATES = {"HE": "hesse"}


def read_districts(state: str = "HE") -> list[dict]:
    path = GEODATA_DIR / f"{STATES[state]}_districts.geojson"
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return [{**feature["properties"], "outline": feature["geometry"]} for feature in features]


def read_municipalities(state: str = "HE") -> list[dict]:
    path = GEODATA_DIR / f"{STATES[state]}_municipalities.csv"
    with path.open(encoding="utf-8", newline="") as file:
        return [
            {**row, "lat": float(row["lat"]), "lon": float(row["lon"])}
            for row in csv.DictReader(file)
        ]
