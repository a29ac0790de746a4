"""Meetings (Vernetzungstreffen), their venue, programme and the people on stage.

Registration, forums, live tools and documentation hang off `Event`. Field names are stable:
other apps build on them (see docs/registration.md).
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vernetzt.core.translations import TranslationsField


class Venue(models.Model):
    """Where a meeting takes place, with what visitors need to know to get there."""

    name = models.CharField(_("name"), max_length=200)
    translations = TranslationsField()
    translated_fields = ("directions", "accessibility_notes")
    address = models.TextField(_("address"), max_length=500)
    directions = models.TextField(_("how to get there"), blank=True, max_length=3000)
    step_free = models.BooleanField(
        _("step-free access"),
        default=False,
        help_text=_("All rooms of the meeting can be reached without steps."),
    )
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True, max_length=3000)
    quiet_room = models.BooleanField(_("quiet room"), default=False)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Event(models.Model):
    """A meeting, e.g. the yearly state-wide Vernetzungstreffen.

    Capacity: `capacity` places for registrations through the public form and the API;
    `reserved_places` more that only staff fill (speakers, ministry), outside every quota.
    `per_organisation_limit` people per association while registrations are made before
    `per_organisation_limit_until` (no date: always); people without an association are
    not limited.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        REGISTRATION_OPEN = "registration_open", _("registration open")
        REGISTRATION_CLOSED = "registration_closed", _("registration closed")
        PAST = "past", _("past")

    VISIBLE_STATUSES = (
        Status.PUBLISHED,
        Status.REGISTRATION_OPEN,
        Status.REGISTRATION_CLOSED,
        Status.PAST,
    )

    title = models.CharField(_("title"), max_length=200)
    translations = TranslationsField()
    translated_fields = ("title", "edition", "theme", "description")
    slug = models.SlugField(_("short address"), max_length=120, unique=True)
    edition = models.CharField(
        _("edition"),
        max_length=200,
        blank=True,
        help_text=_('For example "6. hessenweites Vernetzungstreffen".'),
    )
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    image = models.ImageField(
        _("picture"),
        upload_to="events/",
        blank=True,
        help_text=_("Shown at the top of the meeting's page and on the home page (wide format)."),
    )
    image_alt = models.CharField(
        _("what the picture shows"),
        max_length=200,
        blank=True,
        help_text=_("For people who cannot see it. Leave empty for a purely decorative picture."),
    )
    description = models.TextField(_("description"), blank=True, max_length=10000)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.ForeignKey(
        Venue,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("venue"),
    )
    partners = models.TextField(
        _("partners"), blank=True, max_length=3000, help_text=_("One per line.")
    )
    funders = models.TextField(
        _("funders"), blank=True, max_length=3000, help_text=_("One per line.")
    )
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.DRAFT
    )
    capacity = models.PositiveIntegerField(_("places"), default=100)
    reserved_places = models.PositiveIntegerField(
        _("reserved places"),
        default=0,
        help_text=_("Places only staff can give (speakers, ministry), outside every quota."),
    )
    per_organisation_limit = models.PositiveIntegerField(
        _("people per association"),
        null=True,
        blank=True,
        help_text=_("Empty: no limit. People without an association are never limited."),
    )
    per_organisation_limit_until = models.DateTimeField(
        _("limit per association until"),
        null=True,
        blank=True,
        help_text=_("After this date every association may register more people."),
    )
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("copied from"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def is_visible(self) -> bool:
        return self.status in self.VISIBLE_STATUSES

    @property
    def is_over(self) -> bool:
        """After the meeting: its end (`ends_at`) has passed. The one definition of "after
        the meeting" (the personal page, its cancel and edit links, certificates)."""
        return self.ends_at <= timezone.now()

    @property
    def is_registration_open(self) -> bool:
        return self.status == self.Status.REGISTRATION_OPEN and self.ends_at > timezone.now()

    def organisation_limit_applies(self, at=None) -> bool:
        if not self.per_organisation_limit:
            return False
        if self.per_organisation_limit_until is None:
            return True
        return (at or timezone.now()) < self.per_organisation_limit_until

    def partner_list(self) -> list[str]:
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    def funder_list(self) -> list[str]:
        return [line.strip() for line in self.funders.splitlines() if line.strip()]


class ProgrammeItem(models.Model):
    """One point of the programme: a greeting, a keynote, lunch, the forums..."""

    class Kind(models.TextChoices):
        GREETING = "greeting", _("greeting")
        KEYNOTE = "keynote", _("keynote")
        PANEL = "panel", _("panel")
        FOOD = "food", _("food")
        FORUMS = "forums", _("forums")
        NETWORKING = "networking", _("networking round")
        OTHER = "other", _("other")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="programme_items", verbose_name=_("meeting")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    translations = TranslationsField()
    translated_fields = ("title", "description")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["starts_at", "position", "id"]

    def __str__(self):
        return self.title


class StagePerson(models.Model):
    """A person on stage in a programme item (or for the whole meeting: the photographer)."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("speaker")
        PANELLIST = "panellist", _("panellist")
        MODERATOR = "moderator", _("moderator")
        PHOTOGRAPHER = "photographer", _("photographer")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="stage_people", verbose_name=_("meeting")
    )
    programme_item = models.ForeignKey(
        ProgrammeItem,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="stage_people",
        verbose_name=_("programme item"),
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SPEAKER)
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stage_appearances",
        verbose_name=_("association"),
    )
    affiliation = models.CharField(
        _("affiliation"),
        max_length=300,
        blank=True,
        help_text=_("For people not from an association of the directory, e.g. a ministry."),
    )
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("person on stage")
        verbose_name_plural = _("people on stage")
        ordering = ["position", "id"]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    @property
    def affiliation_display(self) -> str:
        return self.organisation.name if self.organisation_id else self.affiliation
