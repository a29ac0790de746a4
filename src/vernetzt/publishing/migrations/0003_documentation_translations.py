"""Documentation text blocks onto the one content mechanism (decision 0134): the German
fields keep their text under plain names, the English ones move into `translations`."""

import hashlib

from django.db import migrations, models
from django.utils import timezone

import vernetzt.core.translations

BLOCKS = ("greeting", "summary", "thanks")


def fingerprint(text: str) -> str:
    # A copy of vernetzt.core.translations.fingerprint, frozen for this migration.
    return hashlib.sha256((text or "").strip().encode()).hexdigest()[:16]


def english_into_translations(apps, schema_editor):
    Documentation = apps.get_model("publishing", "Documentation")
    at = timezone.now().isoformat(timespec="seconds")
    for documentation in Documentation.objects.all():
        english = {
            block: {
                "text": getattr(documentation, f"{block}_en").strip(),
                "status": "human",
                "source": fingerprint(getattr(documentation, block)),
                "at": at,
            }
            for block in BLOCKS
            if getattr(documentation, f"{block}_en").strip()
        }
        if english:
            documentation.translations = {**(documentation.translations or {}), "en": english}
            documentation.save(update_fields=["translations"])


def translations_into_english(apps, schema_editor):
    Documentation = apps.get_model("publishing", "Documentation")
    for documentation in Documentation.objects.all():
        english = (documentation.translations or {}).get("en", {})
        for block in BLOCKS:
            setattr(documentation, f"{block}_en", english.get(block, {}).get("text", ""))
        documentation.save(update_fields=[f"{block}_en" for block in BLOCKS])


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0002_newspost_translations"),
    ]

    operations = [
        migrations.RenameField("documentation", "greeting_de", "greeting"),
        migrations.RenameField("documentation", "summary_de", "summary"),
        migrations.RenameField("documentation", "thanks_de", "thanks"),
        migrations.AddField(
            model_name="documentation",
            name="translations",
            field=vernetzt.core.translations.TranslationsField(
                blank=True, default=dict, editable=False, verbose_name="translations"
            ),
        ),
        migrations.RunPython(english_into_translations, translations_into_english),
        migrations.RemoveField("documentation", "greeting_en"),
        migrations.RemoveField("documentation", "summary_en"),
        migrations.RemoveField("documentation", "thanks_en"),
    ]
