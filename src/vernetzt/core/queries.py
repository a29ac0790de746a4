"""Reads of the core app."""

from .translations import (
    Status,
    awaiting_review,
    label_of,
    needs_translation,
    source_text,
    status,
    translatable_models,
)


def translation_overview(language: str, limit: int = 500):
    """Per model: texts and how many are missing, outdated or machine suggestions in `language`;
    plus the objects with work to do (at most `limit`)."""
    summary, rows = [], []
    for model in translatable_models():
        counts = {Status.HUMAN: 0, Status.MACHINE: 0, Status.OUTDATED: 0, Status.MISSING: 0}
        for obj in model.objects.all().iterator(chunk_size=500):
            if not needs_translation(obj):
                continue
            states = {
                field: status(obj, field, language)
                for field in model.translated_fields
                if source_text(obj, field)
            }
            for state in states.values():
                counts[state] += 1
            todo = sorted({s for s in states.values() if s != Status.HUMAN})
            if any(awaiting_review(obj, field, language) for field in states):
                todo.append("review")
            if todo and len(rows) < limit:
                rows.append({"obj": obj, "label": label_of(obj), "states": todo})
        summary.append({"name": model._meta.verbose_name_plural, "counts": counts})
    return summary, rows
