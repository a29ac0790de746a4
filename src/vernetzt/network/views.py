"""Pages of the network: list with filters, detail with matches and booking, publish, edit."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vernetzt.core.permissions import permission_required
from vernetzt.directory.models import Organisation
from vernetzt.directory.queries import filter_choices
from vernetzt.directory.visibility import MEMBERS, viewer_for

from . import availability, booking, matching, queries, rules, services
from .enums import Kind, Side
from .forms import BookingForm, ListingForm, listing_groups
from .models import Listing


def _my_organisations(user):
    return Organisation.objects.filter(pk__in=rules.own_organisation_ids(user)).order_by("name")


def listing_list(request):
    viewer = viewer_for(request.user)
    filters = queries.ListingFilters.from_params(request.GET)
    centre = queries.municipality_or_none(filters.near)
    queryset = queries.listings_filtered(filters, viewer, centre)
    page = Paginator(queryset, queries.PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "network/listing_list.html",
        {
            "page": page,
            "filters": filters,
            "centre": centre,
            "kinds": Kind.choices,
            "choices": filter_choices(),
            "near": str(filters.near or ""),
            "querystring": params.urlencode(),
            "can_publish": request.user.has_perm("network.add_listing"),
        },
    )


def _listing_or_404(request, pk) -> Listing:
    listing = queries.listing_for_viewer(pk, viewer_for(request.user))
    if listing is None:
        raise Http404
    return listing


def listing_detail(request, pk):
    listing = _listing_or_404(request, pk)
    own = _my_organisations(request.user).exclude(pk=listing.organisation_id)
    context = {
        "listing": listing,
        "sees_address": rules.sees_address(request.user, listing),
        "can_edit": request.user.has_perm("network.change_listing", listing),
        "opening_hours": listing.opening_hours.all(),
    }
    if listing.is_bookable:
        start = timezone.localtime().replace(minute=0, second=0, microsecond=0)
        context["slots"] = availability.slots(listing, start, start + timedelta(days=14))
        if own.exists() and listing.is_active:
            context["booking_form"] = BookingForm(organisations=own)
    viewer = viewer_for(request.user)
    public_only = not (viewer.is_staff or viewer.level >= MEMBERS)
    if listing.side == Side.REQUEST:
        context["matches"] = matching.offers_for_request(listing, public_only=public_only)
    else:
        context["matches"] = matching.requests_for_offer(listing, public_only=public_only)
    return render(request, "network/listing_detail.html", context)


def _publish_context(request, form, listing=None):
    return {
        "form": form,
        "groups": listing_groups(form),
        "listing": listing,
        "is_staff": request.user.is_staff,
    }


@permission_required("network.add_listing")
def listing_create(request):
    organisations = (
        Organisation.objects.exclude(status=Organisation.Status.ARCHIVED).order_by("name")
        if request.user.is_staff
        else _my_organisations(request.user)
    )
    initial = {"side": request.GET.get("side", Side.OFFER)}
    form = ListingForm(request.POST or None, organisations=organisations, initial=initial)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        listing = services.publish_listing(
            organisation=organisation,
            user=request.user,
            data=form.cleaned_data,
            hours=form.hours,
            special_days=form.cleaned_data["special_days_text"],
            on_behalf=organisation.pk not in rules.own_organisation_ids(request.user),
        )
        messages.success(request, _("It is published."))
        return redirect(listing.get_absolute_url())
    return render(request, "network/listing_form.html", _publish_context(request, form))


def _load_listing(pk) -> Listing:
    listing = Listing.objects.select_related("organisation", "municipality").filter(pk=pk).first()
    if listing is None:
        raise Http404
    return listing


@permission_required("network.change_listing", load=_load_listing)
def listing_edit(request, listing, pk):
    form = ListingForm(request.POST or None, instance=listing, organisations=None)
    if request.method == "POST":
        if "close" in request.POST or "reopen" in request.POST:
            services.set_listing_status(listing=listing, active="reopen" in request.POST)
            return redirect(listing.get_absolute_url())
        if form.is_valid():
            services.change_listing(
                listing=listing,
                data=form.cleaned_data,
                hours=form.hours,
                special_days=form.cleaned_data["special_days_text"],
            )
            messages.success(request, _("Your changes are saved."))
            return redirect(listing.get_absolute_url())
    return render(request, "network/listing_form.html", _publish_context(request, form, listing))


@require_POST
def listing_book(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    listing = _listing_or_404(request, pk)
    own = _my_organisations(request.user).exclude(pk=listing.organisation_id)
    form = BookingForm(request.POST, organisations=own)
    if form.is_valid():
        start, end = form.times()
        try:
            made = booking.request_booking(
                listing=listing,
                organisation_id=form.cleaned_data["organisation"].pk,
                user=request.user,
                start=start,
                end=end,
                message=form.cleaned_data["message"],
            )
        except booking.BookingError as error:
            for field, texts in error.errors.items():
                target = {"start": "start_hour", "end": "end_hour"}.get(field, field)
                for text in texts:
                    form.add_error(target if target in form.fields else None, text)
        else:
            if made.status == "confirmed":
                messages.success(request, _("Booked. You find it in your bookings and calendar."))
            else:
                messages.success(
                    request, _("Your request was sent. You get an email with the answer.")
                )
            return redirect(made.get_absolute_url())
    start = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    return render(
        request,
        "network/listing_detail.html",
        {
            "listing": listing,
            "sees_address": rules.sees_address(request.user, listing),
            "can_edit": request.user.has_perm("network.change_listing", listing),
            "opening_hours": listing.opening_hours.all(),
            "slots": availability.slots(listing, start, start + timedelta(days=14)),
            "booking_form": form,
        },
        status=400,
    )


def listing_feed(request, token):
    listing = get_object_or_404(Listing, feed_token=token[:64])
    from . import ics  # noqa: PLC0415

    bookings = listing.bookings.filter(
        status="confirmed", end__gte=timezone.now() - timedelta(days=90)
    ).select_related("listing__organisation", "listing__municipality", "organisation")
    return HttpResponse(ics.feed_ics(listing.title, bookings), content_type="text/calendar")


def listing_map(request):
    """The offers (or requests) on the map, over the directory's district layer."""
    filters = queries.ListingFilters.from_params(request.GET)
    return render(
        request,
        "network/listing_map.html",
        {
            "filters": filters,
            "querystring": request.GET.urlencode(),
            "tile_url": settings.MAP_TILE_URL,
        },
    )


def listing_map_data(request):
    """GeoJSON of the filtered listings at their municipality's centre (never an address)."""
    viewer = viewer_for(request.user)
    filters = queries.ListingFilters.from_params(request.GET)
    centre = queries.municipality_or_none(filters.near)
    rows = (
        queries.listings_filtered(filters, viewer, centre)
        .exclude(latitude=None)
        .values_list("pk", "title", "kind", "latitude", "longitude")[:5000]
    )
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]},
            "properties": {"n": title, "k": kind, "u": reverse("network:detail", args=[pk])},
        }
        for pk, title, kind, lat, lon in rows
    ]
    return JsonResponse({"type": "FeatureCollection", "features": features})
