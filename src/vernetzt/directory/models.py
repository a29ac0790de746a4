from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """An association (Verein, MSO) of the network.

    Minimal for now; the directory issue adds profile fields, geography and visibility.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short address"), max_length=120, unique=True)
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
