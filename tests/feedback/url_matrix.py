"""Role x URL matrix of surveys (see tests/permissions.py)."""

from tests.permissions import EVERYONE, STAFF, Case


def _survey(w):
    from tests.registration.factories import EventFactory

    from .factories import survey_for

    if "survey" not in w:
        w["survey"] = survey_for(EventFactory(slug="umfrage-matrix"))
    return w["survey"]


def personal(w):
    """The personal link of a registrant of the survey's meeting (the token is the key)."""
    from vernetzt.registration.services import register_participant

    if "survey_registration" not in w:
        w["survey_registration"], _ = register_participant(
            event=_survey(w).event,
            first_name="Kim",
            last_name="Umfrage",
            email="umfrage-matrix@example.org",
            by_staff=True,
        )
    registration = w["survey_registration"]
    return {
        "slug": registration.event.slug,
        "token": registration.manage_token,
        "pk": _survey(w).pk,
    }


def survey(w):
    return {"slug": _survey(w).event.slug, "pk": _survey(w).pk}


def _draft(w):
    from tests.registration.factories import EventFactory

    from .factories import survey_for

    if "draft_survey" not in w:
        w["draft_survey"] = survey_for(EventFactory(slug="umfrage-entwurf"), open_it=False)
    return w["draft_survey"]


def draft_question(w):
    survey = _draft(w)
    return {"slug": survey.event.slug, "pk": survey.pk, "question_pk": survey.questions.first().pk}


def draft(w):
    return {"slug": _draft(w).event.slug, "pk": _draft(w).pk}


def event(w):
    return {"slug": _survey(w).event.slug}


CASES = [
    Case("feedback:answer", EVERYONE, kwargs=lambda w: {"token": _survey(w).open_token}),
    Case("feedback:from_personal_page", EVERYONE, kwargs=personal, method="post"),
    Case("feedback:survey_list", STAFF, kwargs=event),
    Case("feedback:survey_detail", STAFF, kwargs=survey),
    Case("feedback:survey_edit", STAFF, kwargs=survey),
    Case("feedback:survey_edit", STAFF, kwargs=survey, method="post"),
    Case("feedback:question_add", STAFF, kwargs=draft),
    Case("feedback:question_edit", STAFF, kwargs=draft_question),
    Case("feedback:question_move", STAFF, kwargs=draft_question, method="post"),
    Case("feedback:question_delete", STAFF, kwargs=draft_question),
    Case("feedback:survey_send", STAFF, kwargs=survey),
    Case("feedback:survey_send", STAFF, kwargs=survey, method="post"),
    Case("feedback:survey_remind", STAFF, kwargs=survey, method="post"),
    Case("feedback:survey_close", STAFF, kwargs=survey),
    Case("feedback:survey_close", STAFF, kwargs=survey, method="post"),
    Case("feedback:results", STAFF, kwargs=survey),
    Case("feedback:export_csv", STAFF, kwargs=survey),
    Case("feedback:export_xlsx", STAFF, kwargs=survey),
]
