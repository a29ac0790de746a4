"""Reads of the feedback app: results per question and the comparison with earlier years."""

from collections import defaultdict

from django.db.models import Avg, Count
from django.utils.translation import gettext as _

from vernetzt.core.translations import translated
from vernetzt.registration.models import Registration

from . import charts
from .models import MIN_RESPONSES, Answer, Question, Survey


def scale_labels() -> list[str]:
    return [
        _("1 – not at all"),
        _("2 – a little"),
        _("3 – partly"),
        _("4 – mostly"),
        _("5 – completely"),
    ]


def not_invited_yet(survey: Survey) -> int:
    """How many checked-in people with an email address would get an invitation now."""
    return (
        Registration.objects.filter(
            event=survey.event,
            status=Registration.Status.CONFIRMED,
            checked_in_at__isnull=False,
        )
        .exclude(email="")
        .exclude(pk__in=survey.invitations.values("registration_id"))
        .count()
    )


def _distribution(question_ids) -> dict:
    counts = defaultdict(dict)
    for row in (
        Answer.objects.filter(question_id__in=question_ids, number__isnull=False)
        .values("question_id", "number")
        .annotate(n=Count("id"))
    ):
        counts[row["question_id"]][row["number"]] = row["n"]
    return counts


def comparison(survey: Survey, questions) -> dict:
    """For each question key: the same question in surveys of earlier meetings."""
    keys = [q.key for q in questions]
    earlier = list(
        Question.objects.filter(
            key__in=keys,
            survey__event__starts_at__lt=survey.event.starts_at,
            survey__status__in=[Survey.Status.OPEN, Survey.Status.CLOSED],
        )
        .select_related("survey__event")
        .annotate(responses=Count("survey__responses", distinct=True))
        .order_by("survey__event__starts_at")
    )
    means = {
        row["question_id"]: row["mean"]
        for row in Answer.objects.filter(
            question__in=[q for q in earlier if q.kind == Question.Kind.SCALE]
        )
        .values("question_id")
        .annotate(mean=Avg("number"))
    }
    result = defaultdict(list)
    for question in earlier:
        if question.responses < MIN_RESPONSES:
            continue
        result[question.key].append(
            {
                "year": question.survey.event.starts_at.year,
                "event": question.survey.event.title,
                "responses": question.responses,
                "mean": means.get(question.pk),
            }
        )
    return result


def results(survey: Survey, *, with_comparison: bool = True) -> dict:
    """Everything the results page shows; `visible` is False below MIN_RESPONSES answers."""
    total = survey.responses.count()
    data = {"survey": survey, "total": total, "minimum": MIN_RESPONSES, "questions": []}
    data["visible"] = total >= MIN_RESPONSES
    if not data["visible"]:
        return data
    questions = list(survey.questions.all())
    distribution = _distribution([q.pk for q in questions])
    answered = {
        row["question_id"]: row["n"]
        for row in Answer.objects.filter(question__in=questions)
        .values("question_id")
        .annotate(n=Count("response_id", distinct=True))
    }
    compare = comparison(survey, questions) if with_comparison else {}
    for question in questions:
        item = {
            "question": question,
            "answered": answered.get(question.pk, 0),
            "earlier": compare.get(question.key, []),
        }
        counts = distribution.get(question.pk, {})
        if question.kind == Question.Kind.SCALE:
            labels = scale_labels()
            rows = [(labels[i - 1], counts.get(i, 0)) for i in range(1, 6)]
            n = sum(count for _label, count in rows)
            item["mean"] = sum(i * counts.get(i, 0) for i in range(1, 6)) / n if n else None
        elif question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            rows = [(label, counts.get(i, 0)) for i, label in enumerate(question.choice_labels())]
        else:
            rows = None
            item["texts"] = list(
                Answer.objects.filter(question=question)
                .exclude(text="")
                .order_by("id")
                .values_list("text", flat=True)
            )
        if rows is not None:
            item["rows"] = rows
            item["svg"] = charts.bar_chart(
                rows, title=translated(question, "text").text, total=item["answered"]
            )
        data["questions"].append(item)
    return data


def export_rows(survey: Survey) -> tuple[list[str], list[list]]:
    """One row per response (anonymous), one column per question."""
    questions = list(survey.questions.all())
    header = [_("Answer no.")] + [q.text for q in questions]
    by_response = defaultdict(lambda: defaultdict(list))
    labels = {q.pk: q.base_choices() for q in questions}
    kinds = {q.pk: q.kind for q in questions}
    for response_id, question_id, number, text in (
        Answer.objects.filter(response__survey=survey)
        .order_by("response_id", "id")
        .values_list("response_id", "question_id", "number", "text")
    ):
        if kinds[question_id] == Question.Kind.TEXT:
            value = text
        elif kinds[question_id] == Question.Kind.SCALE:
            value = number
        else:
            options = labels[question_id]
            value = options[number] if number is not None and number < len(options) else ""
        by_response[response_id][question_id].append(value)
    rows = []
    for index, response_id in enumerate(sorted(by_response), start=1):
        row = [index]
        for question in questions:
            values = by_response[response_id].get(question.pk, [])
            row.append("; ".join(str(v) for v in values) if len(values) != 1 else values[0])
        rows.append(row)
    return header, rows
