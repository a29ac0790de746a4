"""Reads of the forums app: demand per forum, placements, the needs view."""

from collections import Counter, defaultdict

from django.db.models import Count, Q
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from vernetzt.core.translations import marked, translated
from vernetzt.directory.enums import FIELDS_OF_ACTIVITY
from vernetzt.registration.models import Registration

from .models import Forum, Placement, Ranking, ResultItem, Slot


def demand(event) -> list[dict]:
    """Per slot, per forum: capacity and how many ranked it 1st, 2nd, 3rd (live, for staff)."""
    active = Q(rankings__registration__status=Registration.Status.CONFIRMED)
    forums = (
        Forum.objects.filter(event=event)
        .select_related("slot")
        .annotate(
            first=Count("rankings", filter=active & Q(rankings__rank=1), distinct=True),
            second=Count("rankings", filter=active & Q(rankings__rank=2), distinct=True),
            third=Count("rankings", filter=active & Q(rankings__rank=3), distinct=True),
            placed=Count("placements", distinct=True),
        )
    )
    slots = defaultdict(list)
    for forum in forums:
        forum.ratio = round(forum.first / forum.capacity, 2) if forum.capacity else None
        slots[forum.slot].append(forum)
    ranked = (
        Ranking.objects.filter(slot__event=event, registration__status="confirmed")
        .values("registration_id")
        .distinct()
        .count()
    )
    return {
        "slots": [{"slot": slot, "forums": items} for slot, items in slots.items()],
        "ranked": ranked,
        "confirmed": Registration.objects.filter(event=event, status="confirmed").count(),
    }


def rankings_of(registration) -> dict[int, list[int]]:
    mine = defaultdict(list)
    for slot_id, forum_id in registration.forum_rankings.order_by("slot_id", "rank").values_list(
        "slot_id", "forum_id"
    ):
        mine[slot_id].append(forum_id)
    return dict(mine)


def slots_with_forums(event):
    return list(
        Slot.objects.filter(event=event).prefetch_related("forums", "forums__host_organisations")
    )


def placements_of(registration):
    return list(
        Placement.objects.filter(registration=registration)
        .select_related("forum", "slot")
        .order_by("slot__position", "slot_id")
    )


def needs(*, published_only: bool, filters: dict):
    """Result items across meetings, with filters: kind, tag, field, district, year, status."""
    items = ResultItem.objects.filter(merged_into__isnull=True).select_related(
        "forum", "forum__event"
    )
    if published_only:
        items = items.filter(is_published=True)
    kind = filters.get("kind") or ""
    if kind in ResultItem.Kind.values:
        items = items.filter(kind=kind)
    elif kind == "":
        items = items.filter(kind__in=[ResultItem.Kind.NEED, ResultItem.Kind.DEMAND])
    tag = filters.get("tag") or ""
    if tag:
        items = items.filter(tags__slug=tag)
    field = filters.get("field") or ""
    if field in FIELDS_OF_ACTIVITY:
        items = items.filter(field_of_activity=field)
    district = filters.get("district") or ""
    if str(district).isdigit():
        items = items.filter(organisations__municipality__district_id=int(district))
    year = filters.get("year") or ""
    if str(year).isdigit():
        items = items.filter(forum__event__starts_at__year=int(year))
    status = filters.get("status") or ""
    if status in ResultItem.Status.values:
        items = items.filter(status=status)
    return (
        items.annotate(support_count=Count("supports", distinct=True))
        .prefetch_related("tags", "organisations__municipality__district")
        .distinct()
        .order_by("-forum__event__starts_at", "-support_count", "id")
    )


def trend(items) -> dict:
    """Per tag: how many items per year, and the years in order."""
    per_tag = defaultdict(Counter)
    years = set()
    for item in items:
        year = item.forum.event.starts_at.year
        years.add(year)
        for tag in item.tags.all():
            per_tag[tag.name][year] += 1
    ordered = sorted(years)
    rows = []
    for name, counts in sorted(per_tag.items(), key=lambda pair: -sum(pair[1].values())):
        values = [counts.get(year, 0) for year in ordered]
        change = values[-1] - values[-2] if len(values) >= 2 else None
        rows.append({"tag": name, "values": values, "change": change})
    return {"years": ordered, "rows": rows}


def results_for_documentation(event) -> list[dict]:
    """The published results of a meeting's forums, as sections for its documentation.

    Public content only: unpublished and merged items stay out. One query for the items,
    one for their tags (prefetch).
    """
    items = (
        ResultItem.objects.filter(forum__event=event, is_published=True, merged_into__isnull=True)
        .select_related("forum", "forum__slot")
        .prefetch_related("tags")
        .order_by("forum__slot__position", "forum__position", "forum_id", "kind", "pk")
    )
    by_forum: dict = defaultdict(list)
    for item in items:
        by_forum[item.forum].append(item)
    sections = []
    for forum, forum_items in by_forum.items():
        title = translated(forum, "title")
        heading = conditional_escape(_("Forum: %(title)s"))
        sections.append(
            {
                "title": _("Forum: %(title)s") % {"title": title.text},
                # The forum's German title marked lang="de" where it has no translation.
                "title_html": mark_safe(heading % {"title": marked(title)}),  # noqa: S308
                "intro": translated(forum, "description"),
                "items": [
                    {
                        "title": item.get_kind_display(),
                        "text": item.text,
                        "meta": ", ".join(tag.name for tag in item.tags.all()),
                        "lang": "de",  # recorded at the meeting, in German; tags are German
                    }
                    for item in forum_items
                ],
            }
        )
    return sections


def publish_preview(event) -> dict:
    """What publishing the assignment does: who gets an email, who has no place in a slot."""
    slots = Slot.objects.filter(event=event, forums__isnull=False).distinct().count()
    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    placed = confirmed.annotate(
        slots_placed=Count("forum_placements", filter=Q(forum_placements__slot__event=event))
    )
    emails = placed.filter(slots_placed__gt=0).exclude(email="").count()
    unplaced = list(
        placed.filter(slots_placed__lt=slots)
        .order_by("last_name", "first_name")
        .values_list("first_name", "last_name")
    )
    return {
        "emails": emails,
        "unplaced": [f"{first} {last}".strip() for first, last in unplaced],
        "slots": slots,
    }
