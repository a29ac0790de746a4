"""Forum hosts: their forums, the list of participants, recording results live."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vernetzt.core.permissions import permission_required

from .. import services
from ..forms import ResultForm
from ..models import Forum, ResultItem


def _forum(slug, pk):
    return get_object_or_404(Forum.objects.select_related("event", "slot"), pk=pk, event__slug=slug)


@permission_required("forums.view_my_forums")
@require_GET
def my_forums(request):
    forums = (
        Forum.objects.filter(host_links__user=request.user)
        .select_related("event", "slot")
        .order_by("-event__starts_at", "slot__position", "position")
    )
    return render(request, "forums/my_forums.html", {"forums": forums})


@permission_required("forums.view_host_list", load=_forum)
@require_GET
def host_list(request, forum, slug, pk):
    setup = services.get_setup(event=forum.event)
    placements = []
    if setup.published_at or request.user.is_staff:
        placements = list(
            forum.placements.select_related("registration__organisation").order_by(
                "registration__last_name", "registration__first_name"
            )
        )
    return render(
        request,
        "forums/host_list.html",
        {"forum": forum, "event": forum.event, "placements": placements, "setup": setup},
    )


@permission_required("forums.record_results", load=_forum)
def record(request, forum, slug, pk):
    """Record results live, from a phone."""
    form = ResultForm(request.POST or None, forum=forum)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_item(
                forum=forum,
                by=request.user,
                kind=data["kind"],
                text=data["text"],
                tags=data["tags"],
                organisations=data["organisations"],
                field_of_activity=data["field_of_activity"],
            )
        except services.ForumError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved. You can add the next one."))
            return redirect("forums:record", slug=slug, pk=pk)
    items = forum.results.filter(merged_into__isnull=True).prefetch_related("tags")
    return render(
        request,
        "forums/record.html",
        {
            "forum": forum,
            "event": forum.event,
            "form": form,
            "items": items,
            "changeable": {
                item.pk for item in items if services.can_change_recorded(request.user, item)
            },
        },
    )


def _recorded_item(slug, pk, item_pk):
    return get_object_or_404(
        ResultItem.objects.select_related("forum__event", "forum__slot"),
        pk=item_pk,
        forum__pk=pk,
        forum__event__slug=slug,
        merged_into__isnull=True,
    )


own_item_required = permission_required("forums.change_result_item", load=_recorded_item)


@own_item_required
def record_edit(request, item, slug, pk, item_pk):
    """A host corrects an item they recorded, as long as staff have not published it."""
    forum = item.forum
    initial = {
        "kind": item.kind,
        "text": item.text,
        "tags": item.tags.all(),
        "organisations": item.organisations.all(),
        "field_of_activity": item.field_of_activity,
    }
    form = ResultForm(request.POST or None, forum=forum, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_recorded_item(item=item, by=request.user, **data)
        except services.ForumError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("forums:record", slug=slug, pk=pk)
    return render(
        request,
        "forums/record_edit.html",
        {"forum": forum, "event": forum.event, "form": form, "item": item},
    )


@own_item_required
def record_delete(request, item, slug, pk, item_pk):
    """Asks first; deletes on POST."""
    forum = item.forum
    if request.method == "POST":
        try:
            services.delete_recorded_item(item=item, by=request.user)
        except services.ForumError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The item is deleted."))
        return redirect("forums:record", slug=slug, pk=pk)
    return render(
        request, "forums/record_delete.html", {"forum": forum, "event": forum.event, "item": item}
    )
