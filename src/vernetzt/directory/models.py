from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from vernetzt.core.translations import fingerprint

from .enums import (
    EXTRA_LANGUAGES,
    FIELDS_OF_ACTIVITY,
    TARGET_GROUPS,
    LegalForm,
    MembersRange,
    TermKind,
    Visibility,
)
from .search import build_search_text


class District(models.Model):
    """A Landkreis or kreisfreie Stadt, with its outline for the district map.

    Loaded from the shipped offline geodata (see geodata/README.md); `state` keeps the
    model ready for other states.
    """

    class Kind(models.TextChoices):
        RURAL = "Landkreis", _("district (Landkreis)")
        URBAN = "kreisfreie Stadt", _("independent city (kreisfreie Stadt)")

    key = models.CharField(_("official key"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    state = models.CharField(_("state"), max_length=2, default="HE")
    outline = models.JSONField(_("outline (GeoJSON geometry)"), null=True, blank=True)

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["name", "key"]

    def __str__(self):
        if self.kind == self.Kind.RURAL and not self.name.startswith(("Landkreis", "Kreis")):
            return f"{self.name} ({self.get_kind_display()})"
        return self.name


class Municipality(models.Model):
    """A Gemeinde with its official key (AGS) and a point for the map."""

    key = models.CharField(_("official key"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=120)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="municipalities")
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name", "key"]

    def __str__(self):
        return self.name

    @property
    def other_district(self):
        """The district, unless the place is a city that is its own district (then None)."""
        return None if str(self.district) == self.name else self.district


class Term(models.Model):
    """One entry of the shared vocabulary: a field of activity, a target group or a language.

    Labels come from the code (translated), so the rows only hold stable slugs.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=TermKind.choices)
    slug = models.SlugField(_("key"), max_length=40)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["kind", "slug"]
        constraints = [models.UniqueConstraint(fields=["kind", "slug"], name="term_unique")]

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        if self.kind == TermKind.FIELD:
            return FIELDS_OF_ACTIVITY.get(self.slug, self.slug)
        if self.kind == TermKind.TARGET:
            return TARGET_GROUPS.get(self.slug, self.slug)
        if self.slug in EXTRA_LANGUAGES:
            return EXTRA_LANGUAGES[self.slug]
        try:
            return get_language_info(self.slug)["name_translated"]
        except KeyError:
            return self.slug


class Organisation(models.Model):
    """An association (Verein, MSO) of the network.

    Fields come in groups (see enums.GROUP_FIELDS); each group has its own visibility.
    `visibility.visible_fields` is the one place that decides who sees what.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for verification")
        VERIFIED = "verified", _("verified")
        ARCHIVED = "archived", _("archived")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short address"), max_length=120, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipality"),
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown in the public directory.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    legal_form = models.CharField(
        _("legal form"), max_length=20, choices=LegalForm.choices, blank=True
    )
    register_number = models.CharField(
        _("register number"), max_length=40, blank=True, help_text=_("For example VR 1234.")
    )
    founding_year = models.PositiveSmallIntegerField(_("founding year"), null=True, blank=True)
    description = models.TextField(_("description (German)"), max_length=4000, blank=True)
    description_translations = models.JSONField(
        _("description in other languages"), default=dict, blank=True
    )
    # Shown through the site's one content-translation mechanism (vernetzt.core.translations):
    # the association writes every language itself, so each text counts as a person's.
    translated_fields = ("description",)

    fields = models.ManyToManyField(
        Term,
        blank=True,
        related_name="organisations_by_field",
        limit_choices_to={"kind": TermKind.FIELD},
        verbose_name=_("fields of activity"),
    )
    target_groups = models.ManyToManyField(
        Term,
        blank=True,
        related_name="organisations_by_target",
        limit_choices_to={"kind": TermKind.TARGET},
        verbose_name=_("target groups"),
    )
    languages = models.ManyToManyField(
        Term,
        blank=True,
        related_name="organisations_by_language",
        limit_choices_to={"kind": TermKind.LANGUAGE},
        verbose_name=_("languages spoken"),
    )
    street = models.CharField(_("street and number"), max_length=120, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    latitude = models.FloatField(
        _("exact latitude"),
        null=True,
        blank=True,
        help_text=_("Optional; else the municipality's."),
    )
    longitude = models.FloatField(_("exact longitude"), null=True, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    social_links = models.JSONField(_("social media links"), default=list, blank=True)
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Never shown: the contact form sends messages to this address."),
    )
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    members_range = models.CharField(
        _("number of members"), max_length=10, choices=MembersRange.choices, blank=True
    )

    visibility_profile = models.CharField(
        _("who sees the profile details"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    visibility_contact = models.CharField(
        _("who sees website and social media"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    visibility_address = models.CharField(
        _("who sees the address"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.STAFF,
    )
    visibility_members = models.CharField(
        _("who sees the number of members"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.STAFF,
    )

    # Lower-case words that the public may search for (public fields only); kept by save().
    search_text = models.TextField(editable=False, blank=True, default="")
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_duplicates",
        verbose_name=_("merged into"),
    )

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["is_published", "status", "name"], name="organisation_listed"),
            models.Index(fields=["register_number"], name="organisation_register"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = build_search_text(self)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("directory:detail", kwargs={"slug": self.slug})

    @property
    def translations(self) -> dict:
        return {
            code: {
                "description": {
                    "text": text,
                    "status": "human",
                    "source": fingerprint(self.description),
                }
            }
            for code, text in (self.description_translations or {}).items()
            if text
        }

    @property
    def is_listed(self) -> bool:
        """Shown in the public directory: published and not archived."""
        return self.is_published and self.status != self.Status.ARCHIVED


class Membership(models.Model):
    """Links a person to an association. Admins keep the profile; members act for it."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("association admin")
        MEMBER = "member", _("member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class HistoryEntry(models.Model):
    """What happened to an association (verified, merged, archived, imported): kept for staff."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="history")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    text = models.CharField(_("what happened"), max_length=300)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history entries")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.text


class Invitation(models.Model):
    """An emailed link that makes a colleague a member (or admin) of an association."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(
        _("role"), max_length=20, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.organisation}"
