"""Staff pages of the live app: the rooms of a meeting and the networking rounds."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_tasks import TaskResultStatus

from vernetzt.events.models import ProgrammeItem
from vernetzt.registration.exports import pdf_response

from .. import networking, services, tasks
from ..forms import PlanForm
from ..models import LiveRoom, NetworkingPlan
from .common import staff_required


@staff_required
def event_rooms(request, event):
    items = list(
        ProgrammeItem.objects.filter(event=event)
        .select_related("live_room")
        .order_by("starts_at", "position", "id")
    )
    rooms = {room.programme_item_id: room for room in LiveRoom.objects.filter(event=event)}
    for item in items:
        item.room = rooms.get(item.pk)
    return render(
        request,
        "live/event_rooms.html",
        {"event": event, "items": items, "plans": event.networking_plans.all()},
    )


@staff_required
@require_POST
def room_create(request, event, item_pk):
    item = get_object_or_404(ProgrammeItem, pk=item_pk, event=event)
    room = services.create_room(programme_item=item)
    if request.POST.get("open"):
        services.set_room_open(room=room, is_open=True)
    messages.success(request, _("The live room is ready: %(code)s") % {"code": room.code})
    return redirect("live:event_rooms", slug=event.slug)


@staff_required
def networking_rounds(request, event):
    form = PlanForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                networking.check_plan_input(
                    event=event,
                    who=data["who"],
                    table_size=data["table_size"],
                    rounds=data["rounds"],
                )
            except networking.PlanError as error:
                form.add_error(None, str(error))
                status = 400
            else:
                result = tasks.make_plan.enqueue(
                    event.pk,
                    data["who"],
                    data["table_size"],
                    data["rounds"],
                    data["title"],
                    request.user.pk,
                )
                plan_id = (
                    result.return_value if result.status == TaskResultStatus.SUCCESSFUL else None
                )
                if plan_id:
                    messages.success(request, _("The seating plan is ready."))
                    return redirect("live:plan", slug=event.slug, pk=plan_id)
                if result.is_finished:
                    form.add_error(None, _("The seating plan could not be made."))
                    status = 400
                else:
                    messages.success(
                        request,
                        _("The seating plan is being made. Reload this page in a minute."),
                    )
                    return redirect("live:networking", slug=event.slug)
        else:
            status = 400
    counts = {
        who: len(networking.select_participants(event, who=who))
        for who in ("checked_in", "confirmed")
    }
    return render(
        request,
        "live/networking.html",
        {"event": event, "form": form, "plans": event.networking_plans.all(), "counts": counts},
        status=status,
    )


@staff_required
@require_GET
def plan(request, event, pk):
    plan = get_object_or_404(NetworkingPlan, pk=pk, event=event)
    return render(
        request,
        "live/plan.html",
        {"event": event, "plan": plan, "rounds": networking.plan_tables(plan)},
    )


@staff_required
@require_GET
def plan_pdf(request, event, pk, round_number=None):
    """Table plans for the wall: one page per round (or only `round_number`)."""
    plan = get_object_or_404(NetworkingPlan, pk=pk, event=event)
    rounds = networking.plan_tables(plan)
    if round_number is not None:
        rounds = [r for r in rounds if r["number"] == round_number]
        if not rounds:
            raise Http404
    suffix = f"-runde-{round_number}" if round_number else ""
    return pdf_response(
        "live/pdf/plan.html",
        {"event": event, "plan": plan, "rounds": rounds},
        f"{event.slug}-tischplan{suffix}.pdf",
    )


@staff_required
@require_GET
def plan_cards(request, event, pk):
    """A slip per person with their tables ("round 1: table 7, ..."), to put in the badge."""
    plan = get_object_or_404(NetworkingPlan, pk=pk, event=event)
    return pdf_response(
        "live/pdf/cards.html",
        {"event": event, "plan": plan, "people": networking.person_tables(plan)},
        f"{event.slug}-tischkarten.pdf",
    )
