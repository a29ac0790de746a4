from django.db import migrations


def load(apps, schema_editor):
    from vernetzt.directory.services import load_geodata

    load_geodata(
        district_model=apps.get_model("directory", "District"),
        municipality_model=apps.get_model("directory", "Municipality"),
        state="HE",
    )


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_geography")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
