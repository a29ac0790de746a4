"""Which offers fit a request (and which requests an offer could answer), ranked, with reasons.

The reasons are plain words ("room for 40", "step-free", "12 km from you", "open on
Saturdays"). A candidate must be of the same kind and active; for rooms, too small or not
step-free when that is needed rules it out. Candidates are read in one query (a bounding box
of MATCH_KM around the request when it has a place), then scored in Python.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from vernetzt.directory.geo import haversine_km, within_km

from .enums import WEEKDAYS, Kind, ListingVisibility, Side
from .models import Listing

MATCH_KM = 60
CANDIDATES = 300


@dataclass
class Match:
    listing: Listing
    score: float
    reasons: list[str] = field(default_factory=list)
    km: float | None = None


def _candidates(listing: Listing, side: str, created_since=None, public_only=False):
    queryset = (
        Listing.objects.filter(side=side, kind=listing.kind, status=Listing.Status.ACTIVE)
        .exclude(organisation_id=listing.organisation_id)
        .select_related("organisation", "municipality")
        .prefetch_related("opening_hours")
    )
    if public_only:
        queryset = queryset.filter(visibility=ListingVisibility.PUBLIC)
    if created_since is not None:
        queryset = queryset.filter(created_at__gte=created_since)
    if listing.latitude is not None and listing.kind in (
        Kind.ROOM,
        Kind.EQUIPMENT,
        Kind.HELPERS,
        Kind.TRANSPORT,
    ):
        queryset = within_km(queryset, listing.latitude, listing.longitude, MATCH_KM)
    return queryset.order_by("-created_at")[:CANDIDATES]


def _score(request: Listing, offer: Listing) -> Match | None:
    reasons, score = [], 1.0
    if offer.kind == Kind.ROOM:
        if request.capacity and offer.capacity:
            if offer.capacity < request.capacity:
                return None
            reasons.append(_("room for %(n)s") % {"n": offer.capacity})
            score += 1
        if request.step_free:
            if not offer.step_free:
                return None
            reasons.append(_("step-free"))
            score += 1
        if request.kitchen and offer.kitchen:
            reasons.append(_("with kitchen"))
            score += 0.5
        if offer.cost == "free":
            reasons.append(_("free of charge"))
            score += 0.5
    km = None
    if request.latitude is not None and offer.latitude is not None:
        km = haversine_km(request.latitude, request.longitude, offer.latitude, offer.longitude)
        reasons.append(_("%(km)s km from you") % {"km": round(km)})
        score += max(0.0, 2 - km / 20)
    if request.weekdays and offer.kind in (Kind.ROOM, Kind.EQUIPMENT):
        open_days = {hours.weekday for hours in offer.opening_hours.all()}
        common = [day for day in request.weekdays if day in open_days]
        if open_days and not common:
            return None
        if common:
            names = dict(WEEKDAYS)
            reasons.append(
                _("open on %(days)s") % {"days": ", ".join(str(names[d]) for d in common)}
            )
            score += 1
    if request.languages and offer.languages:
        common = [code for code in request.languages if code in offer.languages]
        if offer.kind == Kind.KNOW_HOW and not common:
            return None
        if common:
            reasons.append(_("in your language (%(codes)s)") % {"codes": ", ".join(common)})
            score += 1
    words = set(request.search_text.split()) & set(offer.search_text.split())
    words = {word for word in words if len(word) > 4}
    if words:
        reasons.append(_("also mentions: %(words)s") % {"words": ", ".join(sorted(words)[:3])})
        score += 0.3 * min(3, len(words))
    return Match(listing=offer, score=score, reasons=reasons, km=km)


def offers_for_request(request: Listing, *, created_since=None, limit=10, public_only=False):
    matches = [
        match
        for offer in _candidates(request, Side.OFFER, created_since, public_only)
        if (match := _score(request, offer)) is not None
    ]
    matches.sort(key=lambda match: (-match.score, -match.listing.pk))
    return matches[:limit]


def requests_for_offer(offer: Listing, *, limit=10, public_only=False):
    matches = []
    for request in _candidates(offer, Side.REQUEST, public_only=public_only):
        match = _score(request, offer)
        if match is not None:
            matches.append(
                Match(listing=request, score=match.score, reasons=match.reasons, km=match.km)
            )
    matches.sort(key=lambda match: (-match.score, -match.listing.pk))
    return matches[:limit]


def unmet_requests(queryset=None):
    """Active requests that no active offer of the same kind fits (the unmet needs)."""
    requests = (
        queryset
        if queryset is not None
        else Listing.objects.filter(side=Side.REQUEST, status=Listing.Status.ACTIVE)
    )
    return [
        request
        for request in requests.select_related("organisation", "municipality", "district")
        if not offers_for_request(request, limit=1)
    ]
