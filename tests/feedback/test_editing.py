"""Staff edit surveys on their own pages; the texts live in the one content store (0130)."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory
from vernetzt.core.translations import Status, store
from vernetzt.feedback import services
from vernetzt.feedback.models import Question, Survey

from .factories import survey_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client():
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=False))
    return client


def _url(name, survey, **extra):
    return reverse(f"feedback:{name}", kwargs={"slug": survey.event.slug, "pk": survey.pk, **extra})


def test_staff_build_a_survey_on_its_pages(staff_client, past_event):
    created = staff_client.post(
        reverse("feedback:survey_list", args=[past_event.slug]), {"template": ""}
    )
    survey = Survey.objects.get(event=past_event)
    assert created["Location"] == _url("survey_edit", survey)
    staff_client.post(_url("survey_edit", survey), {"title": "Rückblick", "intro": "Kurz"})
    add = _url("question_add", survey)
    # too few choices: the page says why and keeps what was typed
    refused = staff_client.post(
        add, {"text": "Was war gut?", "kind": "single", "choices_text": "Nur eine"}
    )
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "Was war gut?" in page and "Nur eine" in page and 'id="error-summary"' in page
    staff_client.post(
        add, {"text": "Was war gut?", "kind": "single", "choices_text": "Essen\nForen\n"}
    )
    staff_client.post(add, {"text": "Noch etwas?", "kind": "text", "required": "on"})
    first, second = survey.questions.all()
    assert (first.key, first.choices, second.required) == ("was-war-gut", ["Essen", "Foren"], True)
    staff_client.post(_url("question_move", survey, question_pk=second.pk), {"direction": "up"})
    assert [q.text for q in survey.questions.all()] == ["Noch etwas?", "Was war gut?"]
    asked = staff_client.get(_url("question_delete", survey, question_pk=second.pk))
    assert asked.status_code == 200 and survey.questions.count() == 2  # GET only asks
    staff_client.post(_url("question_delete", survey, question_pk=second.pk))
    assert [q.text for q in survey.questions.all()] == ["Was war gut?"]
    detail = staff_client.get(_url("survey_detail", survey)).content.decode()
    assert "Rückblick" in detail and "/admin/" not in detail


def test_an_open_survey_keeps_the_meaning_of_its_questions(staff_client, past_event):
    survey = survey_for(past_event)  # open
    question = survey.questions.get(key="best-part")
    edit = _url("question_edit", survey, question_pk=question.pk)
    fewer = "\n".join(question.choices[:-1])
    refused = staff_client.post(edit, {"text": question.text, "choices_text": fewer})
    assert refused.status_code == 400
    assert Question.objects.get(pk=question.pk).choices == question.choices
    # a typo may be corrected, a choice appended; kind and "required" stay (disabled fields)
    reworded = ["Begrüßung und Vortrag (korrigiert)", *question.choices[1:], "Essen"]
    staff_client.post(
        edit,
        {"text": "Welcher Teil war am wichtigsten?", "kind": "text", "required": "on",
         "choices_text": "\n".join(reworded)},
    )  # fmt: skip
    question.refresh_from_db()
    assert question.text == "Welcher Teil war am wichtigsten?"
    assert (question.kind, question.required, question.choices) == ("single", False, reworded)
    assert staff_client.get(_url("question_add", survey)).status_code == 302
    with pytest.raises(services.SurveyError):
        services.delete_question(question=question)
    with pytest.raises(services.SurveyError):
        services.move_question(question=question, up=True)
    assert survey.questions.count() == 5


def test_closing_and_sending_ask_before_acting(staff_client, past_event, checked_in):
    survey = survey_for(past_event, open_it=False)
    asked = staff_client.get(_url("survey_send", survey))
    assert asked.status_code == 200 and mail.outbox == []
    assert Survey.objects.get(pk=survey.pk).status == Survey.Status.DRAFT
    staff_client.post(_url("survey_send", survey))
    assert Survey.objects.get(pk=survey.pk).status == Survey.Status.OPEN
    assert staff_client.get(_url("survey_close", survey)).status_code == 200
    assert Survey.objects.get(pk=survey.pk).status == Survey.Status.OPEN
    staff_client.post(_url("survey_close", survey))
    assert Survey.objects.get(pk=survey.pk).status == Survey.Status.CLOSED


def _arabic(client):
    client.cookies["vernetzt_language"] = "ar"
    return client


def test_a_translated_survey_shows_in_arabic_and_an_untranslated_one_in_marked_german(
    client, past_event
):
    translated_survey = survey_for(past_event)
    store(translated_survey, "title", "ar", "ملاحظاتكم على اللقاء", Status.HUMAN)
    translated_survey.save()
    question = translated_survey.questions.get(key="best-part")
    store(question, "text", "ar", "أي جزء كان الأهم بالنسبة لكم؟", Status.HUMAN)
    store(question, "choices", "ar", "الترحيب\nالمنصة\nالمنتديات\nالاستراحات", Status.HUMAN)
    question.save()
    page = _arabic(client).get(reverse("feedback:answer", args=[translated_survey.open_token]))
    html = page.content.decode()
    assert '<h1><span dir="auto">ملاحظاتكم على اللقاء</span></h1>' in html
    assert "أي جزء كان الأهم بالنسبة لكم؟" in html and "المنتديات" in html
    assert "Austausch-Foren" not in html

    untranslated = survey_for(past_event)
    untranslated.title = "Nur auf Deutsch"
    untranslated.translations = {}
    untranslated.save()
    for item in untranslated.questions.all():
        item.translations = {}
        item.save()
    html = client.get(reverse("feedback:answer", args=[untranslated.open_token])).content.decode()
    assert '<span lang="de" dir="auto">Nur auf Deutsch</span>' in html
    assert 'class="lang-hint"' in html
    assert '<span lang="de" dir="auto">Welcher Teil war für Sie am wichtigsten?</span>' in html
    assert ' lang="de" dir="auto">Offenes Podium</label>' in html  # choices marked as well


def test_the_invitation_is_written_in_the_persons_language(past_event, checked_in, commit):
    survey = survey_for(past_event, open_it=False)
    store(survey, "title", "ar", "ملاحظاتكم على اللقاء", Status.HUMAN)
    survey.save()
    checked_in[0].language = "ar"
    checked_in[0].save()
    commit(services.open_and_send, survey=survey)
    arabic = next(m for m in mail.outbox if m.to == [checked_in[0].email])
    german = next(m for m in mail.outbox if m.to == [checked_in[1].email])
    assert "ملاحظاتكم على اللقاء" in arabic.body
    with translation.override("ar"):
        assert translation.gettext("Your feedback on %(title)s")[:5] in arabic.subject
    assert "Feedback Vernetzungstreffen" in german.body


@pytest.mark.parametrize(
    ("language", "title", "choice"),
    [
        ("tr", "Ağ buluşması hakkında geri bildirim", "Paylaşım forumları"),
        ("fa", "بازخورد درباره نشست شبکه‌سازی", "میزگرد باز"),
        ("uk", "Відгук про зустріч мережі", "Форуми для обміну"),
    ],
)
def test_the_template_survey_speaks_every_language(client, past_event, language, title, choice):
    survey = survey_for(past_event)
    assert survey.translations["ar"]["title"]["review"] == "awaiting"  # for a native speaker
    client.cookies["vernetzt_language"] = language
    html = client.get(reverse("feedback:answer", args=[survey.open_token])).content.decode()
    assert f'<h1><span dir="auto">{title}</span></h1>' in html
    assert choice in html and "lang-hint" not in html


def test_staff_translate_a_question_and_its_choices_on_the_translation_page(
    staff_client, past_event
):
    survey = survey_for(past_event, open_it=False)
    question = survey.questions.get(key="best-part")
    url = reverse("core:translation_edit", args=["feedback.question", question.pk])
    assert url in staff_client.get(_url("survey_detail", survey)).content.decode()
    page = staff_client.get(url)
    assert page.status_code == 200 and "Offenes Podium" in page.content.decode()
    staff_client.post(url, {"tr__text": "Hangi bölüm?", "tr__choices": "A\nB\nC\nD"})
    question.refresh_from_db()
    with translation.override("tr"):
        assert question.choice_labels() == ["A", "B", "C", "D"]
    overview = staff_client.get(reverse("core:translation_overview") + "?language=ar")
    assert overview.status_code == 200


def test_the_send_question_counts_who_gets_an_email(staff_client, past_event, checked_in):
    survey = survey_for(past_event, open_it=False)
    page = staff_client.get(_url("survey_send", survey)).content.decode()
    assert "6 eingecheckte Personen, die noch nicht eingeladen sind" in page
