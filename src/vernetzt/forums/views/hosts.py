"""Forum hosts: their forums, the list of participants, recording results live."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import services
from ..forms import ResultForm
from ..models import Forum


def _hosted_forum(request, slug, pk, perm):
    forum = get_object_or_404(
        Forum.objects.select_related("event", "slot"), pk=pk, event__slug=slug
    )
    if not request.user.has_perm(perm, forum):
        raise PermissionDenied
    return forum


@login_required
@require_GET
def my_forums(request):
    if not (request.user.is_staff or getattr(request.user, "is_forum_host", False)):
        raise PermissionDenied
    forums = (
        Forum.objects.filter(host_links__user=request.user)
        .select_related("event", "slot")
        .order_by("-event__starts_at", "slot__position", "position")
    )
    return render(request, "forums/my_forums.html", {"forums": forums})


@login_required
@require_GET
def host_list(request, slug, pk):
    forum = _hosted_forum(request, slug, pk, "forums.view_host_list")
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


@login_required
def record(request, slug, pk):
    """Record results live, from a phone."""
    forum = _hosted_forum(request, slug, pk, "forums.record_results")
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
        {"forum": forum, "event": forum.event, "form": form, "items": items},
    )
