"""Public registration pages: the form and the personal page (the token is the key)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vernetzt.core import ratelimits
from vernetzt.core.hooks import ask_apps
from vernetzt.directory.models import Organisation

from .. import exports, queries, services, tickets
from ..forms import ManageRegistrationForm, RegistrationForm, ResendLinkForm, consent_purposes
from ..models import Registration
from .common import _registration_or_404, _visible_event


def too_many_message() -> str:
    return _("Too many requests from your network. Please wait a few minutes and try again.")


def prefill_for(user) -> dict:
    """What the registration form knows already: a signed-in person's name, email, language
    and (when they belong to exactly one) association."""
    initial = {"language": get_language()}
    if not user.is_authenticated:
        return initial
    initial.update(first_name=user.first_name, last_name=user.last_name, email=user.email)
    organisations = list(user.memberships.values_list("organisation_id", flat=True)[:2])
    if len(organisations) == 1:
        initial["organisation"] = organisations[0]
    return initial


def register(request, slug):
    """The registration form (no account needed).

    Every accepted request, new or for an email already registered, ends on the same
    "check your email" page: the personal link only ever goes to the email address.
    """
    event = _visible_event(slug)
    search_url = reverse("registration:organisation_search", kwargs={"slug": slug})
    if not event.is_registration_open:
        return render(request, "registration/closed.html", {"event": event}, status=200)
    if request.method == "POST":
        form = RegistrationForm(request.POST, event=event, search_url=search_url)
        if ratelimits.limited(request, "registration"):
            form.is_valid()  # keeps what was typed, with its own messages
            form.add_error(None, too_many_message())
            return render(
                request,
                "registration/register.html",
                {"event": event, "form": form, "places_left": queries.places_left(event)},
                status=429,
            )
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.request_registration(
                    event=event,
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    email=data["email"],
                    organisation=data["organisation"],
                    new_organisation=data["new_organisation"],
                    language=data["language"],
                    answers=form.answers(),
                    pronouns=data["pronouns"],
                    consents=consent_purposes(form),
                    idempotency_key=data["idempotency_key"] or None,
                    user=request.user,
                )
            except services.RegistrationError as error:
                form.add_service_errors(error.errors)
            else:
                return redirect("registration:received", slug=slug)
    else:
        form = RegistrationForm(
            event=event, search_url=search_url, initial=prefill_for(request.user)
        )
    return render(
        request,
        "registration/register.html",
        {"event": event, "form": form, "places_left": queries.places_left(event)},
    )


@require_GET
def received(request, slug):
    """After the form: the same page for everyone ("we sent you an email")."""
    event = _visible_event(slug)
    return render(request, "registration/received.html", {"event": event})


def resend_link(request, slug):
    """ "Send me my link again": the same answer whether or not the address is registered."""
    event = _visible_event(slug)
    form = ResendLinkForm(request.POST or None)
    sent = False
    if request.method == "POST" and form.is_valid():
        if ratelimits.limited(request, "registration_link"):
            form.add_error(None, too_many_message())
            return render(
                request,
                "registration/resend_link.html",
                {"event": event, "form": form, "sent": False},
                status=429,
            )
        services.resend_link(event=event, email=form.cleaned_data["email"])
        sent = True
    return render(
        request, "registration/resend_link.html", {"event": event, "form": form, "sent": sent}
    )


@require_GET
def organisation_search(request, slug):
    """htmx: associations whose name contains the query (at most 10)."""
    _visible_event(slug)
    query = (
        (request.GET.get("organisation_search") or request.GET.get("q") or "")
        .replace("\x00", "")
        .strip()[:100]
    )
    results = []
    if len(query) >= 2:
        results = list(
            Organisation.objects.exclude(status=Organisation.Status.ARCHIVED)
            .filter(name__icontains=query)
            .select_related("municipality")
            .order_by("name")[:10]
        )
    return render(
        request,
        "registration/_organisation_results.html",
        {"results": results, "name": "organisation", "selected": None},
    )


def manage(request, slug, token):
    """The personal page: see, change or cancel (the token is the key). After the meeting
    it shows what is useful then: certificate, results, survey, documentation, your data."""
    registration = _registration_or_404(slug, token)
    event = registration.event
    form = None
    if event.is_over:
        if request.method == "POST":
            messages.error(request, str(services.MeetingOver()))
            return redirect(registration.get_absolute_url())
    elif registration.is_active:
        if request.method == "POST":
            form = ManageRegistrationForm(request.POST, instance=registration)
            if form.is_valid():
                try:
                    services.update_registration(
                        registration=registration,
                        data={**form.cleaned_data, "answers": form.answers()},
                        consents=consent_purposes(form),
                    )
                except services.RegistrationError as error:
                    form.add_service_errors(error.errors)
                else:
                    messages.success(request, _("Your changes are saved."))
                    return redirect(registration.get_absolute_url())
            registration.refresh_from_db()
        else:
            form = ManageRegistrationForm(instance=registration)
    sections = [
        section
        for answer in ask_apps("registration_sections", request, registration)
        for section in answer or []
    ]
    after_links = (
        [link for answer in ask_apps("after_meeting_links", registration) for link in answer or []]
        if event.is_over
        else []
    )
    return render(
        request,
        "registration/manage.html",
        {
            "registration": registration,
            "event": event,
            "form": form,
            "after_meeting": event.is_over,
            "after_links": after_links,
            "qr": tickets.qr_data_uri(registration.ticket_code)
            if registration.status == Registration.Status.CONFIRMED and not event.is_over
            else None,
            "sections": sections,
            "certificate_available": bool(
                registration.checked_in_at and event.starts_at <= timezone.now()
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def cancel(request, slug, token):
    """GET asks first (what happens, with the waiting list); POST cancels and sends an email.
    After the meeting both refuse with a message on the personal page."""
    registration = _registration_or_404(slug, token)
    if request.method == "GET" and registration.event.is_over:
        messages.error(request, str(services.MeetingOver()))
        return redirect(registration.get_absolute_url())
    if request.method == "GET":
        return render(
            request,
            "registration/cancel_confirm.html",
            {
                "registration": registration,
                "event": registration.event,
                "by_staff": False,
                "waiting": queries.counts(registration.event)["waiting"],
                "back_url": registration.get_absolute_url(),
            },
        )
    try:
        services.cancel_own_registration(registration=registration)
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Your registration is cancelled. Your place goes to the next person.")
        )
    return redirect(registration.get_absolute_url())


@require_GET
def ics(request, slug, token):
    registration = _registration_or_404(slug, token)
    response = HttpResponse(
        tickets.event_ics(registration.event, registration=registration),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{slug}.ics"'
    return response


@require_GET
def ticket_pdf(request, slug, token):
    """The ticket to print (also for people registered without an email)."""
    registration = _registration_or_404(slug, token)
    if registration.status != Registration.Status.CONFIRMED:
        raise Http404(_("Only a confirmed registration has a ticket."))
    return exports.pdf_response(
        "registration/pdf/ticket.html",
        {"registrations": [exports.badge_data(registration)], "event": registration.event},
        f"ticket-{slug}.pdf",
    )


@require_GET
def certificate(request, slug, token):
    """Certificate of attendance, for checked-in people once the meeting has begun."""
    registration = _registration_or_404(slug, token)
    if not registration.checked_in_at or registration.event.starts_at > timezone.now():
        raise Http404(_("A certificate is available after the meeting for people who came."))
    return exports.pdf_response(
        "registration/pdf/certificate.html",
        {"registration": registration, "event": registration.event},
        f"bescheinigung-{slug}.pdf",
    )
