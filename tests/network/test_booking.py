"""Booking: instant and with approval, emails both sides, .ics, feeds, cancel, feedback,
and every bad input of the issue: a clear message, nothing half-saved, never a 500."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from vernetzt.network import booking as services
from vernetzt.network.models import Booking, Feedback, OrganisationFeed, SpecialDay

from .factories import ListingFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def _next(weekday=None, hour=10, days=3):
    day = timezone.localdate() + timedelta(days=days)
    while weekday is not None and day.weekday() != weekday:
        day += timedelta(days=1)
    return datetime.combine(day, time(hour), tzinfo=BERLIN)


@pytest.fixture
def people():
    owner = OrganisationFactory(name="Raumverein", is_published=True)
    borrower = OrganisationFactory(name="Leihverein", is_published=True)
    owner_admin = UserFactory(email="owner@example.org", language="de")
    borrower_member = UserFactory(email="borrower@example.org", language="en")
    MembershipFactory(user=owner_admin, organisation=owner, role="admin")
    MembershipFactory(user=borrower_member, organisation=borrower, role="member")
    return {
        "owner": owner,
        "borrower": borrower,
        "owner_admin": owner_admin,
        "member": borrower_member,
    }


def _book(listing, people, start, end=None, **extra):
    return services.request_booking(
        listing=listing,
        organisation_id=extra.pop("organisation_id", people["borrower"].pk),
        user=extra.pop("user", people["member"]),
        start=start,
        end=end or start + timedelta(hours=2),
        message=extra.pop("message", "Für unser Treffen"),
    )


def test_instant_booking_is_confirmed_and_both_sides_get_mail_in_their_language(
    people, django_capture_on_commit_callbacks
):
    listing = ListingFactory(organisation=people["owner"], booking_mode="instant", kind="equipment")
    with django_capture_on_commit_callbacks(execute=True):
        made = _book(listing, people, _next())
    assert made.status == "confirmed"
    recipients = {message.to[0]: message for message in mail.outbox}
    assert set(recipients) == {"owner@example.org", "borrower@example.org"}
    # Each in their own language: the owner German, the borrower Arabic (ids fall back).
    assert recipients["owner@example.org"].subject.startswith("Neue Buchung")
    assert recipients["borrower@example.org"].subject.startswith("Booked")
    assert any(a[0] == "booking.ics" for a in recipients["borrower@example.org"].attachments)
    assert OrganisationFeed.objects.filter(organisation=people["borrower"]).exists()


def test_approval_then_approve_with_message(people, django_capture_on_commit_callbacks):
    listing = ListingFactory(organisation=people["owner"])
    made = _book(listing, people, _next())
    assert made.status == "requested"
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_booking(booking=made, answer="Gern, der Schlüssel liegt bereit.")
    made.refresh_from_db()
    assert made.status == "confirmed" and made.answer.startswith("Gern")
    assert {m.to[0] for m in mail.outbox} == {"owner@example.org", "borrower@example.org"}


def test_decline_and_cancel_with_reason(people):
    listing = ListingFactory(organisation=people["owner"])
    first = _book(listing, people, _next())
    services.decline_booking(booking=first, answer="Leider belegt.")
    assert Booking.objects.get(pk=first.pk).status == "declined"
    second = _book(listing, people, _next(days=4))
    services.approve_booking(booking=second)
    with pytest.raises(services.BookingError) as error:
        services.cancel_booking(booking=second, by_organisation_id=people["borrower"].pk, reason="")
    assert "reason" in error.value.errors
    services.cancel_booking(
        booking=second, by_organisation_id=people["borrower"].pk, reason="Krankheit"
    )
    second.refresh_from_db()
    assert second.status == "cancelled" and second.cancelled_by == people["borrower"]


def test_taken_slot_names_the_next_free_slot(people):
    listing = ListingFactory(organisation=people["owner"], booking_mode="instant")
    start = _next(hour=10)
    _book(listing, people, start)
    with pytest.raises(services.SlotTaken) as taken:
        _book(listing, people, start + timedelta(hours=1))
    free_start, free_end = taken.value.next_free
    assert free_start == start + timedelta(hours=2)
    assert free_end - free_start == timedelta(hours=2)
    assert "12:00" in str(taken.value)


def test_approving_an_overlapping_request_is_refused(people):
    listing = ListingFactory(organisation=people["owner"])
    start = _next()
    first, second = _book(listing, people, start), _book(listing, people, start)
    services.approve_booking(booking=first)
    with pytest.raises(services.SlotTaken):
        services.approve_booking(booking=second)
    assert Booking.objects.get(pk=second.pk).status == "requested"


def _dst_change_day():
    """The next Sunday on which the clocks change in Berlin."""
    day = timezone.localdate() + timedelta(days=1)
    while True:
        before = datetime.combine(day, time(1), tzinfo=BERLIN)
        after = datetime.combine(day, time(4), tzinfo=BERLIN)
        if before.utcoffset() != after.utcoffset():
            return day
        day += timedelta(days=1)


@pytest.mark.parametrize(
    "case, field",
    [
        ("outside", "start"),
        ("past", "start"),
        ("too_long", "end"),
        ("end_before_start", "end"),
        ("dst", "end"),
        ("own", "organisation"),
        ("not_member", "organisation"),
        ("forged_organisation", "organisation"),
        ("long_text", "message"),
        ("half_hour", "start"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(
    people, case, field, django_capture_on_commit_callbacks
):
    listing = ListingFactory(organisation=people["owner"], max_hours=4)
    start = _next(hour=10)
    kwargs = {}
    end = None
    if case == "outside":
        start = _next(hour=6)
    elif case == "past":
        start = _next(hour=10, days=-2)
    elif case == "too_long":
        end = start + timedelta(hours=5)
    elif case == "end_before_start":
        end = start - timedelta(hours=1)
    elif case == "dst":
        day = _dst_change_day()
        listing.opening_hours.all().delete()
        SpecialDay.objects.create(listing=listing, date=day, start=time(0), end=time(23, 59))
        start = datetime.combine(day, time(0), tzinfo=BERLIN)
        end = datetime.combine(day, time(4), tzinfo=BERLIN)
    elif case == "own":
        kwargs = {"organisation_id": people["owner"].pk, "user": people["owner_admin"]}
    elif case == "not_member":
        kwargs = {"user": UserFactory()}
    elif case == "forged_organisation":
        kwargs = {"organisation_id": "999999; DROP TABLE"}
    elif case == "long_text":
        kwargs = {"message": "x" * 10_000}
    elif case == "half_hour":
        start = start + timedelta(minutes=30)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(services.BookingError) as error,
    ):
        _book(listing, people, start, end, **kwargs)
    assert field in error.value.errors, error.value.errors
    assert all(error.value.errors[field])
    assert Booking.objects.count() == 0
    assert mail.outbox == []


def test_closed_special_day_refuses(people):
    listing = ListingFactory(organisation=people["owner"])
    start = _next()
    SpecialDay.objects.create(listing=listing, date=start.date())
    with pytest.raises(services.BookingError) as error:
        _book(listing, people, start)
    assert "start" in error.value.errors


def test_feedback_once_per_side_after_the_loan(people):
    listing = ListingFactory(organisation=people["owner"])
    start = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(days=2)
    made = Booking.objects.create(
        listing=listing,
        organisation=people["borrower"],
        start=start,
        end=start + timedelta(hours=2),
        status="confirmed",
    )
    services.give_feedback(booking=made, organisation_id=people["borrower"].pk, went_well=True)
    services.give_feedback(
        booking=made, organisation_id=people["borrower"].pk, went_well=False, comment="Kalt"
    )
    assert Feedback.objects.get().went_well is False
    with pytest.raises(services.BookingError):
        services.give_feedback(
            booking=made, organisation_id=OrganisationFactory().pk, went_well=True
        )
