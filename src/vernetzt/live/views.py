"""Views of the live app: the phone (no account), the projector, the moderator, and staff
pages for rooms and networking rounds. Thin: writes go through `services`/`networking`."""

import io
from functools import wraps

import segno
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django_tasks import TaskResultStatus

from vernetzt.core.permissions import permission_required
from vernetzt.events.models import Event, ProgrammeItem
from vernetzt.registration.exports import pdf_response

from . import networking, queries, services, tasks
from .device import ensure_device_id, read_device_id, remember_device
from .forms import AskForm, ChairForm, PlanForm, PollForm, RoomSettingsForm
from .models import ChairRequest, LiveQuestion, LiveRoom, NetworkingPlan, Poll
from .rules import can_moderate


def _room(code) -> LiveRoom:
    return get_object_or_404(
        LiveRoom.objects.select_related("programme_item", "event"), code=code.lower()
    )


def moderator_required(view):
    """Signed in, and staff or a forum host of this room; else login or 403."""

    def wrapped(request, code, *args, **kwargs):
        room = _room(code)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_moderate(request.user, room):
            raise PermissionDenied
        return view(request, room, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def staff_required(view):
    """Staff pages of a meeting's live tools: the view gets the meeting instead of its slug."""

    @permission_required("live.manage_live")
    @wraps(view)
    def wrapped(request, slug, *args, **kwargs):
        event = get_object_or_404(Event, slug=slug)
        return view(request, event, *args, **kwargs)

    return wrapped


# --- The phone ----------------------------------------------------------------------------------


def _phone_context(request, room, device_id, **extra):
    context = {
        "room": room,
        "event": room.event,
        "questions": queries.visible_questions(room),
        "voted": queries.voted_question_ids(room, device_id),
        "queue_place": queries.queue_place(room, device_id),
        "own_pending": LiveQuestion.objects.filter(
            room=room, device_id=device_id, status=LiveQuestion.Status.PENDING
        ).count()
        if device_id
        else 0,
        "ask_form": AskForm(prefix="ask"),
        "chair_form": ChairForm(prefix="chair"),
    }
    context.update(_poll_context(room, device_id))
    context.update(extra)
    return context


def _poll_context(room, device_id):
    poll = queries.open_poll(room)
    answered = queries.has_answered(poll, device_id) if poll else False
    return {
        "poll": poll,
        "poll_answered": answered,
        "poll_results": queries.poll_results(poll) if poll and answered else None,
        "poll_state": f"{poll.pk}-{int(answered)}" if poll else "none",
    }


@never_cache
@require_GET
def phone(request, code):
    """The audience's page: ask, support, ask for the free chair, answer the poll."""
    room = _room(code)
    device_id = ensure_device_id(request)
    response = render(request, "live/phone.html", _phone_context(request, room, device_id))
    return remember_device(request, response)


@never_cache
@require_GET
def phone_part(request, code):
    """The questions and the own place in the queue, for htmx polling."""
    room = _room(code)
    device_id = read_device_id(request)
    return render(request, "live/_phone_live.html", _phone_context(request, room, device_id))


@never_cache
@require_GET
def phone_poll(request, code):
    """The open poll for htmx polling; 204 (no change) while the state the phone has is current."""
    room = _room(code)
    context = _poll_context(room, read_device_id(request))
    if request.GET.get("seen") == context["poll_state"]:
        return HttpResponse(status=204)
    return render(request, "live/_phone_poll.html", {"room": room, **context})


def _refused(request, room, device_id, error, **forms):
    messages.error(request, str(error))
    context = _phone_context(request, room, device_id, **forms)
    response = render(request, "live/phone.html", context, status=400)
    return remember_device(request, response)


@require_POST
def ask(request, code):
    room = _room(code)
    device_id = ensure_device_id(request)
    form = AskForm(request.POST, prefix="ask")
    if not form.is_valid():
        if len(request.POST.get("ask-text", "")) > 500:
            messages.error(request, _("Your question is too long: at most 500 characters."))
        response = render(
            request,
            "live/phone.html",
            _phone_context(request, room, device_id, ask_form=form),
            status=400,
        )
        return remember_device(request, response)
    try:
        question = services.ask_question(room=room, device_id=device_id, **form.cleaned_data)
    except services.Refused as error:
        return _refused(request, room, device_id, error, ask_form=form)
    if question.status == LiveQuestion.Status.PENDING:
        messages.success(request, _("Thank you! Your question appears after the moderation."))
    else:
        messages.success(request, _("Thank you! Your question is on the list."))
    return remember_device(request, redirect(room.get_absolute_url() + "#questions"))


@require_POST
def vote(request, code, pk):
    room = _room(code)
    device_id = ensure_device_id(request)
    try:
        services.vote_question(room=room, device_id=device_id, question_id=pk)
    except services.Refused as error:
        return _refused(request, room, device_id, error)
    return remember_device(request, redirect(room.get_absolute_url() + "#questions"))


@require_POST
def chair(request, code):
    room = _room(code)
    device_id = ensure_device_id(request)
    if request.POST.get("withdraw"):
        services.withdraw_chair_request(room=room, device_id=device_id)
        messages.success(request, _("You have left the queue."))
        return remember_device(request, redirect(room.get_absolute_url() + "#chair"))
    form = ChairForm(request.POST, prefix="chair")
    if not form.is_valid():
        response = render(
            request,
            "live/phone.html",
            _phone_context(request, room, device_id, chair_form=form),
            status=400,
        )
        return remember_device(request, response)
    try:
        services.request_chair(room=room, device_id=device_id, **form.cleaned_data)
    except services.Refused as error:
        return _refused(request, room, device_id, error, chair_form=form)
    messages.success(request, _("You are in the queue for the free chair."))
    return remember_device(request, redirect(room.get_absolute_url() + "#chair"))


@require_POST
def poll_vote(request, code, pk):
    room = _room(code)
    device_id = ensure_device_id(request)
    try:
        option_ids = [int(value) for value in request.POST.getlist("option")]
    except ValueError:
        option_ids = []
    try:
        services.vote_poll(room=room, device_id=device_id, poll_id=pk, option_ids=option_ids)
    except services.Refused as error:
        return _refused(request, room, device_id, error)
    messages.success(request, _("Thank you for your answer."))
    return remember_device(request, redirect(room.get_absolute_url() + "#poll"))


# --- The projector ------------------------------------------------------------------------------


def _projector_context(room):
    speaker = queries.current_speaker(room)
    queue = queries.ordered_queue(room)
    poll = queries.projector_poll(room)
    return {
        "room": room,
        "event": room.event,
        "questions": queries.visible_questions(room, limit=6),
        "speaker": speaker,
        "next_up": queue[:3],
        "queue_length": len(queue),
        "poll_results": queries.poll_results(poll) if poll and poll.show_results else None,
        "server_now": timezone.now(),
        "phone_url": request_url(room),
    }


def request_url(room):
    return reverse("live:phone", kwargs={"code": room.code})


@never_cache
@require_GET
def projector(request, code):
    """Full screen for the hall: QR code, short address, questions, speaker, timer, poll."""
    room = _room(code)
    context = _projector_context(room)
    context["short_url"] = request.get_host() + context["phone_url"]
    return render(request, "live/projector.html", context)


@never_cache
@require_GET
def projector_part(request, code):
    room = _room(code)
    return render(request, "live/_projector_live.html", _projector_context(room))


@require_GET
def qr(request, code):
    """The room's phone address as an SVG QR code (server-rendered with segno)."""
    room = _room(code)
    buffer = io.BytesIO()
    segno.make(request.build_absolute_uri(room.get_absolute_url()), error="m").save(
        buffer, kind="svg", scale=10, border=2, xmldecl=False, svgns=True, title=room.code
    )
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "max-age=3600"
    return response


# --- The moderator ------------------------------------------------------------------------------


def _moderation_context(room):
    return {
        "room": room,
        "event": room.event,
        **queries.moderation_questions(room),
        "speaker": queries.current_speaker(room),
        "queue": queries.ordered_queue(room),
        "fairness": queries.fairness_hint(room),
        "polls": [queries.poll_results(p) for p in room.polls.all()],
        "server_now": timezone.now(),
    }


@never_cache
@moderator_required
def moderate(request, room):
    context = _moderation_context(room)
    context["settings_form"] = RoomSettingsForm(
        initial={
            "moderation": room.moderation,
            "newcomers_first": room.newcomers_first,
            "speaking_minutes": max(1, room.speaking_seconds // 60),
        }
    )
    context["poll_form"] = PollForm()
    return render(request, "live/moderate.html", context)


@never_cache
@moderator_required
@require_GET
def moderate_part(request, room):
    return render(request, "live/_moderate_live.html", _moderation_context(room))


def _back(room, anchor=""):
    return redirect(reverse("live:moderate", kwargs={"code": room.code}) + anchor)


@moderator_required
@require_POST
def question_action(request, room, pk):
    action = request.POST.get("action", "")
    try:
        services.moderate_question(room=room, question_id=pk, action=action)
    except LiveQuestion.DoesNotExist as error:
        raise Http404 from error
    except services.Refused as error:
        messages.error(request, str(error))
    return _back(room, "#questions")


@moderator_required
@require_POST
def block(request, room, pk):
    """Block the device behind a question (`kind=question`) or a free-chair request."""
    model = ChairRequest if request.POST.get("kind") == "chair" else LiveQuestion
    item = get_object_or_404(model, pk=pk, room=room)
    services.block_device(room=room, device_id=item.device_id)
    messages.success(request, _("The device is blocked in this room."))
    return _back(room)


@moderator_required
@require_POST
def chair_action(request, room):
    action = request.POST.get("action", "")
    try:
        if action == "next":
            request_id = request.POST.get("request")
            services.call_next_speaker(
                room=room, request_id=int(request_id) if request_id else None
            )
        elif action == "end":
            services.end_speaker(room=room)
        elif action == "remove":
            services.remove_chair_request(room=room, request_id=int(request.POST["request"]))
        else:
            raise services.Refused(_("Unknown action."))
    except (ValueError, KeyError):
        messages.error(request, _("Unknown action."))
    except services.Refused as error:
        messages.error(request, str(error))
    return _back(room, "#chair")


@moderator_required
@require_POST
def room_settings(request, room):
    if "is_open" in request.POST:
        services.set_room_open(room=room, is_open=request.POST["is_open"] == "1")
        return _back(room)
    form = RoomSettingsForm(request.POST)
    if form.is_valid():
        try:
            services.update_room_settings(
                room=room,
                moderation=form.cleaned_data["moderation"],
                newcomers_first=form.cleaned_data["newcomers_first"],
                speaking_seconds=form.cleaned_data["speaking_minutes"] * 60,
            )
            messages.success(request, _("Settings saved."))
        except services.Refused as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Please check the settings."))
    return _back(room, "#settings")


@moderator_required
@require_POST
def poll_create(request, room):
    form = PollForm(request.POST)
    if not form.is_valid():
        context = _moderation_context(room)
        context["settings_form"] = RoomSettingsForm(
            initial={
                "moderation": room.moderation,
                "newcomers_first": room.newcomers_first,
                "speaking_minutes": max(1, room.speaking_seconds // 60),
            }
        )
        context["poll_form"] = form
        return render(request, "live/moderate.html", context, status=400)
    services.create_poll(
        room=room,
        question=form.cleaned_data["question"],
        kind=form.cleaned_data["kind"],
        options=form.cleaned_data["options"],
    )
    messages.success(request, _("The poll is ready. Open it when the time comes."))
    return _back(room, "#polls")


@moderator_required
@require_POST
def poll_action(request, room, pk):
    status = {"open": Poll.Status.OPEN, "close": Poll.Status.CLOSED}.get(
        request.POST.get("action"), ""
    )
    try:
        services.set_poll_status(room=room, poll_id=pk, status=status)
    except Poll.DoesNotExist as error:
        raise Http404 from error
    except services.Refused as error:
        messages.error(request, str(error))
    return _back(room, "#polls")


# --- Staff: rooms and networking rounds ---------------------------------------------------------


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
