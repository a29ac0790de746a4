"""Surveys move onto the one content mechanism (decision 0130): the German column of each text
becomes the field, the English and Arabic columns become entries of `translations`, the choices
(one per line) become a list, and the per-language columns are removed."""

from django.db import migrations, models
from django.utils import timezone

import vernetzt.core.translations
from vernetzt.core.translations import fingerprint

LANGUAGES = ("en", "ar")


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _put(translations, language, field, text, german):
    if not (text or "").strip() or not (german or "").strip():
        return
    translations.setdefault(language, {})[field] = {
        "text": text.strip(),
        "status": "human",
        "source": fingerprint(german),
        "at": timezone.now().isoformat(timespec="seconds"),
    }


def forwards(apps, schema_editor):
    Survey = apps.get_model("feedback", "Survey")
    Question = apps.get_model("feedback", "Question")
    for survey in Survey.objects.all():
        translations = {}
        for language in LANGUAGES:
            _put(translations, language, "title", getattr(survey, f"title_{language}"), survey.title)
            _put(translations, language, "intro", getattr(survey, f"intro_{language}"), survey.intro)
        survey.translations = translations
        survey.save(update_fields=["translations"])
    for question in Question.objects.all():
        question.choices = _lines(question.choices_de)
        german_choices = "\n".join(question.choices)
        translations = {}
        for language in LANGUAGES:
            _put(translations, language, "text", getattr(question, f"text_{language}"), question.text)
            local = _lines(getattr(question, f"choices_{language}"))
            if local and len(local) == len(question.choices):
                _put(translations, language, "choices", "\n".join(local), german_choices)
        question.translations = translations
        question.save(update_fields=["choices", "translations"])


def backwards(apps, schema_editor):
    Survey = apps.get_model("feedback", "Survey")
    Question = apps.get_model("feedback", "Question")
    for survey in Survey.objects.all():
        for language in LANGUAGES:
            stored = (survey.translations or {}).get(language, {})
            setattr(survey, f"title_{language}", (stored.get("title") or {}).get("text", ""))
            setattr(survey, f"intro_{language}", (stored.get("intro") or {}).get("text", ""))
        survey.save()
    for question in Question.objects.all():
        question.choices_de = "\n".join(question.choices or [])
        for language in LANGUAGES:
            stored = (question.translations or {}).get(language, {})
            setattr(question, f"text_{language}", (stored.get("text") or {}).get("text", ""))
            setattr(question, f"choices_{language}", (stored.get("choices") or {}).get("text", ""))
        question.save()


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]

    operations = [
        migrations.RenameField("survey", "title_de", "title"),
        migrations.RenameField("survey", "intro_de", "intro"),
        migrations.RenameField("question", "text_de", "text"),
        migrations.AddField(
            model_name="survey",
            name="translations",
            field=vernetzt.core.translations.TranslationsField(
                blank=True, default=dict, editable=False, verbose_name="translations"
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="translations",
            field=vernetzt.core.translations.TranslationsField(
                blank=True, default=dict, editable=False, verbose_name="translations"
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="choices",
            field=models.JSONField(blank=True, default=list, verbose_name="choices"),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField("survey", "title_en"),
        migrations.RemoveField("survey", "title_ar"),
        migrations.RemoveField("survey", "intro_en"),
        migrations.RemoveField("survey", "intro_ar"),
        migrations.RemoveField("question", "text_en"),
        migrations.RemoveField("question", "text_ar"),
        migrations.RemoveField("question", "choices_de"),
        migrations.RemoveField("question", "choices_en"),
        migrations.RemoveField("question", "choices_ar"),
        migrations.AlterField(
            model_name="survey",
            name="title",
            field=models.CharField(max_length=200, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="survey",
            name="intro",
            field=models.TextField(blank=True, max_length=3000, verbose_name="introduction"),
        ),
        migrations.AlterField(
            model_name="question",
            name="text",
            field=models.CharField(max_length=300, verbose_name="question"),
        ),
    ]
