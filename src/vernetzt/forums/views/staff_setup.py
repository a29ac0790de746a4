"""Staff set up the forums of a meeting: time slots, forums, the choice, the demand."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import queries, services
from ..forms import ForumForm, SetupForm, SlotForm
from ..models import Forum, Slot
from .common import _event, staff_required


@staff_required
def staff_forums(request, slug):
    event = _event(slug)
    setup = services.get_setup(event=event)
    form = SetupForm(request.POST or None, instance=setup)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes are saved."))
        return redirect("forums:staff_forums", slug=slug)
    return render(
        request,
        "forums/staff/forums.html",
        {
            "event": event,
            "setup": setup,
            "form": form,
            "demand": queries.demand(event),
            "slots": queries.slots_with_forums(event),
        },
    )


@staff_required
@require_GET
def demand(request, slug):
    """htmx: demand per forum, refreshed live."""
    event = _event(slug)
    return render(
        request,
        "forums/staff/forums.html#demand",
        {"event": event, "demand": queries.demand(event)},
    )


@staff_required
@require_POST
def choice(request, slug):
    event = _event(slug)
    is_open = request.POST.get("open") == "1"
    services.set_choice_open(event=event, is_open=is_open)
    messages.success(
        request,
        _("Participants can now rank the forums.") if is_open else _("The forum choice is closed."),
    )
    return redirect("forums:staff_forums", slug=slug)


@staff_required
def slot_create(request, slug):
    event = _event(slug)
    form = SlotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        slot = form.save(commit=False)
        slot.event = event
        slot.save()
        messages.success(request, _("Time slot added."))
        return redirect("forums:staff_forums", slug=slug)
    return render(
        request,
        "forums/staff/form.html",
        {"event": event, "form": form, "heading": _("New time slot")},
    )


@staff_required
def forum_create(request, slug):
    event = _event(slug)
    if not Slot.objects.filter(event=event).exists():
        messages.info(request, _("Please add a time slot first."))
        return redirect("forums:slot_create", slug=slug)
    form = ForumForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Forum added."))
        return redirect("forums:staff_forums", slug=slug)
    return render(
        request, "forums/staff/form.html", {"event": event, "form": form, "heading": _("New forum")}
    )


@staff_required
def forum_edit(request, slug, pk):
    event = _event(slug)
    forum = get_object_or_404(Forum, pk=pk, event=event)
    form = ForumForm(request.POST or None, instance=forum, event=event)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes are saved."))
        return redirect("forums:staff_forums", slug=slug)
    return render(
        request, "forums/staff/form.html", {"event": event, "form": form, "heading": forum.title}
    )
