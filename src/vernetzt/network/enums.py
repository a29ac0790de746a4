"""Choices of the network: kinds of offers, costs, visibility, booking statuses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Side(models.TextChoices):
    OFFER = "offer", _("offer")
    REQUEST = "request", _("request")


class Kind(models.TextChoices):
    ROOM = "room", _("room")
    EQUIPMENT = "equipment", _("equipment")
    KNOW_HOW = "know_how", _("know-how")
    HELPERS = "helpers", _("helpers")
    TRANSPORT = "transport", _("transport")
    OTHER = "other", _("other")


# Kinds that can be booked in hourly slots on a calendar.
BOOKABLE_KINDS = (Kind.ROOM, Kind.EQUIPMENT)


class Cost(models.TextChoices):
    FREE = "free", _("free of charge")
    CONTRIBUTION = "contribution", _("a contribution to costs")
    PRICE = "price", _("a price")


class ListingVisibility(models.TextChoices):
    PUBLIC = "public", _("everyone")
    MEMBERS = "members", _("signed-in members of the network")


class BookingMode(models.TextChoices):
    APPROVAL = "approval", _("requests need my approval")
    INSTANT = "instant", _("instant booking")


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("requested")
    CONFIRMED = "confirmed", _("confirmed")
    DECLINED = "declined", _("declined")
    CANCELLED = "cancelled", _("cancelled")


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]

# Languages offered for know-how (codes); labels come from Django's language names.
KNOW_HOW_LANGUAGES = ["de", "en", "ar", "tr", "fa", "ru", "uk", "fr", "es", "ku", "ti", "so"]
