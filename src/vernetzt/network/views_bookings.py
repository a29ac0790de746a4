"""Pages of bookings: my association's bookings, one booking, decide, cancel, feedback,
calendar files; and the staff overview of what was shared."""

import contextlib
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vernetzt.core.permissions import permission_required

from . import booking as services
from . import ics, matching, queries, report, rules
from .enums import BookingStatus
from .forms import CancelForm, DecisionForm, FeedbackForm
from .models import Booking, Feedback, OrganisationFeed


@login_required
def my_bookings(request):
    own = rules.own_organisation_ids(request.user)
    return render(
        request,
        "network/my_bookings.html",
        {
            "lent": queries.bookings_of(own, as_owner=True)[:200],
            "borrowed": queries.bookings_of(own, as_owner=False)[:200],
            "feeds": OrganisationFeed.objects.filter(organisation_id__in=own).select_related(
                "organisation"
            ),
        },
    )


def _load_booking(pk) -> Booking:
    """The booking of the URL (404 when unknown); the rule decides who may see or change it."""
    found = (
        Booking.objects.select_related(
            "listing__organisation", "listing__municipality", "organisation"
        )
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def _side(request, found: Booking) -> int | None:
    """The association the person acts for on this booking (owner side first)."""
    own = rules.own_organisation_ids(request.user)
    if found.listing.organisation_id in own:
        return found.listing.organisation_id
    if found.organisation_id in own:
        return found.organisation_id
    return None


@permission_required("network.view_booking", load=_load_booking)
def booking_detail(request, found, pk):
    side = _side(request, found)
    ended = found.end <= timezone.now()
    return render(
        request,
        "network/booking_detail.html",
        {
            "booking": found,
            "can_decide": request.user.has_perm("network.decide_booking", found)
            and found.status == BookingStatus.REQUESTED,
            "can_cancel": found.status in (BookingStatus.REQUESTED, BookingStatus.CONFIRMED)
            and not ended,
            "can_give_feedback": side is not None
            and ended
            and found.status == BookingStatus.CONFIRMED,
            "feedback": Feedback.objects.filter(booking=found, organisation_id=side).first(),
            "all_feedback": found.feedback.select_related("organisation").all()
            if request.user.is_staff
            else [],
            "decision_form": DecisionForm(),
            "cancel_form": CancelForm(),
            "feedback_form": FeedbackForm(),
        },
    )


def _back(found, form, error):
    for field, texts in error.errors.items():
        for text in texts:
            form.add_error(field if field in form.fields else None, text)
    return None


@require_POST
@permission_required("network.decide_booking", load=_load_booking)
def booking_decide(request, found, pk):
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            if request.POST.get("decision") == "approve":
                services.approve_booking(booking=found, answer=form.cleaned_data["answer"])
                messages.success(request, _("The booking is confirmed."))
            else:
                services.decline_booking(booking=found, answer=form.cleaned_data["answer"])
                messages.success(request, _("The request is declined."))
        except services.BookingError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("The message is too long: at most 2000 characters."))
    return redirect(found.get_absolute_url())


@require_POST
@permission_required("network.cancel_booking", load=_load_booking)
def booking_cancel(request, found, pk):
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please say why you cancel (at most 2000 characters)."))
        return redirect(found.get_absolute_url())
    try:
        services.cancel_booking(
            booking=found,
            by_organisation_id=_side(request, found),
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, _("The booking is cancelled. Both sides get an email."))
    except services.BookingError as error:
        messages.error(request, str(error))
    return redirect(found.get_absolute_url())


@require_POST
@permission_required("network.give_feedback", load=_load_booking)
def booking_feedback(request, found, pk):
    side = _side(request, found)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            services.give_feedback(
                booking=found,
                organisation_id=side,
                went_well=form.cleaned_data["went_well"],
                comment=form.cleaned_data["comment"],
            )
            messages.success(request, _("Thank you for your feedback."))
        except services.BookingError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Please choose yes or no."))
    return redirect(found.get_absolute_url())


@permission_required("network.view_booking", load=_load_booking)
def booking_ics(request, found, pk):
    if found.status != BookingStatus.CONFIRMED:
        raise Http404
    response = HttpResponse(ics.booking_ics(found), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="booking-{found.pk}.ics"'
    return response


def organisation_feed(request, token):
    feed = get_object_or_404(
        OrganisationFeed.objects.select_related("organisation"), token=token[:64]
    )
    bookings = Booking.objects.filter(
        organisation=feed.organisation,
        status=BookingStatus.CONFIRMED,
        end__gte=timezone.now() - timedelta(days=90),
    ).select_related("listing__organisation", "listing__municipality", "organisation")
    return HttpResponse(
        ics.feed_ics(feed.organisation.name, bookings), content_type="text/calendar"
    )


@permission_required("network.view_overview")
def overview(request):
    """Staff: what was shared, where, by whom; what was asked for and never found."""
    year = timezone.localdate().year
    with contextlib.suppress(ValueError):
        year = int(request.GET.get("year", year))
    return render(
        request,
        "network/overview.html",
        {
            "figures": report.figures(year),
            "year": year,
            "recent": Booking.objects.select_related(
                "listing__organisation", "listing__municipality", "organisation"
            ).order_by("-start")[:50],
            "unmet": matching.unmet_requests()[:50],
            "feedback": Feedback.objects.select_related(
                "organisation", "booking__listing"
            ).order_by("-created_at")[:50],
        },
    )
