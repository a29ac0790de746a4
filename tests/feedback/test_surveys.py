import re

import pytest
from django.core import mail
from django.urls import reverse

from vernetzt.feedback import queries, services
from vernetzt.feedback.models import Answer, Invitation, Response, Survey

from .factories import answer_data, survey_for

pytestmark = pytest.mark.django_db


def _links(outbox):
    return [re.search(r"http://testserver(/umfrage/[^/\s]+/)", m.body).group(1) for m in outbox]


def test_sending_reaches_checked_in_people_with_email_once(past_event, checked_in, commit):
    survey = survey_for(past_event, open_it=False)
    assert commit(services.open_and_send, survey=survey) == 6
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in checked_in)
    assert commit(services.open_and_send, survey=survey) == 0  # nobody twice
    survey.refresh_from_db()
    assert survey.status == Survey.Status.OPEN


def test_a_survey_without_questions_cannot_be_sent(past_event, checked_in):
    survey = services.create_empty_survey(event=past_event)
    with pytest.raises(services.SurveyError):
        services.open_and_send(survey=survey)
    assert mail.outbox == []


def test_answer_is_anonymous_and_the_link_is_spent(client, past_event, checked_in, commit):
    survey = survey_for(past_event, open_it=False)
    commit(services.open_and_send, survey=survey)
    link = _links(mail.outbox)[0]
    token = link.split("/")[2]
    # the token itself is stored nowhere
    assert not Invitation.objects.filter(token_hash=token).exists()
    response = client.post(link, answer_data(survey))
    assert response.status_code == 200
    assert "anonym" in response.content.decode()
    assert Response.objects.count() == 1
    # no way from the answer to a person: no foreign key, no time of day
    fields = {field.name for field in Response._meta.get_fields()}
    assert fields == {"id", "survey", "language", "submitted_on", "answers"}
    # answering twice is refused and stores nothing
    again = client.post(link, answer_data(survey, scale=1))
    assert "bereits" in again.content.decode() or "already" in again.content.decode()
    assert Response.objects.count() == 1


def test_forged_link_and_closed_survey(client, past_event, checked_in):
    survey = survey_for(past_event)
    forged = client.get(reverse("feedback:answer", kwargs={"token": "x" * 32}))
    assert forged.status_code == 404
    services.close_survey(survey=survey)
    closed = client.post(
        reverse("feedback:answer", kwargs={"token": survey.open_token}), answer_data(survey)
    )
    assert closed.status_code == 200
    assert Response.objects.count() == 0


def test_required_question_missing_keeps_what_was_typed(client, past_event):
    survey = survey_for(past_event)
    data = answer_data(survey, text="Mein Kommentar")
    required = survey.questions.filter(required=True).first()
    data.pop(f"q{required.pk}")
    response = client.post(reverse("feedback:answer", kwargs={"token": survey.open_token}), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Mein Kommentar" in body
    assert "error-summary" in body
    assert Response.objects.count() == 0


def test_bad_values_are_refused_without_error(client, past_event):
    survey = survey_for(past_event)
    data = answer_data(survey)
    scale = survey.questions.filter(kind="scale").first()
    data[f"q{scale.pk}"] = "99"
    response = client.post(reverse("feedback:answer", kwargs={"token": survey.open_token}), data)
    assert response.status_code == 400
    data[f"q{scale.pk}"] = "\x00abc"
    assert (
        client.post(
            reverse("feedback:answer", kwargs={"token": survey.open_token}), data
        ).status_code
        == 400
    )


def test_one_reminder_to_those_who_have_not_answered(client, past_event, checked_in, commit):
    survey = survey_for(past_event, open_it=False)
    commit(services.open_and_send, survey=survey)
    client.post(_links(mail.outbox)[0], answer_data(survey))
    mail.outbox.clear()
    assert commit(services.send_reminder, survey=survey) == 5
    assert len(mail.outbox) == 5
    with pytest.raises(services.SurveyError):
        services.send_reminder(survey=survey)


def test_results_only_from_five_answers_and_compared_with_earlier_years(client, past_event):
    from tests.registration.factories import EventFactory

    earlier_event = EventFactory(
        status="past",
        starts_at=past_event.starts_at.replace(year=past_event.starts_at.year - 1),
        ends_at=past_event.ends_at.replace(year=past_event.ends_at.year - 1),
    )
    earlier = survey_for(earlier_event)
    for _ in range(5):
        services.submit_response(
            token=earlier.open_token, data=_querydict(answer_data(earlier, scale=2))
        )
    survey = survey_for(past_event)
    for _number in range(4):
        services.submit_response(
            token=survey.open_token, data=_querydict(answer_data(survey, scale=5))
        )
    assert queries.results(survey)["visible"] is False
    services.submit_response(token=survey.open_token, data=_querydict(answer_data(survey)))
    data = queries.results(survey)
    assert data["visible"] and data["total"] == 5
    overall = next(item for item in data["questions"] if item["question"].key == "overall")
    assert overall["mean"] == pytest.approx(4.8)
    assert overall["earlier"][0]["mean"] == pytest.approx(2.0)
    assert "<svg" in overall["svg"] and "<title>" in overall["svg"]
    comments = next(item for item in data["questions"] if item["question"].key == "comments")
    assert comments["texts"] == ["Sehr gut"] * 5
    assert Answer.objects.filter(question__survey=survey).count() > 0


def _querydict(data):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, value in data.items():
        if isinstance(value, list):
            query.setlist(key, value)
        else:
            query[key] = value
    return query


def test_results_page_and_exports(client, past_event, django_assert_max_num_queries):
    from tests.factories import UserFactory

    survey = survey_for(past_event)
    for _ in range(6):
        services.submit_response(token=survey.open_token, data=_querydict(answer_data(survey)))
    client.force_login(UserFactory(is_staff=True))
    kwargs = {"slug": past_event.slug, "pk": survey.pk}
    with django_assert_max_num_queries(20):
        page = client.get(reverse("feedback:results", kwargs=kwargs))
    assert page.status_code == 200
    assert "Sehr gut" in page.content.decode()
    csv = client.get(reverse("feedback:export_csv", kwargs=kwargs)).content.decode()
    assert csv.count("\n") == 7
    xlsx = client.get(reverse("feedback:export_xlsx", kwargs=kwargs))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_the_qr_link_is_not_offered_twice_in_the_same_browser(client, past_event):
    survey = survey_for(past_event)
    url = reverse("feedback:answer", kwargs={"token": survey.open_token})
    assert client.post(url, answer_data(survey)).status_code == 200
    again = client.post(url, answer_data(survey))
    assert Response.objects.count() == 1
    assert "form" not in again.content.decode().split("<main", 1)[1].split("</main>")[0]


def test_hostile_text_is_shown_escaped(client, past_event):
    from tests.factories import UserFactory

    survey = survey_for(past_event)
    hostile = '<script>alert(1)</script><svg onload="alert(2)">\u202e' + "x" * 4000
    for _ in range(5):
        services.submit_response(
            token=survey.open_token, data=_querydict(answer_data(survey, text=hostile))
        )
    client.force_login(UserFactory(is_staff=True))
    page = client.get(
        reverse("feedback:results", kwargs={"slug": past_event.slug, "pk": survey.pk})
    ).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
