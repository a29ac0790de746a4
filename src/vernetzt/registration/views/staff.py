"""Staff pages: lists, summary, add/edit/move, exports, questions."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vernetzt.core.exports import csv_response, xlsx_response
from vernetzt.directory.models import District
from vernetzt.events.models import Event

from .. import enums, exports, label_sheets, queries, services
from ..forms import QuestionForm, StaffAddForm, StaffRegistrationForm
from ..models import Question, Registration
from .common import staff_required


def _staff_event(slug):
    return get_object_or_404(Event.objects.select_related("venue"), slug=slug)


def _filtered(request, event):
    queryset = (
        Registration.objects.filter(event=event)
        .select_related("organisation", "organisation__municipality__district")
        .defer("answers", "accessibility_needs")
    )
    status = request.GET.get("status", "")
    if status in Registration.Status.values:
        queryset = queryset.filter(status=status)
    if request.GET.get("checked_in") == "1":
        queryset = queryset.filter(checked_in_at__isnull=False)
    district = request.GET.get("district", "")
    if district.isdigit():
        queryset = queryset.filter(organisation__municipality__district_id=int(district))
    organisation = request.GET.get("organisation", "")
    if organisation.isdigit():
        queryset = queryset.filter(organisation_id=int(organisation))
    query = (request.GET.get("q") or "").replace("\x00", "").strip()[:100]
    if query:
        queryset = queryset.filter(
            Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
            | Q(organisation__name__icontains=query)
        )
    return queryset.order_by("status", "waiting_position", "last_name", "id")


def _summary(event):
    """Catering, accessibility, interpretation, childcare and photo consent counts among
    active registrations."""
    everyone = Registration.objects.filter(event=event, status__in=Registration.ACTIVE_STATUSES)
    active = everyone.filter(
        Q(answers__has_key=enums.DIETARY)
        | Q(answers__has_key=enums.ACCESSIBILITY)
        | Q(answers__has_key=enums.INTERPRETATION)
        | Q(answers__has_key=enums.CHILDCARE)
    )
    tallies = {
        enums.DIETARY: {},
        enums.ACCESSIBILITY: {},
        enums.INTERPRETATION: {},
        enums.CHILDCARE: {},
    }
    for answers in active.values_list("answers", flat=True):
        for key, tally in tallies.items():
            value = (answers or {}).get(key)
            for item in value if isinstance(value, list) else ([value] if value else []):
                tally[item] = tally.get(item, 0) + 1
    labels = {key: dict(enums.BUILTIN_CHOICES[key]) for key in tallies}
    summary = {
        key: sorted(
            ((str(labels[key].get(value, value)), count) for value, count in tally.items()),
            key=lambda pair: -pair[1],
        )
        for key, tally in tallies.items()
    }
    photos = everyone.aggregate(
        yes=Count("pk", filter=Q(photo_consent=True)), no=Count("pk", filter=Q(photo_consent=False))
    )
    summary["photo_consent"] = [(_("yes"), photos["yes"]), (_("no"), photos["no"])]
    return summary


@staff_required
def staff_list(request, slug):
    event = _staff_event(slug)
    queryset = _filtered(request, event)
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    districts = District.objects.only("id", "name", "kind")
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "registration/staff/list.html",
        {
            "event": event,
            "page_obj": page,
            "counts": queries.counts(event),
            "places_left": queries.places_left(event),
            "districts": districts,
            "statuses": Registration.Status.choices,
            "filters": request.GET,
            "querystring": params.urlencode(),
            "label_sheets": label_sheets.SHEETS.values(),
            "default_sheet": label_sheets.DEFAULT_SHEET,
        },
    )


@staff_required
@require_GET
def staff_summary(request, slug):
    """Counts by association and district; catering, accessibility, interpretation."""
    event = _staff_event(slug)
    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    by_district = (
        confirmed.values("organisation__municipality__district__name")
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    by_organisation = confirmed.values("organisation__name").annotate(n=Count("pk")).order_by("-n")
    return render(
        request,
        "registration/staff/summary.html",
        {
            "event": event,
            "counts": queries.counts(event),
            "by_district": list(by_district),
            "by_organisation": list(by_organisation),
            "summary": _summary(event),
        },
    )


@staff_required
def staff_add(request, slug):
    event = _staff_event(slug)
    form = StaffAddForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration, _created = services.register_participant(
                event=event,
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"] or None,
                organisation=data["organisation"],
                language=data["language"],
                answers=form.answers(),
                pronouns=data["pronouns"],
                created_by=request.user,
                by_staff=True,
                reserved=data["reserved"],
            )
        except services.RegistrationError as error:
            form.add_service_errors(error.errors)
        else:
            messages.success(request, _("Registration added."))
            return redirect("registration:staff_edit", slug=slug, pk=registration.pk)
    return render(request, "registration/staff/form.html", {"event": event, "form": form})


@staff_required
def staff_edit(request, slug, pk):
    event = _staff_event(slug)
    registration = get_object_or_404(Registration, pk=pk, event=event)
    form = StaffRegistrationForm(request.POST or None, instance=registration, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_registration(
                registration=registration,
                data={**form.cleaned_data, "answers": form.answers()},
                by_staff=True,
            )
        except services.RegistrationError as error:
            form.add_service_errors(error.errors)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("registration:staff_edit", slug=slug, pk=pk)
    return render(
        request,
        "registration/staff/form.html",
        {"event": event, "form": form, "registration": registration},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def staff_cancel(request, slug, pk):
    """GET asks first (who, whether they get an email, the waiting list); POST cancels."""
    event = _staff_event(slug)
    registration = get_object_or_404(Registration, pk=pk, event=event)
    if request.method == "GET":
        return render(
            request,
            "registration/cancel_confirm.html",
            {
                "registration": registration,
                "event": event,
                "by_staff": True,
                "waiting": queries.counts(event)["waiting"],
                "back_url": reverse("registration:staff_edit", kwargs={"slug": slug, "pk": pk}),
            },
        )
    services.cancel_registration(
        registration=registration, tell_person=request.POST.get("tell_person", "1") == "1"
    )
    messages.success(request, _("Registration cancelled."))
    return redirect("registration:staff_list", slug=slug)


@staff_required
@require_POST
def staff_move(request, slug, pk):
    event = _staff_event(slug)
    registration = get_object_or_404(Registration, pk=pk, event=event)
    position = request.POST.get("position", "")
    try:
        services.move_registration(
            registration=registration,
            to=request.POST.get("to", ""),
            position=int(position) if position.isdigit() else None,
        )
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Registration moved."))
    return redirect("registration:staff_edit", slug=slug, pk=pk)


def _export_name(slug: str, sensitive: bool, extension: str) -> str:
    """The file with sensitive answers is named so, and never mixed up with the other."""
    middle = "anmeldungen-mit-sensiblen-angaben" if sensitive else "anmeldungen"
    return f"{slug}-{middle}.{extension}"


@staff_required
@require_GET
def export_csv(request, slug):
    event = _staff_event(slug)
    include = request.GET.get("sensitive") == "1"
    header, rows = exports.rows(event, _filtered(request, event), include_sensitive=include)
    return csv_response(_export_name(slug, include, "csv"), header, rows)


@staff_required
@require_GET
def export_xlsx(request, slug):
    event = _staff_event(slug)
    include = request.GET.get("sensitive") == "1"
    header, rows = exports.rows(event, _filtered(request, event), include_sensitive=include)
    return xlsx_response(
        _export_name(slug, include, "xlsx"), header, rows, title=_("Registrations")
    )


@staff_required
@require_GET
def participants_pdf(request, slug):
    event = _staff_event(slug)
    registrations = (
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
        .select_related("organisation")
        .order_by("last_name", "first_name")
    )
    return exports.pdf_response(
        "registration/pdf/participants.html",
        {"event": event, "registrations": registrations},
        f"{slug}-teilnehmende.pdf",
    )


@staff_required
@require_GET
def badges_pdf(request, slug):
    event = _staff_event(slug)
    registrations = (
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
        .select_related("organisation")
        .order_by("last_name", "first_name")
    )
    lines = queries.badge_lines(event)
    badges = [{**exports.badge_data(r), "lines": lines.get(r.pk, [])} for r in registrations]
    sheet = label_sheets.SHEETS.get(
        request.GET.get("sheet", ""), label_sheets.SHEETS[label_sheets.DEFAULT_SHEET]
    )
    return exports.pdf_response(
        "registration/pdf/badges.html",
        {"event": event, "sheet": sheet, "pages": label_sheets.layout(badges, sheet)},
        f"{slug}-namensschilder-{sheet.key}.pdf",
    )


@staff_required
def questions(request, slug):
    event = _staff_event(slug)
    services.ensure_builtin_questions(event=event)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        question = form.save(commit=False)
        question.event = event
        question.choices = form.cleaned_data["choices"]
        base = f"q{event.questions.count() + 1}"
        key, number = base, 1
        while event.questions.filter(key=key).exists():
            number += 1
            key = f"{base}-{number}"
        question.key = key
        question.save()
        messages.success(request, _("Question added."))
        return redirect("registration:questions", slug=slug)
    return render(
        request,
        "registration/staff/questions.html",
        {"event": event, "form": form, "questions": event.questions.all()},
    )


@staff_required
def question_edit(request, slug, pk):
    event = _staff_event(slug)
    question = get_object_or_404(Question, pk=pk, event=event)
    form = QuestionForm(request.POST or None, instance=question)
    if question.builtin:
        for name in ("kind", "choices_text"):
            form.fields[name].disabled = True
    if request.method == "POST" and form.is_valid():
        question = form.save(commit=False)
        if not question.builtin:
            question.choices = form.cleaned_data["choices"]
        question.save()
        messages.success(request, _("Your changes are saved."))
        return redirect("registration:questions", slug=slug)
    return render(
        request,
        "registration/staff/question_form.html",
        {"event": event, "form": form, "question": question},
    )
