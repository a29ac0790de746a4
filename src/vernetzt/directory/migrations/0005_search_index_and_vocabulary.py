"""pg_trgm and a trigram index for the search (PostgreSQL only), and the shared vocabulary."""

from django.db import migrations

TRIGRAM_INDEX = (
    "CREATE INDEX IF NOT EXISTS organisation_search_trgm "
    "ON directory_organisation USING gin (search_text gin_trgm_ops)"
)


def add_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite searches with LIKE; nothing to index
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(TRIGRAM_INDEX)


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS organisation_search_trgm")


def add_vocabulary(apps, schema_editor):
    from vernetzt.directory.services import sync_vocabulary

    sync_vocabulary(term_model=apps.get_model("directory", "Term"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_profile_visibility_vocabulary")]

    operations = [
        migrations.RunPython(add_trigram_index, drop_trigram_index),
        migrations.RunPython(add_vocabulary, migrations.RunPython.noop),
    ]
