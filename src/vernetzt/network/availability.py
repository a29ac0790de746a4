"""Opening hours, hourly slots and the next free slot of an offer (local time Europe/Berlin).

Pure reads: nothing here writes. A slot is one whole local hour. A booking may not span a
daylight-saving change (the hours would be ambiguous), so slots are counted in local time.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from .enums import BookingStatus
from .models import Booking, Listing

SEARCH_DAYS = 60
MAX_RANGE_DAYS = 31


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def to_local(value: datetime) -> datetime:
    """An aware local datetime; naive input is taken as local time (Europe/Berlin)."""
    zone = local_zone()
    if timezone.is_naive(value):
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


@dataclass
class Day:
    date: date
    windows: list  # [(start time, end time)]


def _hours_by_weekday(listing: Listing) -> dict[int, list]:
    by_day: dict[int, list] = {}
    for hours in listing.opening_hours.all():
        by_day.setdefault(hours.weekday, []).append((hours.start, hours.end))
    return by_day


def _special_days(listing: Listing, first: date, last: date) -> dict[date, list]:
    special: dict[date, list] = {}
    for day in listing.special_days.filter(date__gte=first, date__lte=last):
        special.setdefault(day.date, [])
        if not day.closed:
            special[day.date].append((day.start, day.end))
    return special


def windows(listing: Listing, first: date, last: date) -> dict[date, list]:
    """Opening windows per local date from `first` to `last` (special days replace hours)."""
    weekly = _hours_by_weekday(listing)
    special = _special_days(listing, first, last)
    result = {}
    day = first
    while day <= last:
        result[day] = sorted(special[day] if day in special else weekly.get(day.weekday(), []))
        day += timedelta(days=1)
    return result


def _minutes(value: time) -> int:
    return 1440 if value >= time(23, 59) else value.hour * 60 + value.minute


def _hour_is_open(hour_start: datetime, day_windows: list) -> bool:
    minute = hour_start.hour * 60 + hour_start.minute
    return any(
        _minutes(w_start) <= minute and minute + 60 <= _minutes(w_end)
        for w_start, w_end in day_windows
    )


def hours_between(start: datetime, end: datetime):
    """The local hours from start to end (both local and on the full hour)."""
    current = start
    while current < end:
        yield current
        current = to_local(current + timedelta(hours=1))


def within_opening(listing: Listing, start: datetime, end: datetime) -> bool:
    start, end = to_local(start), to_local(end)
    by_day = windows(listing, start.date(), end.date())
    return all(
        _hour_is_open(hour, by_day.get(hour.date(), [])) for hour in hours_between(start, end)
    )


def confirmed_between(listing: Listing, start: datetime, end: datetime) -> list[tuple]:
    return list(
        Booking.objects.filter(
            listing=listing, status=BookingStatus.CONFIRMED, start__lt=end, end__gt=start
        )
        .order_by("start")
        .values_list("start", "end")
    )


def _overlaps(start, end, taken) -> bool:
    return any(t_start < end and start < t_end for t_start, t_end in taken)


def slots(listing: Listing, start: datetime, end: datetime) -> list[dict]:
    """Every open hour from start to end with `free` True/False (no names)."""
    start = to_local(start).replace(minute=0, second=0, microsecond=0)
    end = to_local(end)
    if end - start > timedelta(days=MAX_RANGE_DAYS):
        end = start + timedelta(days=MAX_RANGE_DAYS)
    by_day = windows(listing, start.date(), end.date())
    taken = confirmed_between(listing, start, end)
    now = timezone.now()
    result = []
    for hour in hours_between(start, end):
        if not _hour_is_open(hour, by_day.get(hour.date(), [])):
            continue
        hour_end = to_local(hour + timedelta(hours=1))
        result.append(
            {
                "start": hour,
                "end": hour_end,
                "free": hour >= now and not _overlaps(hour, hour_end, taken),
            }
        )
    return result


def next_free(listing: Listing, start: datetime, end: datetime) -> tuple | None:
    """The first free slot of the same length at or after `start` (within SEARCH_DAYS)."""
    start, end = to_local(start), to_local(end)
    length = end - start
    now = timezone.now()
    first = max(start, to_local(now)).replace(minute=0, second=0, microsecond=0)
    if first < start:
        first = start
    last = first + timedelta(days=SEARCH_DAYS)
    by_day = windows(listing, first.date(), last.date() + timedelta(days=1))
    taken = confirmed_between(listing, first, last + length)
    candidate = first
    while candidate < last:
        candidate_end = to_local(candidate + length)
        if (
            candidate >= now
            and candidate.utcoffset() == candidate_end.utcoffset()
            and all(
                _hour_is_open(hour, by_day.get(hour.date(), []))
                for hour in hours_between(candidate, candidate_end)
            )
            and not _overlaps(candidate, candidate_end, taken)
        ):
            return candidate, candidate_end
        candidate = to_local(candidate + timedelta(hours=1))
    return None
