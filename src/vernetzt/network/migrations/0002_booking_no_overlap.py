"""On PostgreSQL: two confirmed bookings of one offer never overlap (exclusion constraint).

The constraint needs the btree_gist extension (for `listing_id WITH =` in a GiST index).
SQLite has no exclusion constraints: there the lock discipline and the check in the service
are the guard (IMMEDIATE transactions serialise writers).
"""

from django.db import migrations


def add_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from vernetzt.network.models import no_overlap_constraint

    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.add_constraint(apps.get_model("network", "Booking"), no_overlap_constraint())


def remove_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from vernetzt.network.models import no_overlap_constraint

    schema_editor.remove_constraint(apps.get_model("network", "Booking"), no_overlap_constraint())


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]

    operations = [migrations.RunPython(add_constraint, remove_constraint)]
