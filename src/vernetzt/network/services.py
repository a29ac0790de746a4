"""Writes of offers and requests: publish, change, close, opening hours, match notices."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from vernetzt.directory.models import Organisation

from .models import LISTING_FIELDS, Listing, MatchNotice, OpeningHours, SpecialDay


def _apply(listing: Listing, data: dict) -> None:
    for name in LISTING_FIELDS:
        if name in data:
            setattr(listing, name, data[name])
    if listing.municipality_id:
        listing.latitude = listing.municipality.latitude
        listing.longitude = listing.municipality.longitude
        listing.district_id = listing.municipality.district_id
    else:
        listing.latitude = listing.longitude = listing.district_id = None


def _replace_hours(listing: Listing, hours, special_days) -> None:
    if hours is not None:
        listing.opening_hours.all().delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(listing=listing, weekday=day, start=start, end=end)
            for day, start, end in hours
        )
    if special_days is not None:
        listing.special_days.all().delete()
        SpecialDay.objects.bulk_create(
            SpecialDay(listing=listing, date=day, start=start, end=end)
            for day, start, end in special_days
        )


def publish_listing(
    *,
    organisation: Organisation,
    user,
    data: dict,
    hours=None,
    special_days=None,
    on_behalf: bool = False,
) -> Listing:
    """Publish an offer or a request in the association's name (validated data of the form).

    `hours`: [(weekday, start, end)], `special_days`: [(date, start or None, end or None)].
    `on_behalf`: staff published it for the association ("by the competence centre").
    """
    with transaction.atomic():
        listing = Listing(organisation=organisation, created_by=user, on_behalf=on_behalf)
        _apply(listing, data)
        listing.save()
        _replace_hours(listing, hours, special_days)
    return listing


def change_listing(*, listing: Listing, data: dict, hours=None, special_days=None) -> Listing:
    with transaction.atomic():
        current = Listing.objects.select_for_update().get(pk=listing.pk)
        _apply(current, data)
        current.save()
        _replace_hours(current, hours, special_days)
    return current


def set_listing_status(*, listing: Listing, active: bool) -> Listing:
    listing.status = Listing.Status.ACTIVE if active else Listing.Status.CLOSED
    listing.save(update_fields=["status", "updated_at"])
    return listing


def notify_matches(*, now=None, days: int = 7) -> int:
    """Tell requesting associations about new offers that fit their open requests.

    At most one email a day per association; an offer is announced once per request.
    Returns the number of associations told. Idempotent within a day.
    """
    from . import emails, matching  # noqa: PLC0415 - matching reads models of this app

    now = now or timezone.now()
    since = now - timedelta(days=days)
    recently_told = set(
        MatchNotice.objects.filter(sent_at__gte=now - timedelta(days=1)).values_list(
            "request__organisation_id", flat=True
        )
    )
    by_organisation: dict[int, list] = {}
    for request in (
        Listing.objects.filter(side="request", status=Listing.Status.ACTIVE)
        .exclude(organisation_id__in=recently_told)
        .select_related("organisation", "municipality")
    ):
        announced = set(
            MatchNotice.objects.filter(request=request).values_list("offer_id", flat=True)
        )
        fresh = [
            match
            for match in matching.offers_for_request(request, created_since=since, limit=5)
            if match.listing.pk not in announced
        ]
        if fresh:
            by_organisation.setdefault(request.organisation_id, []).append((request, fresh))
    told = 0
    for organisation_id, pairs in by_organisation.items():
        with transaction.atomic():
            MatchNotice.objects.bulk_create(
                [
                    MatchNotice(request=request, offer=match.listing, sent_at=now)
                    for request, matches in pairs
                    for match in matches
                ],
                ignore_conflicts=True,
            )
            transaction.on_commit(
                lambda organisation_id=organisation_id, pairs=pairs: emails.send_matches(
                    organisation_id, pairs
                )
            )
        told += 1
    return told
