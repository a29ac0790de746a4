from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


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


class Organisation(models.Model):
    """An association (Verein, MSO) of the network.

    The directory issue adds profile fields and visibility per group of fields.
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

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:detail", kwargs={"slug": self.slug})


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
