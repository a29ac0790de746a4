"""The registration part of a meeting's staff dashboard: figures, a chart, who is coming."""

from datetime import timedelta

from django.db.models import Count
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from vernetzt.core.charts import bar_chart

from .models import Registration
from .queries import counts


def registrations_per_day(event) -> list[tuple[str, int]]:
    """Registrations per day (confirmation, else creation), first to last day, gaps as 0."""
    rows = (
        Registration.objects.filter(event=event)
        .annotate(
            day=TruncDate(
                Coalesce("confirmed_at", "created_at"), tzinfo=timezone.get_current_timezone()
            )
        )
        .values("day")
        .annotate(n=Count("pk"))
        .order_by("day")
    )
    per_day = {row["day"]: row["n"] for row in rows}
    if not per_day:
        return []
    day, last = min(per_day), max(per_day)
    series = []
    while day <= last and len(series) < 366:
        series.append((formats.date_format(day, "SHORT_DATE_FORMAT")[:5], per_day.get(day, 0)))
        day += timedelta(days=1)
    return series


def staff_dashboard(event) -> dict:
    figures = counts(event)
    slug = event.slug
    registrations_url = reverse("registration:staff_list", kwargs={"slug": slug})
    represented = (
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
        .exclude(organisation=None)
        .aggregate(
            associations=Count("organisation", distinct=True),
            districts=Count("organisation__municipality__district", distinct=True),
        )
    )
    districts = (
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
        .exclude(organisation__municipality=None)
        .values("organisation__municipality__district__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "organisation__municipality__district__name")[:8]
    )
    stats = [
        {"label": _("places"), "value": event.capacity},
        {"label": _("confirmed"), "value": figures["confirmed"], "url": registrations_url},
        {
            "label": _("waiting list"),
            "value": figures["waiting"],
            "url": registrations_url + "?status=waiting",
        },
        {
            "label": _("cancelled"),
            "value": figures["cancelled"],
            "url": registrations_url + "?status=cancelled",
        },
        {
            "label": _("checked in"),
            "value": figures["checked_in"],
            "url": reverse("registration:checkin", kwargs={"slug": slug}),
        },
        {"label": _("associations"), "value": represented["associations"]},
        {"label": _("districts"), "value": represented["districts"]},
    ]
    series = registrations_per_day(event)
    panels = [
        {
            "template": "registration/_dashboard_panel.html",
            "chart": bar_chart(series, label=_("New registrations per day")) if series else "",
            "districts": list(districts),
            "summary_url": reverse("registration:staff_summary", kwargs={"slug": slug}),
        }
    ]
    return {"stats": stats, "panels": panels}
