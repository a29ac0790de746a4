"""Content in several languages: one mechanism for every translated text of the site.

A model with translated content has German source fields as before, a `translations` field and
a `translated_fields` tuple naming the German fields that may be translated:

    translations = TranslationsField()
    translated_fields = ("title", "description")

`translations` holds, per language and field, the text, who made it and a fingerprint of the
German text it was made from:

    {"ar": {"title": {"text": "…", "status": "human", "source": "9f2c…", "at": "2026-…"}}}

so that a new language needs no migration, a translation whose German original changed since
is "outdated", and a machine suggestion is never shown to visitors until a person accepts it
(docs/decisions/0130-content-translations.md).
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

SOURCE = settings.LANGUAGE_CODE


class Status:
    HUMAN = "human"
    MACHINE = "machine"
    OUTDATED = "outdated"  # computed: the German text changed after the translation was made
    MISSING = "missing"
    REVIEW = "review"  # not a state of its own: a person's text that awaits a native speaker

    LABELS = {
        REVIEW: _("awaiting review by a native speaker"),
        HUMAN: _("translated by a person"),
        MACHINE: _("machine suggestion, not yet reviewed"),
        OUTDATED: _("outdated: the German text has changed"),
        MISSING: _("missing"),
    }


class TranslationsField(models.JSONField):
    """The per-model store of translations; edited on the translation page, not in forms."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("verbose_name", _("translations"))
        super().__init__(*args, **kwargs)


def fingerprint(text: str) -> str:
    return hashlib.sha256((text or "").strip().encode()).hexdigest()[:16]


def target_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != SOURCE]


def translatable_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if getattr(model, "translated_fields", None)
        and any(isinstance(f, TranslationsField) for f in model._meta.get_fields())
    ]


def source_text(obj, field: str) -> str:
    value = getattr(obj, field)
    if isinstance(value, list):  # choices of a question: one per line
        return "\n".join(str(item) for item in value)
    return str(value or "")


def entry(obj, field: str, language: str) -> dict:
    return (getattr(obj, "translations", None) or {}).get(language, {}).get(field) or {}


def status(obj, field: str, language: str) -> str:
    stored = entry(obj, field, language)
    if not stored.get("text"):
        return Status.MISSING
    if stored.get("source") != fingerprint(source_text(obj, field)):
        return Status.OUTDATED
    return stored.get("status", Status.HUMAN)


class Text(str):
    """A text to show (a str) that knows its language: German where no translation exists."""

    def __new__(cls, text: str, language: str, status: str = Status.HUMAN):
        obj = super().__new__(cls, text or "")
        obj.language = language
        obj.status = status
        return obj

    @property
    def text(self) -> str:
        return str.__str__(self)

    @property
    def is_fallback(self) -> bool:
        return self.language == SOURCE and get_language() != SOURCE


def awaiting_review(obj, field: str, language: str) -> bool:
    return entry(obj, field, language).get("review") == "awaiting"


def needs_translation(obj) -> bool:
    """False for objects whose texts come from the interface catalogues (built-in questions)."""
    return getattr(obj, "needs_translation", True) is not False


def translated(obj, field: str, language: str | None = None) -> Text:
    """The text in `language` (default: the active one) where a person made or accepted it,
    an outdated human translation included; otherwise the German original."""
    language = language or get_language() or SOURCE
    german = source_text(obj, field)
    if language != SOURCE and german:
        state = status(obj, field, language)
        if state in (Status.HUMAN, Status.OUTDATED):
            return Text(entry(obj, field, language)["text"], language, state)
    return Text(german, SOURCE, Status.HUMAN)


def translated_choices(obj, field: str, language: str | None = None) -> list[str]:
    """A list field (choices) in `language`, German where the translation has another length."""
    german = [str(item) for item in getattr(obj, field)]
    text = translated(obj, field, language)
    lines = [line.strip() for line in text.text.splitlines()]
    return lines if len(lines) == len(german) else german


def store(
    obj, field: str, language: str, text: str, state: str, awaiting_review: bool = False
) -> None:
    """Put a translation on `obj` (not saved); an empty text removes it.

    `awaiting_review`: written by someone who is not a native speaker (shown to visitors, listed
    for review on the staff page)."""
    translations = dict(obj.translations or {})
    per_language = dict(translations.get(language, {}))
    if text.strip():
        per_language[field] = {
            "text": text.strip(),
            "status": state,
            "source": fingerprint(source_text(obj, field)),
            "at": timezone.now().isoformat(timespec="seconds"),
        }
        if awaiting_review:
            per_language[field]["review"] = "awaiting"
    else:
        per_language.pop(field, None)
    if per_language:
        translations[language] = per_language
    else:
        translations.pop(language, None)
    obj.translations = translations


def label_of(obj) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


def model_for(label: str):
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return model if model in translatable_models() else None


def marked(text: "Text | str"):
    """HTML for a form label or similar: the German fallback wrapped in `lang="de"`."""
    if isinstance(text, Text) and text.is_fallback and text.text:
        return format_html('<span lang="de" dir="auto">{}</span>', text.text)
    return format_html('<span dir="auto">{}</span>', str(text))
