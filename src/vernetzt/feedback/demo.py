"""Demo surveys: "Feedback Vernetzungstreffen" for 2019 and 2025 with fictional answers.

Idempotent: a meeting that has a survey is left alone.
"""

import random

from vernetzt.events.models import Event

from . import services
from .models import Answer, Question, Response, Survey

COMMENTS = [
    "Mehr Zeit für die Foren wäre schön.",
    "Ich habe drei Vereine aus meiner Region kennengelernt.",
    "Bitte nächstes Mal Kinderbetreuung anbieten.",
    "Das offene Podium mit dem freien Stuhl hat mir gefallen.",
    "Gerne mehr Informationen zu Fördermitteln.",
    "Gute Stimmung, gutes Essen, danke!",
]


def _answers(survey, count, seed, bias):
    rng = random.Random(seed)  # noqa: S311 - fictional demo answers
    questions = list(survey.questions.all())
    responses = Response.objects.bulk_create(
        [
            Response(survey=survey, language="de", submitted_on=survey.event.starts_at.date())
            for _ in range(count)
        ]
    )
    rows = []
    for response in responses:
        for question in questions:
            if question.kind == Question.Kind.SCALE:
                value = min(5, max(1, round(rng.gauss(bias, 0.9))))
                rows.append(Answer(response=response, question=question, number=value))
            elif question.kind == Question.Kind.SINGLE:
                rows.append(Answer(response=response, question=question, number=rng.randrange(4)))
            elif question.kind == Question.Kind.MULTIPLE:
                for index in rng.sample(range(4), rng.randint(1, 3)):
                    rows.append(Answer(response=response, question=question, number=index))
            elif rng.random() < 0.3:
                rows.append(Answer(response=response, question=question, text=rng.choice(COMMENTS)))
    Answer.objects.bulk_create(rows)


def load(stdout):
    for slug, count, bias in (
        ("vernetzungstreffen-2019", 31, 3.8),
        ("vernetzungstreffen-2025", 64, 4.2),
    ):
        event = Event.objects.filter(slug=slug).first()
        if event is None or event.surveys.exists():
            continue
        survey = services.create_survey_from_template(event=event)
        survey.status = Survey.Status.CLOSED
        survey.sent_at = survey.closed_at = event.ends_at
        survey.save()
        _answers(survey, count, seed=event.starts_at.year, bias=bias)
        stdout.write(f"Survey with {count} fictional answers for {event.title}.")
