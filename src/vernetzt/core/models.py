from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SitePage(models.Model):
    """A legal or informational page (Impressum, Datenschutz, Barrierefreiheit).

    Staff edit the text in the back office. The body is plain text with blank lines
    between paragraphs, so no HTML from the back office ever reaches a visitor.
    """

    class Slug(models.TextChoices):
        IMPRINT = "impressum", _("Legal notice")
        PRIVACY = "datenschutz", _("Privacy notice")
        ACCESSIBILITY = "barrierefreiheit", _("Accessibility statement")

    slug = models.CharField(_("page"), max_length=40, choices=Slug.choices)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="de"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"), help_text=_("Plain text. Separate paragraphs by a blank line.")
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        constraints = [
            models.UniqueConstraint(fields=["slug", "language"], name="sitepage_one_per_language")
        ]
        ordering = ["slug", "language"]

    def __str__(self):
        return f"{self.title} ({self.language})"


class SiteSettings(models.Model):
    """The operating organisation, set once by staff: the letterhead of certificates and the
    report (logo, name, address, signature line). One row (pk 1); see `SiteSettings.load()`."""

    organisation_name = models.CharField(_("name of the organisation"), max_length=200, blank=True)
    address = models.TextField(
        _("address"), max_length=500, blank=True, help_text=_("One line per line of the address.")
    )
    contact = models.CharField(
        _("contact line"),
        max_length=300,
        blank=True,
        help_text=_("E.g. phone, email and website, shown under the address."),
    )
    logo = models.ImageField(_("logo"), upload_to="site/", blank=True)
    signature_name = models.CharField(
        _("name under the signature line"), max_length=200, blank=True
    )
    signature_role = models.CharField(
        _("role under the signature line"), max_length=200, blank=True
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return self.organisation_name or str(_("site settings"))

    def save(self, *args, **kwargs):
        self.pk = 1  # one row only
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "SiteSettings":
        """The settings (an unsaved empty one when staff have not set them yet)."""
        return cls.objects.filter(pk=1).first() or cls()

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]
