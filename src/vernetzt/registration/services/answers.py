"""Questions of a meeting and the checks of names and answers."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _

from vernetzt.events.models import Event

from .. import enums
from ..models import Question, Registration
from .common import MAX_TEXT_ANSWER, RegistrationError


def ensure_builtin_questions(*, event: Event) -> None:
    """Create the built-in questions of a meeting that are missing (all optional)."""
    existing = set(event.questions.values_list("key", flat=True))
    for position, (key, label, help_text, kind, sensitive) in enumerate(enums.BUILTIN_QUESTIONS):
        if key in existing:
            continue
        with translation.override("en"):  # stored in English, shown translated
            label, help_text = str(label), str(help_text)
        Question.objects.create(
            event=event,
            key=key,
            label=label,
            help_text=help_text,
            kind=kind,
            builtin=True,
            sensitive=sensitive,
            required=False,
            position=position,
            # What the door needs by default: step-free access, interpretation.
            show_at_checkin=key
            in (enums.ACCESSIBILITY, enums.ACCESSIBILITY_OTHER, enums.INTERPRETATION),
        )


def clean_answers(*, event: Event, answers: dict | None, questions=None) -> dict:
    """Check answers against the questions of the meeting; returns the cleaned dict.

    Keys are question keys. Text: a string up to 2,000 characters. Single choice and yes/no:
    one of the choices. Multiple choice: a list of choices. Raises RegistrationError with
    errors keyed "answers.<key>".
    """
    answers = answers if isinstance(answers, dict) else {}
    questions = list(event.questions.all()) if questions is None else questions
    cleaned, errors = {}, {}
    for question in questions:
        value = answers.get(question.key)
        field_name = f"answers.{question.key}"
        allowed = {choice for choice, _label in question.choice_pairs()}
        if question.kind == Question.Kind.TEXT:
            value = value.strip() if isinstance(value, str) else ""
            if "\x00" in value:
                errors[field_name] = [_("Please remove the invisible control characters.")]
                continue
            if len(value) > MAX_TEXT_ANSWER:
                errors[field_name] = [
                    _("Please write at most %(max)d characters.") % {"max": MAX_TEXT_ANSWER}
                ]
                continue
        elif question.kind == Question.Kind.MULTIPLE:
            if value is None or isinstance(value, str):
                value = [value] if value else []
            if (
                not isinstance(value, list)
                or not all(isinstance(v, str) for v in value)
                or any(v not in allowed for v in value)
            ):
                value = None
            if value is None:
                errors[field_name] = [_("Please choose from the list.")]
                continue
            value = [choice for choice, _label in question.choice_pairs() if choice in value]
        else:
            if value in (None, ""):
                value = ""
            elif not isinstance(value, str) or value not in allowed:
                errors[field_name] = [_("Please choose from the list.")]
                continue
        if question.required and not value:
            errors[field_name] = [_("Please answer this question.")]
            continue
        if value:
            cleaned[question.key] = value
    if errors:
        raise RegistrationError(errors)
    return cleaned


def _denormalise(registration: Registration) -> None:
    answers = registration.answers or {}
    registration.photo_consent = answers.get(enums.PHOTO_CONSENT) == "yes"
    registration.interpretation_language = answers.get(enums.INTERPRETATION, "") or ""
    registration.accessibility_needs = list(answers.get(enums.ACCESSIBILITY, []) or [])


def _check_names(first_name: str, last_name: str, email: str | None, email_required: bool):
    errors = {}
    for name, value in (("first_name", first_name), ("last_name", last_name), ("email", email)):
        if value and "\x00" in value:
            errors[name] = [_("Please remove the invisible control characters.")]
    if errors:
        return errors
    if not (first_name or "").strip():
        errors["first_name"] = [_("Please enter your first name.")]
    elif len(first_name) > 100:
        errors["first_name"] = [_("Please write at most %(max)d characters.") % {"max": 100}]
    if not (last_name or "").strip():
        errors["last_name"] = [_("Please enter your last name.")]
    elif len(last_name) > 100:
        errors["last_name"] = [_("Please write at most %(max)d characters.") % {"max": 100}]
    if email:
        try:
            validate_email(email.strip())
        except ValidationError:
            errors["email"] = [_("This is not an email address. Example: name@example.org")]
    elif email_required:
        errors["email"] = [_("Please enter your email address.")]
    return errors
