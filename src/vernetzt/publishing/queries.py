"""Reads of publishing: a meeting's figures, the documentation's content, the yearly report.

Other apps contribute to the documentation (and the report) through a hook on their
AppConfig: `documentation_sections(event) -> list[dict]` (see docs/publishing.md).
"""

import logging

from django.apps import apps
from django.db.models import Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vernetzt.core.hooks import ask_apps
from vernetzt.core.translations import Text, translated
from vernetzt.directory.models import District, Organisation
from vernetzt.events.models import Event, ProgrammeItem, StagePerson
from vernetzt.registration.models import Registration

from . import mapsvg
from .models import Documentation

logger = logging.getLogger(__name__)


def participants(event):
    """Who took part: the checked-in people once check-in was used, else the confirmed ones."""
    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    checked_in = confirmed.filter(checked_in_at__isnull=False)
    return checked_in if checked_in.exists() else confirmed


def figures(event) -> dict:
    """Participants, associations, districts, first-time associations of a meeting."""
    people = participants(event)
    organisation_ids = set(
        people.exclude(organisation=None).values_list("organisation_id", flat=True)
    )
    first_seen = {
        row["organisation_id"]: row["first"]
        for row in Registration.objects.filter(
            organisation_id__in=organisation_ids,
            status=Registration.Status.CONFIRMED,
        )
        .values("organisation_id")
        .annotate(first=Min("event__starts_at"))
    }
    first_time = sorted(
        Organisation.objects.filter(
            pk__in=[pk for pk, first in first_seen.items() if first >= event.starts_at]
        ).values_list("name", flat=True)
    )
    district_ids = set(
        Organisation.objects.filter(pk__in=organisation_ids)
        .exclude(municipality=None)
        .values_list("municipality__district_id", flat=True)
    )
    return {
        "participants": people.count(),
        "organisations": len(organisation_ids),
        "district_ids": district_ids,
        "districts": len(district_ids),
        "first_time": first_time,
    }


def district_map(district_ids, title) -> tuple[str, list[str]]:
    districts = list(District.objects.filter(state="HE").order_by("key"))
    covered = sorted(str(d) for d in districts if d.pk in district_ids)
    return mapsvg.district_map(districts, district_ids, title=title), covered


def contributed_sections(event, hook="documentation_sections") -> list[dict]:
    """Sections other apps add (forum results, the panel's questions...).

    Each app config may define `documentation_sections(event)` returning a list of
    {"title": str, "title_html": safe HTML (optional: the title with German content marked),
    "intro": str or a translated `Text` (optional), "items": [{"title": str, "text": str,
    "meta": str (optional), "lang": language of text and meta (optional, e.g. "de")}]}.
    A failing contributor is logged and left out.
    """
    sections = []
    for app_config in apps.get_app_configs():
        contribute = getattr(app_config, hook, None)
        if not contribute:
            continue
        try:
            for section in contribute(event) or []:
                sections.append(
                    {
                        "title": str(section.get("title", "")),
                        "title_html": section.get("title_html", ""),
                        "intro": _intro(section.get("intro")),
                        "items": [
                            {
                                "title": str(item.get("title", "") or ""),
                                "text": str(item.get("text", "") or ""),
                                "meta": str(item.get("meta", "") or ""),
                                "lang": str(item.get("lang", "") or ""),
                            }
                            for item in section.get("items", [])
                        ],
                        "app": app_config.label,
                    }
                )
        except Exception:  # a broken contributor must not break the documentation
            logger.exception("documentation section of %s failed", app_config.label)
    return sections


def _intro(intro) -> str:
    """A translated `Text` stays one (templates mark its German fallback); else a str."""
    return intro if isinstance(intro, Text) else str(intro or "")


def programme(event):
    return ProgrammeItem.objects.filter(event=event).prefetch_related("stage_people__organisation")


def documentation_content(documentation, *, public: bool, language: str) -> dict:
    """Everything the documentation page and PDF show."""
    event = documentation.event
    facts = figures(event)
    map_svg, covered = district_map(facts["district_ids"], title=event.title)
    photos = (
        documentation.photos.filter(lacks_consent=False) if public else (documentation.photos.all())
    )
    cover = documentation.cover_photo
    if cover is not None and public and cover.lacks_consent:
        cover = None
    photographers = StagePerson.objects.filter(
        event=event, role=StagePerson.Role.PHOTOGRAPHER
    ).values_list("name", flat=True)
    photo_list = list(photos.order_by("created_at", "id"))
    return {
        "documentation": documentation,
        "event": event,
        "greeting": translated(documentation, "greeting", language),
        "summary": translated(documentation, "summary", language),
        "thanks": translated(documentation, "thanks", language),
        "programme": programme(event),
        "figures": facts,
        "map_svg": map_svg,
        "covered_districts": covered,
        "sections": contributed_sections(event),
        "photos": photo_list,
        "cover": cover,
        "credits": sorted({photo.credit for photo in photo_list} | set(photographers)),
        "partners": event.partner_list(),
        "funders": event.funder_list(),
    }


def paragraphs(text: str) -> list[str]:
    return [block.strip() for block in (text or "").split("\n\n") if block.strip()]


# --- Report for the ministry ----------------------------------------------------------------


def report(year: int) -> dict:
    """The yearly figures (Sachbericht): meetings, participants, associations reached (new
    and returning), districts covered, contributed sections (forums...), survey results."""
    events = list(
        Event.objects.filter(starts_at__year=year, starts_at__lte=timezone.now()).order_by(
            "starts_at"
        )
    )
    rows, all_orgs, all_districts, participant_total = [], set(), set(), 0
    for event in events:
        facts = figures(event)
        orgs = set(
            participants(event).exclude(organisation=None).values_list("organisation_id", flat=True)
        )
        all_orgs |= orgs
        all_districts |= facts["district_ids"]
        participant_total += facts["participants"]
        rows.append({"event": event, "figures": facts})
    earlier = set(
        Registration.objects.filter(
            organisation_id__in=all_orgs,
            status=Registration.Status.CONFIRMED,
            event__starts_at__year__lt=year,
        ).values_list("organisation_id", flat=True)
    )
    districts = District.objects.filter(pk__in=all_districts).order_by("name")
    sections = []
    for event in events:
        for section in contributed_sections(event):
            sections.append({**section, "event": event})
    surveys = [survey for part in ask_apps("report_surveys", events) for survey in part]
    map_svg, covered = district_map(all_districts, title=str(year))
    return {
        "year": year,
        "events": rows,
        "participants": participant_total,
        "organisations": len(all_orgs),
        "organisations_new": len(all_orgs - earlier),
        "organisations_returning": len(all_orgs & earlier),
        "districts": list(districts),
        "district_total": District.objects.filter(state="HE").count(),
        "map_svg": map_svg,
        "sections": sections,
        # Year-wide sections of other apps (hook `report_sections(year)`, e.g. the network).
        "year_sections": contributed_sections(year, hook="report_sections"),
        "surveys": surveys,
    }


def report_years() -> list[int]:
    return sorted(
        {
            d.year
            for d in Event.objects.filter(starts_at__lte=timezone.now()).dates("starts_at", "year")
        },
        reverse=True,
    )


def after_meeting_links(registration) -> list[dict]:
    """The personal page after the meeting links to its documentation, once published."""
    documentation = Documentation.objects.filter(event=registration.event).first()
    if documentation is None or not documentation.is_published:
        return []
    return [
        {
            "label": _("Documentation of the meeting"),
            "url": reverse("publishing:documentation", kwargs={"slug": registration.event.slug}),
            "id": "after-documentation",
        }
    ]
