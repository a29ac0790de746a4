"""The moderator's page: questions, the free chair, polls and the room's settings."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .. import queries, services
from ..forms import PollForm, RoomSettingsForm
from ..models import ChairRequest, LiveQuestion, Poll
from ..state import version
from .common import moderator_required, not_modified, with_clock


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
    etag = f'"{version(room.pk)}"'
    context = _moderation_context(room)
    context["etag"] = etag
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
    """The moderator's updated region: 304 while the room's version is unchanged."""
    etag = f'"{version(room.pk)}"'
    unchanged = not_modified(request, etag)
    if unchanged:
        return unchanged
    response = render(request, "live/_moderate_live.html", _moderation_context(room))
    response["ETag"] = etag
    return with_clock(response)


def _back(room, anchor=""):
    return redirect(reverse("live:moderate", kwargs={"code": room.code}) + anchor)


@moderator_required
@require_POST
def question_action(request, room, pk):
    action = request.POST.get("action", "")
    try:
        if action == "reply":
            services.answer_question(
                room=room, question_id=pk, answer=request.POST.get("answer", "")
            )
            messages.success(request, _("The answer is shown under the question."))
        else:
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
    """Open or close a poll, or show or hide its results (`action`)."""
    action = request.POST.get("action")
    status = {"open": Poll.Status.OPEN, "close": Poll.Status.CLOSED}.get(action, "")
    try:
        if action in ("show", "hide"):
            services.show_poll_results(room=room, poll_id=pk, shown=action == "show")
        else:
            services.set_poll_status(room=room, poll_id=pk, status=status)
    except Poll.DoesNotExist as error:
        raise Http404 from error
    except services.Refused as error:
        messages.error(request, str(error))
    return _back(room, "#polls")
