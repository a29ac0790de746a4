"""Participants: the forums part of the personal page, ranking, supporting results."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import queries, services
from ..models import ResultItem, Slot
from .common import _registration


def personal_section(request, registration) -> list[dict]:
    """The forums part of the personal page (registered through the AppConfig hook)."""
    event = registration.event
    if event.is_over:
        return []  # after the meeting: the results link in "After the meeting" instead
    slots = queries.slots_with_forums(event)
    if not slots:
        return []
    setup = services.get_setup(event=event)
    mine = queries.rankings_of(registration)
    # A refused choice comes back as it was typed, with the reason next to it.
    refused = request.session.pop(_refused_key(registration), None)
    if refused:
        mine = {
            int(slot): [int(v) if str(v).isdigit() else None for v in values]
            for slot, values in refused["choices"].items()
            if str(slot).isdigit()
        }
    rows = []
    for slot in slots:
        forums = list(slot.forums.all())
        chosen = mine.get(slot.pk, [])
        choices = [
            {"rank": rank, "selected": chosen[rank - 1] if rank <= len(chosen) else None}
            for rank in range(1, min(3, len(forums)) + 1)
        ]
        rows.append({"slot": slot, "forums": forums, "choices": choices})
    return [
        {
            "template": "forums/_personal_section.html",
            "slots": rows,
            "choice_open": setup.choice_open and not setup.published_at and registration.is_active,
            "published": bool(setup.published_at),
            "placements": queries.placements_of(registration) if setup.published_at else [],
            "has_results": _published_results(event).exists(),
            "choice_error": refused["error"] if refused else "",
        }
    ]


def _published_results(event):
    """What participants may see and support: published items that were not merged."""
    return ResultItem.objects.filter(forum__event=event, is_published=True, merged_into=None)


def after_meeting_links(registration) -> list[dict]:
    """After the meeting, the personal page links to the published results of its forums."""
    if not _published_results(registration.event).exists():
        return []
    url = reverse(
        "forums:participant_results",
        kwargs={"slug": registration.event.slug, "token": registration.manage_token},
    )
    return [
        {
            "label": _("Results of the forums: support what matters to you"),
            "url": url,
            "id": "after-results",
        }
    ]


def _refused_key(registration) -> str:
    return f"forum-choice-refused-{registration.pk}"


@require_POST
def rank(request, slug, token):
    """Save the participant's first, second, third choice per slot."""
    registration = _registration(slug, token)
    choices = {}
    for slot in Slot.objects.filter(event=registration.event):
        values = request.POST.getlist(f"slot-{slot.pk}")
        if values:
            choices[slot.pk] = values
    for key in request.POST:
        if key.startswith("slot-") and key[5:].isdigit() and int(key[5:]) not in choices:
            choices[key[5:]] = request.POST.getlist(key)
    try:
        services.set_rankings(registration=registration, choices=choices)
    except services.ForumError as error:
        messages.error(request, str(error))
        request.session[_refused_key(registration)] = {
            "choices": {str(slot): values for slot, values in choices.items()},
            "error": str(error),
        }
    else:
        messages.success(request, _("Your forum choice is saved."))
    return redirect(registration.get_absolute_url() + "#forums-heading")


@require_GET
def participant_results(request, slug, token):
    """The results of the meeting's forums, to support (one vote each)."""
    registration = _registration(slug, token)
    items = (
        _published_results(registration.event)
        .select_related("forum")
        .prefetch_related("tags")
        .annotate(support_count=Count("supports", distinct=True))
        .order_by("forum__position", "forum_id", "-support_count", "id")
    )
    supported = set(registration.forum_supports.values_list("item_id", flat=True))
    return render(
        request,
        "forums/participant_results.html",
        {
            "registration": registration,
            "event": registration.event,
            "items": items,
            "supported": supported,
        },
    )


@require_POST
def support(request, slug, token, pk):
    registration = _registration(slug, token)
    item = get_object_or_404(
        ResultItem, pk=pk, forum__event=registration.event, is_published=True, merged_into=None
    )
    try:
        added = services.support_item(item=item, registration=registration)
    except services.ForumError as error:
        messages.error(request, str(error))
    else:
        if added:
            messages.success(request, _("Thank you: your support is counted."))
        else:
            messages.info(request, _("You already support this."))
    return redirect("forums:participant_results", slug=slug, token=token)
