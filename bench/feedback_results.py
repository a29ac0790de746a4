"""The survey results page over 1,000 answers: target under 300 ms (median of 10 requests).

Includes a survey of the year before with 1,000 answers for the comparison. Writes
bench/results/feedback_results.json.
"""

import random
import statistics
import time

from _setup import django_with_fresh_database, write_result

django_with_fresh_database("bench-feedback-")

from datetime import timedelta  # noqa: E402

from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from vernetzt.accounts.models import User  # noqa: E402
from vernetzt.events.models import Event  # noqa: E402
from vernetzt.feedback import services  # noqa: E402
from vernetzt.feedback.models import Answer, Question, Response, Survey  # noqa: E402

rng = random.Random(7)


def survey_with_answers(year_offset: int, count: int) -> Survey:
    start = timezone.now() - timedelta(days=3 + 365 * year_offset)
    event = Event.objects.create(
        title=f"Treffen -{year_offset}",
        slug=f"bench-umfrage-{year_offset}",
        status="past",
        starts_at=start,
        ends_at=start + timedelta(hours=6),
    )
    survey = services.create_survey_from_template(event=event)
    survey.status = Survey.Status.CLOSED
    survey.save()
    questions = list(survey.questions.all())
    responses = Response.objects.bulk_create([Response(survey=survey) for _ in range(count)])
    rows = []
    for response in responses:
        for question in questions:
            if question.kind == Question.Kind.SCALE:
                rows.append(Answer(response=response, question=question, number=rng.randint(1, 5)))
            elif question.kind == Question.Kind.SINGLE:
                rows.append(Answer(response=response, question=question, number=rng.randrange(4)))
            elif question.kind == Question.Kind.MULTIPLE:
                for index in rng.sample(range(4), 2):
                    rows.append(Answer(response=response, question=question, number=index))
            elif rng.random() < 0.3:
                rows.append(Answer(response=response, question=question, text="Ein Kommentar"))
    Answer.objects.bulk_create(rows, batch_size=2000)
    return survey


survey_with_answers(1, 1000)
survey = survey_with_answers(0, 1000)
staff = User.objects.create_user(email="bench@example.org", is_staff=True)
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(staff)
url = f"/veranstaltungen/{survey.event.slug}/verwaltung/umfragen/{survey.pk}/ergebnisse/"
assert client.get(url).status_code == 200
timings = []
for _ in range(10):
    t0 = time.perf_counter()
    response = client.get(url)
    timings.append((time.perf_counter() - t0) * 1000)
    assert response.status_code == 200
write_result(
    "feedback_results",
    {
        "answers": 1000,
        "median_ms": round(statistics.median(timings), 1),
        "max_ms": round(max(timings), 1),
        "target": "under 300 ms",
        "passed": statistics.median(timings) < 300,
    },
)
