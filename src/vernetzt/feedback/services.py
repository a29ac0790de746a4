"""Writes of the feedback app: build from the template, send, remind, close, answer."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vernetzt.core.background import tasks_of
from vernetzt.core.translations import Status, store
from vernetzt.registration.models import Registration

from . import template
from .models import (
    Answer,
    Invitation,
    Question,
    Response,
    Survey,
    hash_token,
    new_token,
)

MAX_TEXT = 5000
CHOICE_KINDS = (Question.Kind.SINGLE, Question.Kind.MULTIPLE)


class SurveyError(Exception):
    """A survey cannot be sent, answered or changed; the message says why."""


def _store_all(obj, field: str, texts: dict) -> None:
    for language, text in texts.items():
        if language != "de":
            text = "\n".join(text) if isinstance(text, list) else text
            review = language not in template.REVIEWED
            store(obj, field, language, text, Status.HUMAN, awaiting_review=review)


def create_survey_from_template(*, event) -> Survey:
    """Create the survey "Feedback Vernetzungstreffen" with its five questions (draft), in
    German with translations (English reviewed; Arabic, Turkish, Ukrainian and Persian awaiting
    review by a native speaker) on the content store (decision 0130)."""
    with transaction.atomic():
        survey = Survey(event=event, title=template.TITLE["de"], intro=template.INTRO["de"])
        _store_all(survey, "title", template.TITLE)
        _store_all(survey, "intro", template.INTRO)
        survey.save()
        for position, item in enumerate(template.QUESTIONS):
            question = Question(
                survey=survey,
                key=item["key"],
                kind=item["kind"],
                text=item["text"]["de"],
                choices=list(item.get("choices", {}).get("de", [])),
                required=item["required"],
                position=position,
            )
            _store_all(question, "text", item["text"])
            _store_all(question, "choices", item.get("choices", {}))
            question.save()
    return survey


def create_empty_survey(*, event) -> Survey:
    """A survey without questions (draft), to be filled on its staff pages."""
    return Survey.objects.create(event=event, title="Umfrage")  # German: the content's base


def invitees(survey: Survey):
    return Registration.objects.filter(
        event=survey.event,
        status=Registration.Status.CONFIRMED,
        checked_in_at__isnull=False,
    )


def open_and_send(*, survey: Survey) -> int:
    """Open the survey and email a personal link to every checked-in participant with email.

    Returns how many emails were queued. Raises SurveyError for a survey without questions
    or one that is closed. Sending again only reaches people not invited yet.
    """
    tasks = tasks_of("feedback")
    if not survey.questions.exists():
        raise SurveyError(_("The survey has no questions yet. Add at least one question."))
    if survey.status == Survey.Status.CLOSED:
        raise SurveyError(_("The survey is closed."))
    queued = []
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        survey.status = Survey.Status.OPEN
        survey.sent_at = survey.sent_at or timezone.now()
        survey.save(update_fields=["status", "sent_at"])
        invited = set(survey.invitations.values_list("registration_id", flat=True))
        for registration in invitees(survey).exclude(email="").exclude(pk__in=invited):
            token = new_token()
            try:
                with transaction.atomic():
                    Invitation.objects.create(
                        survey=survey, registration=registration, token_hash=hash_token(token)
                    )
            except IntegrityError:
                continue
            queued.append((registration.pk, token))
        transaction.on_commit(
            lambda: [tasks.send_invitation.enqueue(survey.pk, pk, t, False) for pk, t in queued]
        )
    return len(queued)


def send_reminder(*, survey: Survey) -> int:
    """Send the one reminder to invited people who have not answered (a new link each).

    Raises SurveyError when the survey is not open or the reminder was already sent.
    """
    tasks = tasks_of("feedback")
    queued = []
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        if survey.status != Survey.Status.OPEN:
            raise SurveyError(_("Only an open survey can send a reminder."))
        if survey.reminded_at:
            raise SurveyError(_("The reminder has already been sent."))
        survey.reminded_at = timezone.now()
        survey.save(update_fields=["reminded_at"])
        for invitation in survey.invitations.filter(used=False):
            token = new_token()
            invitation.token_hash = hash_token(token)
            invitation.reminded_at = timezone.now()
            invitation.save(update_fields=["token_hash", "reminded_at"])
            queued.append((invitation.registration_id, token))
        transaction.on_commit(
            lambda: [tasks.send_invitation.enqueue(survey.pk, pk, t, True) for pk, t in queued]
        )
    return len(queued)


def link_for_personal_page(*, registration: Registration, survey_id: int) -> str | None:
    """A fresh personal link to an open survey this person was invited to and has not
    answered, asked for from their personal page (its token is the key). Only a hash is
    kept, so a new token is made: the link of the email stops working, as after a reminder.
    Returns the token, or None when there is no such invitation (answered, closed, other)."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(
                registration=registration,
                survey_id=survey_id,
                survey__status=Survey.Status.OPEN,
                used=False,
            )
            .first()
        )
        if invitation is None:
            return None
        token = new_token()
        invitation.token_hash = hash_token(token)
        invitation.save(update_fields=["token_hash"])
    return token


def close_survey(*, survey: Survey) -> Survey:
    """Close the survey: no more answers."""
    survey.status = Survey.Status.CLOSED
    survey.closed_at = timezone.now()
    survey.save(update_fields=["status", "closed_at"])
    return survey


def find_by_token(token: str):
    """(survey, invitation or None) for a personal or QR link; (None, None) when unknown."""
    token = (token or "")[:100]
    invitation = (
        Invitation.objects.select_related("survey__event")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is not None:
        return invitation.survey, invitation
    survey = Survey.objects.select_related("event").filter(open_token=token).first()
    return survey, None


def validate_answers(*, survey: Survey, data) -> tuple[dict, dict]:
    """Check a submitted form (QueryDict-like). Returns (clean values by question, errors)."""
    values, errors = {}, {}
    for question in survey.questions.all():
        name = f"q{question.pk}"
        if question.kind == Question.Kind.MULTIPLE:
            raw = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        else:
            raw = data.get(name, "")
        count = len(question.base_choices())
        if question.kind == Question.Kind.TEXT:
            value = (raw or "").replace("\x00", "").strip()
            if len(value) > MAX_TEXT:
                errors[name] = _("Please write at most %(max)s characters.") % {"max": MAX_TEXT}
        elif question.kind == Question.Kind.MULTIPLE:
            try:
                value = sorted({int(item) for item in raw})
            except (TypeError, ValueError):
                value, errors[name] = [], _("Please choose from the list.")
            if any(item < 0 or item >= count for item in value):
                errors[name] = _("Please choose from the list.")
        else:
            value = None
            if raw not in ("", None):
                try:
                    value = int(raw)
                except (TypeError, ValueError):
                    errors[name] = _("Please choose from the list.")
                else:
                    upper = 5 if question.kind == Question.Kind.SCALE else count - 1
                    lower = 1 if question.kind == Question.Kind.SCALE else 0
                    if not lower <= value <= upper:
                        errors[name] = _("Please choose from the list.")
        if question.required and not value and value != 0 and name not in errors:
            errors[name] = _("Please answer this question.")
        values[question.pk] = value
    return values, errors


def submit_response(*, token: str, data, language: str = "") -> Response:
    """Store an anonymous answer for a personal or QR link; a personal link is then spent.

    Raises SurveyError (unknown link, survey not open, link already used, or the answers
    are invalid: then `errors` is set on the exception).
    """
    survey, invitation = find_by_token(token)
    if survey is None:
        raise SurveyError(_("This link is not valid. Please use the link in your email."))
    if survey.status != Survey.Status.OPEN:
        raise SurveyError(_("This survey is closed. Thank you for your interest."))
    values, errors = validate_answers(survey=survey, data=data)
    if errors:
        error = SurveyError(_("Please check your answers."))
        error.errors = errors
        raise error
    with transaction.atomic():
        if invitation is not None:
            spent = Invitation.objects.filter(pk=invitation.pk, used=False).update(used=True)
            if not spent:
                raise SurveyError(_("You have already answered this survey. Thank you!"))
        response = Response.objects.create(survey=survey, language=language[:10])
        rows = []
        for question in survey.questions.all():
            value = values.get(question.pk)
            if value in (None, "", []):
                continue
            if question.kind == Question.Kind.TEXT:
                rows.append(Answer(response=response, question=question, text=value))
            elif question.kind == Question.Kind.MULTIPLE:
                rows += [Answer(response=response, question=question, number=v) for v in value]
            else:
                rows.append(Answer(response=response, question=question, number=value))
        Answer.objects.bulk_create(rows)
    return response


# --- Editing (staff pages; decision 0185) ----------------------------------------------------
# A draft may change freely. Once a survey is open, answers point at its questions and at the
# index of a choice: the wording of a question or choice may be corrected (and translated on the
# translation page), choices may be appended, nothing may be removed, reordered or change kind.

LOCKED = gettext_lazy(
    "The survey is no longer a draft: questions cannot be added, removed or reordered."
)


def update_survey(*, survey: Survey, title: str, intro: str) -> Survey:
    """Save the German title and introduction (allowed in every state: wording only)."""
    survey.title, survey.intro = title.strip(), intro.strip()
    survey.save(update_fields=["title", "intro"])
    return survey


def _unique_key(survey: Survey, wanted: str, exclude_pk=None) -> str:
    base = slugify(wanted)[:50] or "frage"
    taken = set(survey.questions.exclude(pk=exclude_pk).values_list("key", flat=True))
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key


@transaction.atomic
def save_question(
    *,
    survey: Survey,
    question: Question | None = None,
    key: str,
    kind: str,
    text: str,
    choices: list[str],
    required: bool,
) -> Question:
    """Add a question (draft only) or change one. `key` empty: made from the text.

    Raises SurveyError when an open or closed survey would change meaning (another kind or
    key, a choice fewer, another "required")."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    choices = [c.strip() for c in choices if c.strip()] if kind in CHOICE_KINDS else []
    if not survey.is_draft:
        if question is None:
            raise SurveyError(LOCKED)
        if kind != question.kind or (key and key != question.key):
            raise SurveyError(_("The kind and key of a question cannot change once it is open."))
        if required != question.required:
            raise SurveyError(_("Whether a question is required cannot change once it is open."))
        if len(choices) < len(question.choices):
            raise SurveyError(
                _("Choices cannot be removed once the survey is open: answers refer to them.")
            )
    if question is None:
        last = survey.questions.order_by("-position").values_list("position", flat=True).first()
        question = Question(survey=survey, position=(last or 0) + 1)
    question.key = _unique_key(survey, key or text, exclude_pk=question.pk)
    question.kind, question.text, question.choices = kind, text.strip(), choices
    question.required = required
    question.save()
    return question


@transaction.atomic
def delete_question(*, question: Question) -> None:
    """Delete a question of a draft survey. Raises SurveyError once the survey is open."""
    survey = Survey.objects.select_for_update().get(pk=question.survey_id)
    if not survey.is_draft:
        raise SurveyError(LOCKED)
    question.delete()


@transaction.atomic
def move_question(*, question: Question, up: bool) -> None:
    """Swap a question of a draft survey with its neighbour; renumbers the survey's questions
    1..n first, so that equal positions never block a move. Raises SurveyError once open."""
    survey = Survey.objects.select_for_update().get(pk=question.survey_id)
    if not survey.is_draft:
        raise SurveyError(LOCKED)
    questions = list(survey.questions.all())
    index = next(i for i, q in enumerate(questions) if q.pk == question.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(questions):
        questions[index], questions[other] = questions[other], questions[index]
    for position, item in enumerate(questions, start=1):
        item.position = position
    Question.objects.bulk_update(questions, ["position"])
