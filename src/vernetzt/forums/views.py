"""Pages of forums: ranking, staff set-up and assignment, host lists and recording, needs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vernetzt.core.exports import csv_response, xlsx_response
from vernetzt.core.permissions import permission_required
from vernetzt.directory.models import District
from vernetzt.events.models import Event
from vernetzt.registration import queries as registration_queries
from vernetzt.registration.models import Registration

from . import queries, services
from .forms import ForumForm, ItemStaffForm, ResultForm, SetupForm, SlotForm, TagForm
from .models import AssignmentRun, Forum, Placement, ResultItem, Slot, Tag

staff_required = permission_required("forums.manage_forums")


def _event(slug):
    return get_object_or_404(Event, slug=slug)


def _registration(slug, token):
    registration = registration_queries.get_by_token(slug=slug, token=token)
    if registration is None:
        raise Http404(_("This personal link is not valid. Please use the link in your email."))
    return registration


# --- Participants ------------------------------------------------------------------------------


def personal_section(request, registration) -> list[dict]:
    """The forums part of the personal page (registered through the AppConfig hook)."""
    event = registration.event
    slots = queries.slots_with_forums(event)
    if not slots:
        return []
    setup = services.get_setup(event=event)
    mine = queries.rankings_of(registration)
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
            "has_results": ResultItem.objects.filter(forum__event=event).exists(),
        }
    ]


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
    else:
        messages.success(request, _("Your forum choice is saved."))
    return redirect(registration.get_absolute_url() + "#forums-heading")


@require_GET
def participant_results(request, slug, token):
    """The results of the meeting's forums, to support (one vote each)."""
    registration = _registration(slug, token)
    items = (
        ResultItem.objects.filter(forum__event=registration.event, merged_into__isnull=True)
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
    item = get_object_or_404(ResultItem, pk=pk, forum__event=registration.event)
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


# --- Staff: forums and demand ------------------------------------------------------------------


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
        request, "forums/staff/_demand.html", {"event": event, "demand": queries.demand(event)}
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


# --- Staff: assignment -------------------------------------------------------------------------


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
        wanted = [int(row["participant"][1:]) for row in report["optimal"]["unassigned"]]
        names = {f"p{r.pk}": r.full_name for r in Registration.objects.filter(pk__in=wanted)}
    organisations = {}
    if report:
        from vernetzt.directory.models import Organisation

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
        return render(request, "forums/staff/_run_status.html", context)
    return render(request, "forums/staff/assignment.html", context)


@staff_required
@require_POST
def run(request, slug):
    event = _event(slug)
    try:
        services.start_assignment(event=event, by=request.user)
    except services.ForumError as error:
        messages.error(request, str(error))
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
@require_POST
def publish(request, slug):
    event = _event(slug)
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


# --- Forum hosts -------------------------------------------------------------------------------


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


# --- Needs view, curation ----------------------------------------------------------------------


def _needs_context(request, *, published_only):
    filters = {
        key: request.GET.get(key, "")
        for key in ("kind", "tag", "field", "district", "year", "status")
    }
    items = queries.needs(published_only=published_only, filters=filters)
    return filters, items


def _filter_choices():
    years = sorted(
        {d.year for d in ResultItem.objects.dates("forum__event__starts_at", "year")}, reverse=True
    )
    return {
        "kinds": ResultItem.Kind.choices,
        "statuses": ResultItem.Status.choices,
        "fields": ResultItem.Field.choices,
        "tags": Tag.objects.all(),
        "districts": District.objects.order_by("name"),
        "years": years,
    }


@require_GET
def needs(request):
    """Needs and demands across meetings: everybody sees published ones, staff all."""
    staff = request.user.has_perm("forums.manage_forums")
    filters, items = _needs_context(request, published_only=not staff)
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "forums/needs.html",
        {
            "page_obj": page,
            "filters": filters,
            "trend": queries.trend(items),
            "staff": staff,
            "querystring": params.urlencode(),
            **_filter_choices(),
        },
    )


def _export_rows(request):
    staff = request.user.has_perm("forums.manage_forums")
    _filters, items = _needs_context(request, published_only=not staff)
    header = [
        _("Year"),
        _("Meeting"),
        _("Forum"),
        _("Kind"),
        _("Text"),
        _("Tags"),
        _("Field of activity"),
        _("Associations"),
        _("Districts"),
        _("Supports"),
        _("Status"),
        _("Public answer"),
    ]
    rows = []
    for item in items:
        organisations = list(item.organisations.all())
        rows.append(
            [
                item.forum.event.starts_at.year,
                item.forum.event.title,
                item.forum.title,
                item.get_kind_display(),
                item.text,
                ", ".join(tag.name for tag in item.tags.all()),
                item.get_field_of_activity_display(),
                ", ".join(o.name for o in organisations),
                ", ".join(
                    sorted(
                        {o.municipality.district.name for o in organisations if o.municipality_id}
                    )
                ),
                item.support_count,
                item.get_status_display(),
                item.public_answer,
            ]
        )
    return header, rows


@require_GET
def needs_csv(request):
    header, rows = _export_rows(request)
    return csv_response("bedarfe.csv", header, rows)


@require_GET
def needs_xlsx(request):
    header, rows = _export_rows(request)
    return xlsx_response("bedarfe.xlsx", header, rows, title="Bedarfe")


@staff_required
def item_edit(request, pk):
    """Staff curate one item: text, tags, "you said, we did" status and public answer."""
    item = get_object_or_404(ResultItem.objects.select_related("forum__event"), pk=pk)
    form = ItemStaffForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        services.answer_item(
            item=item,
            status=form.cleaned_data["status"],
            public_answer=form.cleaned_data["public_answer"],
            is_published=form.cleaned_data["is_published"],
        )
        messages.success(request, _("Your changes are saved."))
        return redirect("forums:item_edit", pk=pk)
    others = (
        ResultItem.objects.filter(forum__event=item.forum.event, merged_into__isnull=True)
        .exclude(pk=item.pk)
        .select_related("forum")
    )
    return render(request, "forums/staff/item.html", {"item": item, "form": form, "others": others})


@staff_required
@require_POST
def merge(request, pk):
    item = get_object_or_404(ResultItem, pk=pk)
    target_id = request.POST.get("target", "")
    target = ResultItem.objects.filter(pk=int(target_id)).first() if target_id.isdigit() else None
    if target is None:
        messages.error(request, _("Please choose the item to merge into."))
        return redirect("forums:item_edit", pk=pk)
    try:
        services.merge_items(source=item, target=target)
    except services.ForumError as error:
        messages.error(request, str(error))
        return redirect("forums:item_edit", pk=pk)
    messages.success(request, _("Merged."))
    return redirect("forums:item_edit", pk=target.pk)


@staff_required
def tags(request):
    form = TagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.get_or_create_tag(name=form.cleaned_data["name"])
        except services.ForumError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("Tag added."))
            return redirect("forums:tags")
    return render(
        request,
        "forums/staff/tags.html",
        {"form": form, "tags": Tag.objects.annotate(n=Count("items"))},
    )
