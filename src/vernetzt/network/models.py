"""Offers and requests of associations, their opening hours, bookings and feedback.

Two confirmed bookings of one offer never overlap: services lock the offer row before they
check, and on PostgreSQL the exclusion constraint `NO_OVERLAP` (added by migration 0002,
PostgreSQL only) refuses an overlapping confirmed booking even if a check were skipped.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vernetzt.directory.models import District, Municipality, Organisation

from .enums import (
    BOOKABLE_KINDS,
    BookingMode,
    BookingStatus,
    Cost,
    Kind,
    ListingVisibility,
    Side,
)

MAX_TITLE = 160
MAX_TEXT = 4000


def new_token() -> str:
    return secrets.token_urlsafe(24)


# What the owner of an offer or request edits (form and service share this list).
LISTING_FIELDS = (
    "side",
    "kind",
    "title",
    "description",
    "visibility",
    "municipality",
    "capacity",
    "step_free",
    "kitchen",
    "equipment",
    "cost",
    "cost_note",
    "house_rules",
    "street",
    "postcode",
    "count",
    "pickup_place",
    "topics",
    "languages",
    "weekdays",
    "when_text",
    "booking_mode",
    "max_hours",
)


class Listing(models.Model):
    """An offer or a request of an association (side), of one kind.

    Fields by kind: a room has capacity, step-free access, kitchen, equipment, municipality,
    cost and house rules (and an address for members only); equipment has a count and a
    pick-up place; know-how has topics and languages. Latitude and longitude are copied from
    the municipality (indexed: the distance filter pre-selects with a bounding box).
    """

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        CLOSED = "closed", _("closed")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="listings",
        verbose_name=_("association"),
    )
    side = models.CharField(_("offer or request"), max_length=10, choices=Side.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=MAX_TITLE)
    description = models.TextField(_("description"), max_length=MAX_TEXT, blank=True)
    visibility = models.CharField(
        _("who sees it"),
        max_length=10,
        choices=ListingVisibility.choices,
        default=ListingVisibility.PUBLIC,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)

    # Room
    capacity = models.PositiveIntegerField(_("capacity (people)"), null=True, blank=True)
    step_free = models.BooleanField(_("step-free access"), default=False)
    kitchen = models.BooleanField(_("kitchen"), default=False)
    equipment = models.CharField(_("equipment of the room"), max_length=500, blank=True)
    cost = models.CharField(_("cost"), max_length=20, choices=Cost.choices, default=Cost.FREE)
    cost_note = models.CharField(_("cost in detail"), max_length=300, blank=True)
    house_rules = models.TextField(_("house rules"), max_length=MAX_TEXT, blank=True)
    street = models.CharField(_("street and number"), max_length=120, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    # Equipment
    count = models.PositiveIntegerField(_("how many"), null=True, blank=True)
    pickup_place = models.CharField(_("pick-up place"), max_length=300, blank=True)
    # Know-how
    topics = models.CharField(_("topics"), max_length=500, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    # Requests: when it is needed, as weekdays (0 = Monday) and in words.
    weekdays = models.JSONField(_("weekdays"), default=list, blank=True)
    when_text = models.CharField(_("when"), max_length=300, blank=True)

    # Booking (rooms and equipment offered)
    booking_mode = models.CharField(
        _("booking"), max_length=10, choices=BookingMode.choices, default=BookingMode.APPROVAL
    )
    max_hours = models.PositiveSmallIntegerField(
        _("longest booking (hours)"), default=8, help_text=_("From 1 to 72 hours.")
    )

    # Secret part of the offer's calendar feed URL (calendar apps cannot log in).
    feed_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    on_behalf = models.BooleanField(
        _("published by the competence centre on behalf of the association"), default=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("offer or request")
        verbose_name_plural = _("offers and requests")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["side", "status", "kind"], name="listing_side_kind"),
            models.Index(fields=["latitude", "longitude"], name="listing_point"),
            # The distance filter: equality on side, status (and kind), a range on latitude.
            models.Index(
                fields=["side", "status", "kind", "latitude", "longitude"],
                name="listing_kind_point",
            ),
            models.Index(
                fields=["side", "status", "latitude", "longitude"], name="listing_side_point"
            ),
            models.Index(fields=["district", "side", "status"], name="listing_district"),
            models.Index(fields=["-created_at", "-id"], name="listing_newest"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = " ".join(
            part.lower()
            for part in (
                self.title,
                self.description,
                self.topics,
                self.equipment,
                self.municipality.name if self.municipality_id else "",
            )
            if part
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("network:detail", kwargs={"pk": self.pk})

    @property
    def is_offer(self) -> bool:
        return self.side == Side.OFFER

    @property
    def is_bookable(self) -> bool:
        return self.side == Side.OFFER and self.kind in BOOKABLE_KINDS

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class OpeningHours(models.Model):
    """A weekly window in which an offer can be booked (local time, Europe/Berlin)."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"))
    start = models.TimeField(_("from"))
    end = models.TimeField(_("until"))

    class Meta:
        ordering = ["weekday", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="hours_order"
            ),
            models.CheckConstraint(
                condition=models.Q(weekday__gte=0, weekday__lte=6), name="hours_weekday"
            ),
        ]

    def __str__(self):
        return f"{self.weekday} {self.start}-{self.end}"


class SpecialDay(models.Model):
    """A date on which the weekly hours do not apply: closed, or open at other hours."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="special_days")
    date = models.DateField(_("date"))
    start = models.TimeField(_("from"), null=True, blank=True)
    end = models.TimeField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["date", "start"]
        verbose_name = _("exception")

    def __str__(self):
        return f"{self.date}"

    @property
    def closed(self) -> bool:
        return self.start is None or self.end is None


class Booking(models.Model):
    """A booking of an offer by a borrowing association, in whole hours."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="bookings")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="network_bookings",
        verbose_name=_("borrowing association"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    start = models.DateTimeField(_("from"))
    end = models.DateTimeField(_("until"))
    status = models.CharField(_("status"), max_length=12, choices=BookingStatus.choices)
    message = models.TextField(_("message"), max_length=2000, blank=True)
    answer = models.TextField(_("answer"), max_length=2000, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), max_length=2000, blank=True)
    cancelled_by = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["start", "id"]
        indexes = [
            models.Index(fields=["listing", "status", "start"], name="booking_listing"),
            models.Index(fields=["organisation", "start"], name="booking_borrower"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="booking_order"
            )
        ]

    def __str__(self):
        return f"{self.listing} {self.start:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return reverse("network:booking", kwargs={"pk": self.pk})

    @property
    def hours(self) -> float:
        return (self.end - self.start).total_seconds() / 3600


class Feedback(models.Model):
    """After a loan, each side says in one tap whether it went well. Comment: staff only."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="feedback")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    went_well = models.BooleanField(_("it went well"))
    comment = models.TextField(_("comment (only staff see it)"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["booking", "organisation"], name="feedback_once")
        ]

    def __str__(self):
        return f"{self.booking_id}: {self.went_well}"


class OrganisationFeed(models.Model):
    """The secret calendar feed of a borrowing association's confirmed bookings."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="network_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    def __str__(self):
        return str(self.organisation_id)


class MatchNotice(models.Model):
    """Which offer a requesting association was told about, and when (one email a day)."""

    request = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "offer"], name="match_notice_once")
        ]

    def __str__(self):
        return f"{self.request_id} -> {self.offer_id}"


def no_overlap_constraint():
    """The exclusion constraint of confirmed bookings (PostgreSQL only; see migration 0002)."""
    from django.contrib.postgres.constraints import ExclusionConstraint  # noqa: PLC0415
    from django.contrib.postgres.fields import DateTimeRangeField, RangeOperators  # noqa: PLC0415
    from django.db.models import Func  # noqa: PLC0415

    class TsTzRange(Func):
        function = "TSTZRANGE"
        output_field = DateTimeRangeField()

    return ExclusionConstraint(
        name="booking_no_overlap",
        expressions=[
            (TsTzRange("start", "end", models.Value("[)")), RangeOperators.OVERLAPS),
            ("listing", RangeOperators.EQUAL),
        ],
        condition=models.Q(status=BookingStatus.CONFIRMED),
    )
