"""Check-in pages at the door (several devices at once)."""

from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST

from vernetzt.core.permissions import permission_required
from vernetzt.events.models import Event

from .. import checkin_notes, queries, services
from ..models import Registration

checkin_allowed = permission_required("registration.check_in")


def _checkin_event(request, slug):
    return get_object_or_404(Event, slug=slug)


@checkin_allowed
def checkin(request, slug):
    event = _checkin_event(request, slug)
    return render(
        request, "registration/checkin/page.html", {"event": event, "counts": queries.counts(event)}
    )


@checkin_allowed
@require_GET
def checkin_search(request, slug):
    event = _checkin_event(request, slug)
    query = (request.GET.get("q") or "").replace("\x00", "").strip()[:100]
    results = []
    if len(query) >= 2:
        words = query.split()
        queryset = Registration.objects.filter(event=event).exclude(
            status=Registration.Status.CANCELLED
        )
        for word in words[:3]:
            queryset = queryset.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(organisation__name__icontains=word)
            )
        results = list(queryset.select_related("organisation").order_by("last_name")[:20])
        checkin_notes.annotate(results, event)
    return render(
        request, "registration/checkin/_results.html", {"event": event, "results": results}
    )


def _checkin_result(request, event, *, registration=None, code=""):
    try:
        result = services.check_in(
            event=event, registration=registration, ticket_code=code, by=request.user
        )
    except services.CheckInError as error:
        return render(
            request,
            "registration/checkin/_result.html",
            {"event": event, "error": str(error)},
            status=200,
        )
    checkin_notes.annotate([result.registration], event)
    response = render(
        request,
        "registration/checkin/_result.html",
        {"event": event, "result": result, "registration": result.registration},
    )
    response["HX-Trigger"] = "checkin-changed"  # the counter and the list refresh at once
    return response


@checkin_allowed
@require_POST
def checkin_scan(request, slug):
    event = _checkin_event(request, slug)
    return _checkin_result(request, event, code=request.POST.get("code", ""))


@checkin_allowed
@require_POST
def checkin_person(request, slug, pk):
    event = _checkin_event(request, slug)
    registration = get_object_or_404(Registration, pk=pk, event=event)
    return _checkin_result(request, event, registration=registration)


@checkin_allowed
@require_POST
def checkin_undo(request, slug, pk):
    event = _checkin_event(request, slug)
    registration = get_object_or_404(Registration, pk=pk, event=event)
    services.undo_check_in(registration=registration)
    response = render(
        request,
        "registration/checkin/_result.html",
        {"event": event, "undone": True, "registration": registration},
    )
    response["HX-Trigger"] = "checkin-changed"
    return response


@checkin_allowed
@require_GET
def checkin_counter(request, slug):
    event = _checkin_event(request, slug)
    return render(
        request,
        "registration/checkin/_counter.html",
        {"event": event, "counts": queries.counts(event)},
    )
