"""Staff run the assignment, move people, and publish the placements."""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vernetzt.directory.models import Organisation
from vernetzt.registration.models import Registration

from .. import queries, services
from ..models import AssignmentRun, Forum, Placement, Slot
from .common import _event, staff_required


def _assignment_context(event):
    run = AssignmentRun.objects.filter(event=event).first()
    forums = list(Forum.objects.filter(event=event).select_related("slot"))
    placements = list(
        Placement.objects.filter(slot__event=event)
        .select_related("registration__organisation", "forum", "slot")
        .order_by("forum__slot__position", "forum__position", "registration__last_name")
    )
    by_forum = {forum.pk: [] for forum in forums}
    for placement in placements:
        by_forum.setdefault(placement.forum_id, []).append(placement)
    titles = {f"f{forum.pk}": forum.title for forum in forums}
    slot_titles = {f"s{slot.pk}": slot.title for slot in Slot.objects.filter(event=event)}
    names = {}
    report = run.report if run and run.status == AssignmentRun.Status.DONE else None
    if report:
        rows = report["optimal"]["unassigned"] + report["optimal"].get("unmet_needs", [])
        wanted = [int(row["participant"][1:]) for row in rows]
        names = {f"p{r.pk}": r.full_name for r in Registration.objects.filter(pk__in=wanted)}
    organisations = {}
    if report:
        wanted = [int(key[1:]) for key in report.get("organisations", {})]
        organisations = {
            f"o{pk}": name
            for pk, name in Organisation.objects.filter(pk__in=wanted).values_list("pk", "name")
        }
    return {
        "event": event,
        "setup": services.get_setup(event=event),
        "run": run,
        "organisation_names": organisations,
        "running": bool(run and run.status in AssignmentRun.ACTIVE),
        "report": report,
        "forums": forums,
        "groups": [{"forum": forum, "placements": by_forum[forum.pk]} for forum in forums],
        "titles": titles,
        "slot_titles": slot_titles,
        "names": names,
    }


@staff_required
@require_GET
def assignment(request, slug):
    event = _event(slug)
    context = _assignment_context(event)
    if request.headers.get("HX-Request"):
        return render(request, "forums/staff/assignment.html#run_status", context)
    return render(request, "forums/staff/assignment.html", context)


@staff_required
@require_POST
def run(request, slug):
    event = _event(slug)
    try:
        started = services.start_assignment(event=event, by=request.user)
    except services.ForumError as error:
        messages.error(request, str(error))
    else:
        # Without a task worker (laptop, small installs) the run is already over here.
        started.refresh_from_db(fields=["status"])
        if started.status == started.Status.DONE:
            messages.success(request, _("The assignment is done. The result is below."))
        elif started.status == started.Status.FAILED:
            messages.error(request, _("The assignment failed. The reason is below."))
        else:
            messages.success(request, _("The assignment has started."))
    return redirect("forums:assignment", slug=slug)


@staff_required
@require_GET
def run_json(request, slug, pk, part):
    """The instance or the result of a run as JSON, to check it with the command-line solver."""
    event = _event(slug)
    run = get_object_or_404(AssignmentRun, pk=pk, event=event)
    if part not in ("instance", "result"):
        raise Http404
    data = run.instance if part == "instance" else run.result
    response = JsonResponse(data, json_dumps_params={"indent": 1})
    response["Content-Disposition"] = f'attachment; filename="{slug}-{part}-{run.pk}.json"'
    return response


@staff_required
@require_POST
def move(request, slug, pk):
    event = _event(slug)
    registration = get_object_or_404(Registration, pk=pk, event=event)
    forum_id = request.POST.get("forum", "")
    forum = (
        Forum.objects.filter(pk=int(forum_id), event=event).first() if forum_id.isdigit() else None
    )
    unpin_slot = request.POST.get("unpin", "")
    if unpin_slot.isdigit():
        slot = get_object_or_404(Slot, pk=int(unpin_slot), event=event)
        services.unpin(registration=registration, slot=slot)
        messages.success(request, _("The next run places this person freely."))
        return redirect("forums:assignment", slug=slug)
    if forum is None:
        messages.error(request, _("This forum does not belong to this meeting."))
        return redirect("forums:assignment", slug=slug)
    try:
        warnings = services.move_participant(
            registration=registration, forum=forum, by=request.user
        )
    except services.ForumError as error:
        messages.error(request, str(error))
    else:
        for warning in warnings:
            messages.warning(request, warning)
        messages.success(
            request,
            _("%(name)s is now in %(forum)s and stays there when you run again.")
            % {"name": registration.full_name, "forum": forum.title},
        )
    return redirect("forums:assignment", slug=slug)


@staff_required
@require_http_methods(["GET", "POST"])
def publish(request, slug):
    """GET asks first: how many emails go out, who has no place; POST publishes."""
    event = _event(slug)
    if request.method == "GET":
        return render(
            request,
            "forums/staff/publish_confirm.html",
            {
                "event": event,
                "preview": queries.publish_preview(event),
                "setup": services.get_setup(event=event),
            },
        )
    try:
        count = services.publish_assignment(event=event)
    except services.ForumError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Published. %(n)d participants get their forums by email.") % {"n": count},
        )
    return redirect("forums:assignment", slug=slug)
