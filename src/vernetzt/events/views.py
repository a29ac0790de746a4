"""Pages of meetings: the public list and page, and the staff pages to build them."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vernetzt.core.permissions import permission_required

from . import queries, services
from .dashboard import staff_dashboard
from .forms import CopyEventForm, EventForm, ProgrammeItemForm, StagePersonForm, VenueForm
from .models import Event, ProgrammeItem, StagePerson

staff_required = permission_required("events.manage_events")


def event_list(request):
    """Published meetings, upcoming first; staff also see drafts."""
    events = Event.objects.select_related("venue").order_by("-starts_at")
    if not request.user.is_staff:
        events = events.filter(status__in=Event.VISIBLE_STATUSES)
    return render(request, "events/event_list.html", {"events": events})


def event_detail(request, slug):
    queryset = Event.objects.select_related("venue")
    if not request.user.is_staff:
        queryset = queryset.filter(status__in=Event.VISIBLE_STATUSES)
    event = get_object_or_404(queryset, slug=slug)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "programme": queries.programme(event),
            "photographers": event.stage_people.filter(
                role="photographer", programme_item__isnull=True
            ),
            **queries.page_context(event),
        },
    )


@staff_required
def event_create(request):
    form = EventForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        event = services.save_event(form=form)
        messages.success(request, _("Meeting created."))
        return redirect("events:manage", slug=event.slug)
    return render(request, "events/form.html", {"form": form, "title": _("New meeting")})


@staff_required
def venue_create(request):
    form = VenueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Venue saved."))
        return redirect("events:create")
    return render(request, "events/form.html", {"form": form, "title": _("New venue")})


@staff_required
def event_manage(request, slug):
    event = get_object_or_404(Event, slug=slug)
    form = EventForm(request.POST or None, request.FILES or None, instance=event)
    if request.method == "POST" and form.is_valid():
        event = services.save_event(form=form)
        messages.success(request, _("Your changes are saved."))
        return redirect("events:manage", slug=event.slug)
    return render(
        request,
        "events/manage.html",
        {
            "form": form,
            "event": event,
            "title": event.title,
            "dashboard": staff_dashboard(event),
        },
    )


@staff_required
def programme(request, slug):
    event = get_object_or_404(Event, slug=slug)
    item_form = ProgrammeItemForm(request.POST if "add_item" in request.POST else None)
    person_form = StagePersonForm(
        request.POST if "add_person" in request.POST else None, event=event
    )
    if request.method == "POST":
        if "add_item" in request.POST and item_form.is_valid():
            services.add_to_programme(event=event, form=item_form)
            messages.success(request, _("Programme item added."))
            return redirect("events:programme", slug=slug)
        if "add_person" in request.POST and person_form.is_valid():
            services.add_to_programme(event=event, form=person_form)
            messages.success(request, _("Person added."))
            return redirect("events:programme", slug=slug)
    return render(
        request,
        "events/programme.html",
        {
            "event": event,
            "programme": queries.programme(event),
            "item_form": item_form,
            "person_form": person_form,
            "loose_people": event.stage_people.filter(programme_item__isnull=True),
        },
    )


@staff_required
def programme_item(request, slug, pk):
    event = get_object_or_404(Event, slug=slug)
    item = get_object_or_404(ProgrammeItem, pk=pk, event=event)
    form = ProgrammeItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes are saved."))
        return redirect("events:programme", slug=slug)
    return render(request, "events/form.html", {"form": form, "event": event, "title": item.title})


@staff_required
@require_http_methods(["GET", "POST"])
def programme_item_delete(request, slug, pk):
    """GET asks first and lists what goes with the item (people on stage, live room...)."""
    event = get_object_or_404(Event, slug=slug)
    item = get_object_or_404(ProgrammeItem, pk=pk, event=event)
    if request.method == "GET":
        return render(
            request,
            "events/programme_item_delete.html",
            {"event": event, "item": item, "also_deleted": services.deletion_preview(item)},
        )
    item.delete()
    messages.success(request, _("Programme item deleted."))
    return redirect("events:programme", slug=slug)


@staff_required
@require_POST
def stage_person_delete(request, slug, pk):
    event = get_object_or_404(Event, slug=slug)
    get_object_or_404(StagePerson, pk=pk, event=event).delete()
    messages.success(request, _("Person removed."))
    return redirect("events:programme", slug=slug)


@staff_required
def event_copy(request, slug):
    source = get_object_or_404(Event, slug=slug)
    form = CopyEventForm(request.POST or None, initial={"title": source.title})
    if request.method == "POST" and form.is_valid():
        event = services.copy_event(source=source, **form.cleaned_data)
        messages.success(request, _("Copy created. Check the dates and open registration."))
        return redirect("events:manage", slug=event.slug)
    return render(
        request,
        "events/form.html",
        {"form": form, "event": source, "title": _("Copy this meeting")},
    )
