from vernetzt.feedback import services


def survey_for(event, *, open_it=True):
    survey = services.create_survey_from_template(event=event)
    if open_it:
        survey.status = survey.Status.OPEN
        survey.save(update_fields=["status"])
    return survey


def answer_data(survey, *, scale=4, text="Sehr gut"):
    """A valid POST body for the template survey."""
    data = {}
    for question in survey.questions.all():
        name = f"q{question.pk}"
        if question.kind == "scale":
            data[name] = str(scale)
        elif question.kind == "single":
            data[name] = "0"
        elif question.kind == "multiple":
            data[name] = ["0", "2"]
        else:
            data[name] = text
    return data
