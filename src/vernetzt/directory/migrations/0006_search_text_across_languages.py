"""Rebuild the search words: folded (no accents) and with names in every interface language."""

from django.db import migrations


def rebuild(apps, schema_editor):
    # The search text is derived data: build it with today's code (labels of the vocabulary
    # come from code, not from the database), one UPDATE per association.
    from vernetzt.directory.models import Organisation
    from vernetzt.directory.search import build_search_text

    for organisation in Organisation.objects.select_related("municipality__district").iterator():
        Organisation.objects.filter(pk=organisation.pk).update(
            search_text=build_search_text(organisation)
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_search_index_and_vocabulary")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
