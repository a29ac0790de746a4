"""What the door must know about a person: the answers staff chose to show at the check-in."""

from django.utils.translation import gettext

from .enums import BUILTIN_CHOICES
from .models import Question


def door_questions(event) -> list[Question]:
    return list(Question.objects.filter(event=event, show_at_checkin=True).order_by("position"))


def notes_for(registration, questions: list[Question]) -> list[str]:
    """ "Question: answer" lines (choice labels in the current language) for the door staff."""
    notes = []
    for question in questions:
        value = (registration.answers or {}).get(question.key)
        if value in (None, "", []):
            continue
        labels = dict(BUILTIN_CHOICES.get(question.key, []))
        values = value if isinstance(value, list) else [value]
        text = ", ".join(str(labels.get(item, item)) for item in values)
        label = gettext(question.label) if question.builtin else question.label
        notes.append(f"{label}: {text}")
    return notes


def annotate(registrations, event) -> None:
    """Attach `door_notes` to each registration (one query for the questions)."""
    questions = door_questions(event)
    for registration in registrations:
        registration.door_notes = notes_for(registration, questions)
