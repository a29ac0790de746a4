"""0002 moves the per-language columns of surveys into the one content store (decision 0130)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.registration.factories import EventFactory
from vernetzt.core.translations import Status, fingerprint

BEFORE = [("feedback", "0001_initial")]
AFTER = [("feedback", "0002_survey_texts_as_translations")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_titles_texts_and_choices_of_existing_surveys_become_translations():
    event = EventFactory()
    old = _migrate(BEFORE)
    survey = old.get_model("feedback", "Survey").objects.create(
        event_id=event.pk,
        title_de="Rückmeldung",
        title_en="Feedback",
        title_ar="ملاحظات",
        intro_de="Bitte antworten Sie.",
        open_token="t" * 32,
    )
    old.get_model("feedback", "Question").objects.create(
        survey_id=survey.pk,
        key="teil",
        kind="single",
        text_de="Welcher Teil?",
        text_ar="أي جزء؟",
        choices_de="Foren\nPodium\n",
        choices_en="Forums",  # one line fewer than German: not taken over
        choices_ar="المنتديات\nالمنصة",
    )
    new = _migrate(AFTER)
    survey = new.get_model("feedback", "Survey").objects.get(pk=survey.pk)
    question = new.get_model("feedback", "Question").objects.get(survey_id=survey.pk)
    assert survey.title == "Rückmeldung" and survey.intro == "Bitte antworten Sie."
    assert survey.translations["en"]["title"]["text"] == "Feedback"
    assert survey.translations["ar"]["title"] == {
        "text": "ملاحظات",
        "status": Status.HUMAN,
        "source": fingerprint("Rückmeldung"),
        "at": survey.translations["ar"]["title"]["at"],
    }
    assert "intro" not in survey.translations["en"]  # no English introduction existed
    assert question.text == "Welcher Teil?" and question.choices == ["Foren", "Podium"]
    assert question.translations["ar"]["choices"]["text"] == "المنتديات\nالمنصة"
    assert question.translations["ar"]["choices"]["source"] == fingerprint("Foren\nPodium")
    assert "en" not in question.translations
    columns = {c.name for c in connection.introspection.get_table_description(
        connection.cursor(), "feedback_survey")}  # fmt: skip
    assert "title_en" not in columns and "title_ar" not in columns
    _migrate(BEFORE)  # and back: the columns return with their texts
    back = _migrate(BEFORE).get_model("feedback", "Survey").objects.get(pk=survey.pk)
    assert (back.title_de, back.title_ar) == ("Rückmeldung", "ملاحظات")
    _migrate([("feedback", "0002_survey_texts_as_translations")])
