"""The audience's phone page (no account): ask, support, the free chair, polls."""

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .. import feeds, services
from ..device import ensure_device_id, polls_flooding, read_device_id, remember_device
from ..forms import AskForm, ChairForm
from ..models import LiveQuestion, LiveRoom
from ..rooms import room_for_device
from ..state import recent_version, version
from .common import get_room, not_modified, region_response

# A phone's page polls every 3 s (20 a minute); far more is a broken or hostile client.
POLLS_PER_MINUTE = 90


def _sort(request) -> str:
    return request.GET.get("sort") if request.GET.get("sort") in ("popular", "new") else "popular"


def _phone_context(request, room, device_id, **extra):
    sort = _sort(request)
    live = feeds.phone_update(room.pk, device_id, sort=sort)
    context = {
        "room": room,
        "event": room.event,
        "live": live,
        "sort": sort,
        "in_queue": live.in_queue,
        "ask_form": AskForm(prefix="ask"),
        "chair_form": ChairForm(prefix="chair"),
    }
    context.update(extra)
    return context


@never_cache
@require_GET
def phone(request, code):
    """The audience's page: ask, support, ask for the free chair, answer the poll."""
    room = get_room(code)
    device_id = ensure_device_id(request)
    response = render(request, "live/phone.html", _phone_context(request, room, device_id))
    return remember_device(request, response)


@require_GET
def phone_part(request, code):
    """The phone's updated region: 304 while nothing changed, else the room's shared bytes
    and what the snapshot knows of this device; no query, and in the steady state no cache
    round trip (the room's version is read at most every 0.2 s per worker). A device asking
    for new content far more often than the page does gets 429. Answered before most
    middleware (`live.middleware`)."""
    room_pk = feeds.room_id(code)
    current = recent_version(room_pk)
    unchanged = not_modified(request, f'"{current}"')
    if unchanged:
        return unchanged
    device_id = read_device_id(request)
    if device_id and polls_flooding(device_id, limit=POLLS_PER_MINUTE):
        response = HttpResponse(status=429)
        response["Retry-After"] = "30"
        return response
    try:
        update = feeds.phone_part(room_pk, device_id, sort=_sort(request), current=current)
    except LiveRoom.DoesNotExist:  # a remembered code of a room that is gone
        feeds.forget_code(code)
        update = feeds.phone_part(feeds.room_id(code), device_id, sort=_sort(request))
    return not_modified(request, update.etag) or region_response(update)


# The poll has been part of the phone's one update since 0171; the old address still answers.
phone_poll = phone_part


def _from_live_js(request) -> bool:
    """The action was sent by live.js (fetch): answer with the updated region, no reload."""
    return request.headers.get("X-Requested-With") == "live"


def _live_answer(request, room, device_id, message, *, ok=True, change=None, extra=None):
    """JSON for live.js: the message for the person and this device's own parts (its
    questions, its place; after a success what the action changed, after a refusal which
    questions it supports and which polls it answered); the shared part comes with the next
    update."""
    own = feeds.own_answer(room.pk, device_id, sort=_sort(request), change=change)
    response = JsonResponse(
        {"ok": ok, "message": str(message), "own": own, **(extra or {})},
        status=200 if ok else 400,
    )
    return remember_device(request, response)


def _form_errors(form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def _refused(request, room, device_id, error, **forms):
    if _from_live_js(request):
        return _live_answer(request, room, device_id, error, ok=False)
    messages.error(request, str(error))
    context = _phone_context(request, room, device_id, **forms)
    response = render(request, "live/phone.html", context, status=400)
    return remember_device(request, response)


@require_POST
def ask(request, code):
    device_id = ensure_device_id(request)
    room = room_for_device(code, device_id)
    form = AskForm(request.POST, prefix="ask")
    if not form.is_valid() and _from_live_js(request):
        return _live_answer(request, room, device_id, _form_errors(form), ok=False)
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
        question = services.ask_question(
            room=room, device_id=device_id, language=get_language(), **form.cleaned_data
        )
    except services.Refused as error:
        return _refused(request, room, device_id, error, ask_form=form)
    if question.status == LiveQuestion.Status.PENDING:
        thanks = _("Thank you! Your question appears after the moderation.")
    else:
        thanks = _("Thank you! Your question is on the list.")
    if _from_live_js(request):
        # the room's version with the question: live.js asks until its list has it
        extra = {"version": version(room.pk)}
        return _live_answer(request, room, device_id, thanks, change={}, extra=extra)
    messages.success(request, thanks)
    return remember_device(request, redirect(room.get_absolute_url() + "#questions"))


@require_POST
def vote(request, code, pk):
    device_id = ensure_device_id(request)
    room = room_for_device(code, device_id)
    try:
        services.vote_question(
            room=room,
            device_id=device_id,
            question_id=pk,
            withdraw=bool(request.POST.get("withdraw")),
        )
    except services.Refused as error:
        return _refused(request, room, device_id, error)
    if _from_live_js(request):
        withdrawn = request.POST.get("withdraw")
        done = _("Your support is withdrawn.") if withdrawn else _("You support this question.")
        change = {"remove" if withdrawn else "add": {"voted": [pk]}}
        return _live_answer(request, room, device_id, done, change=change)
    return remember_device(request, redirect(room.get_absolute_url() + "#questions"))


@require_POST
def chair(request, code):
    device_id = ensure_device_id(request)
    room = room_for_device(code, device_id)
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
    device_id = ensure_device_id(request)
    room = room_for_device(code, device_id)
    try:
        option_ids = [int(value) for value in request.POST.getlist("option")]
    except ValueError:
        option_ids = []
    try:
        services.vote_poll(
            room=room,
            device_id=device_id,
            poll_id=pk,
            option_ids=option_ids,
            text=request.POST.get("word", ""),
        )
    except services.Refused as error:
        return _refused(request, room, device_id, error)
    if _from_live_js(request):
        thanks = _("Thank you for your answer.")
        return _live_answer(request, room, device_id, thanks, change={"add": {"ballots": [pk]}})
    messages.success(request, _("Thank you for your answer."))
    return remember_device(request, redirect(room.get_absolute_url() + "#poll"))
