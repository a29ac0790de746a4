"""Legal pages onto the one content mechanism (decision 0134): one row per page, German in
`title` and `body`, the other languages' rows moved into `translations` as a person's texts."""

import hashlib

from django.db import migrations, models
from django.utils import timezone

import vernetzt.core.translations


def fingerprint(text: str) -> str:
    # A copy of vernetzt.core.translations.fingerprint, frozen for this migration.
    return hashlib.sha256((text or "").strip().encode()).hexdigest()[:16]


def rows_into_translations(apps, schema_editor):
    SitePage = apps.get_model("core", "SitePage")
    for slug in set(SitePage.objects.values_list("slug", flat=True)):
        rows = {page.language: page for page in SitePage.objects.filter(slug=slug)}
        base = rows.pop("de", None) or rows.pop(sorted(rows)[0])
        translations = dict(base.translations or {})
        at = timezone.now().isoformat(timespec="seconds")
        for language, page in rows.items():
            translations[language] = {
                field: {
                    "text": getattr(page, field).strip(),
                    "status": "human",
                    "source": fingerprint(getattr(base, field)),
                    "at": at,
                }
                for field in ("title", "body")
                if getattr(page, field).strip()
            }
            page.delete()
        base.language = "de"
        base.translations = translations
        base.save(update_fields=["language", "translations"])


def translations_into_rows(apps, schema_editor):
    SitePage = apps.get_model("core", "SitePage")
    for base in list(SitePage.objects.all()):
        for language, texts in (base.translations or {}).items():
            if language == "de" or "body" not in texts:
                continue
            SitePage.objects.create(
                slug=base.slug,
                language=language,
                title=texts.get("title", {}).get("text") or base.title,
                body=texts["body"]["text"],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_merge_20261130_2008"),
    ]

    operations = [
        migrations.AddField(
            model_name="sitepage",
            name="translations",
            field=vernetzt.core.translations.TranslationsField(
                blank=True, default=dict, editable=False, verbose_name="translations"
            ),
        ),
        migrations.RunPython(rows_into_translations, translations_into_rows),
        migrations.AlterModelOptions(
            name="sitepage",
            options={
                "ordering": ["slug"],
                "verbose_name": "site page",
                "verbose_name_plural": "site pages",
            },
        ),
        migrations.RemoveConstraint(
            model_name="sitepage",
            name="sitepage_one_per_language",
        ),
        migrations.RemoveField(
            model_name="sitepage",
            name="language",
        ),
        migrations.AlterField(
            model_name="sitepage",
            name="slug",
            field=models.CharField(
                choices=[
                    ("impressum", "Legal notice"),
                    ("datenschutz", "Privacy notice"),
                    ("barrierefreiheit", "Accessibility statement"),
                ],
                max_length=40,
                unique=True,
                verbose_name="page",
            ),
        ),
    ]
