"""Pages of surveys: staff build, send and read; participants answer by link."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vernetzt.core.exports import csv_response, xlsx_response
from vernetzt.core.permissions import permission_required
from vernetzt.events.models import Event
from vernetzt.registration import tickets
from vernetzt.registration.queries import get_by_token

from . import queries, services
from .forms import QuestionForm, SurveyForm
from .models import MIN_RESPONSES, Question, Survey

staff_required = permission_required("feedback.manage_surveys")


def _survey(slug, pk):
    return get_object_or_404(Survey.objects.select_related("event"), pk=pk, event__slug=slug)


@staff_required
def survey_list(request, slug):
    """The surveys of a meeting; staff create one from the template or empty."""
    event = get_object_or_404(Event, slug=slug)
    if request.method == "POST":
        if request.POST.get("template") == "feedback":
            survey = services.create_survey_from_template(event=event)
            messages.success(request, _("The survey was created from the template."))
            return redirect("feedback:survey_detail", slug=slug, pk=survey.pk)
        survey = services.create_empty_survey(event=event)
        messages.success(request, _("An empty survey was created. Add questions now."))
        return redirect("feedback:survey_edit", slug=slug, pk=survey.pk)
    surveys = event.surveys.all()
    return render(request, "feedback/survey_list.html", {"event": event, "surveys": surveys})


@staff_required
@require_GET
def survey_detail(request, slug, pk):
    survey = _survey(slug, pk)
    open_link = request.build_absolute_uri(
        reverse("feedback:answer", kwargs={"token": survey.open_token})
    )
    context = {
        "event": survey.event,
        "survey": survey,
        "questions": survey.questions.all(),
        "invited": survey.invitations.count(),
        "responses": survey.responses.count(),
        "checked_in": services.invitees(survey).count(),
        "before_meeting": survey.event.starts_at > timezone.now(),
        "open_link": open_link,
        "qr_svg": tickets.qr_svg(open_link, scale=5) if survey.is_open else "",
    }
    return render(request, "feedback/survey_detail.html", context)


def _action(request, slug, pk, function, success):
    survey = _survey(slug, pk)
    try:
        result = function(survey=survey)
    except services.SurveyError as error:
        messages.error(request, str(error))
    else:
        count = result if isinstance(result, int) else 0
        messages.success(request, success % {"count": count})
    return redirect("feedback:survey_detail", slug=slug, pk=pk)


def _confirm(request, survey, action):
    """The question page of a safe action (decision 0120): what will happen, then a button."""
    return render(
        request,
        "feedback/survey_confirm.html",
        {
            "event": survey.event,
            "survey": survey,
            "action": action,
            "recipients": queries.not_invited_yet(survey),
            "responses": survey.responses.count(),
            "before_meeting": survey.event.starts_at > timezone.now(),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def survey_send(request, slug, pk):
    """GET asks (how many people get an email), POST opens the survey and sends."""
    survey = _survey(slug, pk)
    if request.method == "GET":
        return _confirm(request, survey, "send")
    if survey.event.starts_at > timezone.now() and request.POST.get("early") != "1":
        messages.error(
            request,
            _(
                "The meeting has not taken place yet. Tick the box to send the survey "
                "before it anyway."
            ),
        )
        return redirect("feedback:survey_detail", slug=slug, pk=pk)
    return _action(
        request, slug, pk, services.open_and_send, _("The survey is open. %(count)s emails sent.")
    )


@staff_required
@require_POST
def survey_remind(request, slug, pk):
    return _action(request, slug, pk, services.send_reminder, _("%(count)s reminders sent."))


@staff_required
@require_http_methods(["GET", "POST"])
def survey_close(request, slug, pk):
    """GET asks, POST closes: the links stop working."""
    if request.method == "GET":
        return _confirm(request, _survey(slug, pk), "close")
    return _action(request, slug, pk, services.close_survey, _("The survey is closed."))


@staff_required
@require_GET
def results(request, slug, pk):
    survey = _survey(slug, pk)
    return render(
        request,
        "feedback/results.html",
        {"event": survey.event, **queries.results(survey)},
    )


@staff_required
def survey_edit(request, slug, pk):
    """Title and introduction in German (translations: on the translation page)."""
    survey = _survey(slug, pk)
    form = SurveyForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        services.update_survey(survey=survey, **form.cleaned_data)
        messages.success(request, _("The survey is saved."))
        return redirect("feedback:survey_detail", slug=slug, pk=pk)
    return render(
        request,
        "feedback/survey_edit.html",
        {"event": survey.event, "survey": survey, "form": form},
        status=400 if form.errors else 200,
    )


def _question(slug, pk, question_pk):
    survey = _survey(slug, pk)
    return survey, get_object_or_404(Question, pk=question_pk, survey=survey)


def _question_form(request, survey, question):
    form = QuestionForm(request.POST or None, instance=question, survey=survey)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_question(
                survey=survey,
                question=question,
                key=data["key"] if question is None or survey.is_draft else question.key,
                kind=data["kind"],
                text=data["text"],
                choices=data["choices"],
                required=data["required"],
            )
        except services.SurveyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The question is saved."))
            return redirect("feedback:survey_detail", slug=survey.event.slug, pk=survey.pk)
    return render(
        request,
        "feedback/question_form.html",
        {"event": survey.event, "survey": survey, "question": question, "form": form},
        status=400 if form.errors else 200,
    )


@staff_required
def question_add(request, slug, pk):
    survey = _survey(slug, pk)
    if not survey.is_draft:
        messages.error(request, str(services.LOCKED))
        return redirect("feedback:survey_detail", slug=slug, pk=pk)
    return _question_form(request, survey, None)


@staff_required
def question_edit(request, slug, pk, question_pk):
    survey, question = _question(slug, pk, question_pk)
    return _question_form(request, survey, question)


@staff_required
@require_http_methods(["GET", "POST"])
def question_delete(request, slug, pk, question_pk):
    """GET asks, POST deletes (a draft's question only)."""
    survey, question = _question(slug, pk, question_pk)
    if request.method == "GET":
        return render(
            request,
            "feedback/question_delete.html",
            {"event": survey.event, "survey": survey, "question": question},
        )
    try:
        services.delete_question(question=question)
    except services.SurveyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The question is deleted."))
    return redirect("feedback:survey_detail", slug=slug, pk=pk)


@staff_required
@require_POST
def question_move(request, slug, pk, question_pk):
    """Move a question one place up or down (buttons on the survey page)."""
    survey, question = _question(slug, pk, question_pk)
    try:
        services.move_question(question=question, up=request.POST.get("direction") == "up")
    except services.SurveyError as error:
        messages.error(request, str(error))
    return redirect(
        reverse("feedback:survey_detail", kwargs={"slug": slug, "pk": pk}) + f"#q{question.pk}"
    )


def _export(request, slug, pk):
    survey = _survey(slug, pk)
    if survey.responses.count() < MIN_RESPONSES:
        messages.error(request, _("Results are shown from 5 answers on."))
        return None, None, survey
    header, rows = queries.export_rows(survey)
    return header, rows, survey


@staff_required
@require_GET
def export_csv(request, slug, pk):
    header, rows, survey = _export(request, slug, pk)
    if header is None:
        return redirect("feedback:survey_detail", slug=slug, pk=pk)
    return csv_response(f"{slug}-umfrage-{pk}.csv", header, rows, delimiter=";")


@staff_required
@require_GET
def export_xlsx(request, slug, pk):
    header, rows, survey = _export(request, slug, pk)
    if header is None:
        return redirect("feedback:survey_detail", slug=slug, pk=pk)
    return xlsx_response(f"{slug}-umfrage-{pk}.xlsx", header, rows, title=survey.title)


@require_POST
def from_personal_page(request, slug, token, pk):
    """ "Answer the survey" on the personal page after the meeting: a fresh link, then the
    survey. Refused with a message when the survey is closed or already answered."""
    registration = get_by_token(slug=slug, token=token)
    if registration is None:
        raise Http404(_("This personal link is not valid. Please use the link in your email."))
    survey_token = services.link_for_personal_page(registration=registration, survey_id=pk)
    if survey_token is None:
        messages.error(request, _("This survey is closed or you have already answered it."))
        return redirect(registration.get_absolute_url())
    return redirect("feedback:answer", token=survey_token)


def answer(request, token):
    """The survey form behind a personal link or the QR code (no account needed)."""
    survey, invitation = services.find_by_token(token)
    if survey is None:
        return render(
            request,
            "feedback/message.html",
            {"message": _("This link is not valid. Please use the link in your email.")},
            status=404,
        )
    done_cookie = f"survey_{survey.pk}_done" if survey is not None else ""
    answered_here = invitation is None and request.get_signed_cookie(done_cookie, "", salt="s")
    if (invitation is not None and invitation.used) or answered_here:
        return render(
            request,
            "feedback/message.html",
            {"message": _("You have already answered this survey. Thank you!")},
        )
    if survey.status != Survey.Status.OPEN:
        return render(
            request,
            "feedback/message.html",
            {"message": _("This survey is closed. Thank you for your interest.")},
        )
    errors, data = {}, request.POST if request.method == "POST" else None
    if request.method == "POST":
        try:
            services.submit_response(token=token, data=request.POST, language=get_language())
        except services.SurveyError as error:
            errors = getattr(error, "errors", {})
            if not errors:
                return render(request, "feedback/message.html", {"message": str(error)})
        else:
            response = render(
                request,
                "feedback/message.html",
                {"message": _("Thank you! Your answers have been saved anonymously.")},
            )
            if invitation is None:
                # the QR link: this browser is not offered the form again (holds no answer)
                response.set_signed_cookie(
                    done_cookie,
                    "1",
                    salt="s",
                    max_age=180 * 24 * 3600,
                    httponly=True,
                    samesite="Lax",
                    secure=request.is_secure(),
                )
            return response
    fields = []
    for question in survey.questions.all():
        name = f"q{question.pk}"
        if question.kind == Question.Kind.SCALE:
            options = list(enumerate(queries.scale_labels(), start=1))
        else:
            options = list(enumerate(question.choice_labels()))
        if data is not None:
            chosen = (
                data.getlist(name)
                if question.kind == Question.Kind.MULTIPLE
                else [data.get(name, "")]
            )
        else:
            chosen = []
        fields.append(
            {
                "question": question,
                "name": name,
                "options": [(str(value), label) for value, label in options],
                "chosen": [str(c) for c in chosen],
                "text": data.get(name, "") if data is not None else "",
                "error": errors.get(name),
            }
        )
    return render(
        request,
        "feedback/answer.html",
        {"survey": survey, "event": survey.event, "fields": fields, "errors": errors},
        status=400 if errors else 200,
    )
