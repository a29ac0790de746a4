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
