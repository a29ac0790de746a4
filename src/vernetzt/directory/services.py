"""Writes of the directory."""

from django.db import transaction

from .geodata import read_districts, read_municipalities


@transaction.atomic
def load_geodata(*, district_model, municipality_model, state: str = "HE") -> tuple[int, int]:
    """Create or update a state's districts and municipalities from the shipped files.

    Idempotent (keyed by the official keys). Takes the model classes so that the data
    migration can pass its historical models.
    """
    districts = {}
    for row in read_districts(state):
        districts[row["key"]], _ = district_model.objects.update_or_create(
            key=row["key"],
            defaults={
                "name": row["name"],
                "kind": row["kind"],
                "state": row["state"],
                "outline": row["outline"],
            },
        )
    municipalities = read_municipalities(state)
    for row in municipalities:
        municipality_model.objects.update_or_create(
            key=row["key"],
            defaults={
                "name": row["name"],
                "district": districts[row["district_key"]],
                "latitude": row["lat"],
                "longitude": row["lon"],
            },
        )
    return len(districts), len(municipalities)
