"""Writes of the core app: translations of content (see translations.py)."""

from django.db import transaction

from . import machine_translation
from .translations import SOURCE, Status, source_text, status, store


@transaction.atomic
def save_translations(*, obj, texts: dict[tuple[str, str], str], accept: set | None = None) -> int:
    """Store the texts typed on the translation page: {(language, field): text}.

    A text that differs from what is stored becomes a person's translation; an unchanged machine
    suggestion stays a suggestion unless (language, field) is in `accept`. Returns the number
    of changed translations. Locks the row so that two editors do not overwrite each other's
    other languages.
    """
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    accept = accept or set()
    changed = 0
    for (language, field), text in texts.items():
        stored = (obj.translations or {}).get(language, {}).get(field) or {}
        same = (stored.get("text") or "") == text.strip()
        # Accepting confirms an unchanged text: a machine suggestion, or an outdated translation
        # that still fits the changed German.
        if same and (language, field) not in accept:
            continue
        store(obj, field, language, text, Status.HUMAN)
        changed += 1
    if changed:
        obj.save(update_fields=["translations"])
    return changed


@transaction.atomic
def suggest_translations(*, obj, language: str) -> int:
    """Ask the configured provider for the missing texts of `language` (machine suggestions).

    Leaves people's translations alone. Raises machine_translation.TranslationUnavailable.
    """
    fields = [
        field
        for field in obj.translated_fields
        if source_text(obj, field) and status(obj, field, language) == Status.MISSING
    ]
    texts = machine_translation.translate(
        [source_text(obj, field) for field in fields], SOURCE, language
    )
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    for field, text in zip(fields, texts, strict=True):
        store(obj, field, language, text, Status.MACHINE)
    if fields:
        obj.save(update_fields=["translations"])
    return len(fields)
