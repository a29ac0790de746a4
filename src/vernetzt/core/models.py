import base64
import contextlib
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, models, transaction
from django.utils.translation import gettext_lazy as _

from .translations import TranslationsField


class SitePage(models.Model):
    """A legal or informational page (Impressum, Datenschutz, Barrierefreiheit).

    Staff write the German text in the back office and its translations on the staff page
    "Translations" (decision 0130): one row per page, German in `title` and `body`. The body is
    plain text with blank lines between paragraphs, so no HTML from the back office ever
    reaches a visitor.
    """

    class Slug(models.TextChoices):
        IMPRINT = "impressum", _("Legal notice")
        PRIVACY = "datenschutz", _("Privacy notice")
        ACCESSIBILITY = "barrierefreiheit", _("Accessibility statement")

    slug = models.CharField(_("page"), max_length=40, choices=Slug.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"), help_text=_("Plain text. Separate paragraphs by a blank line.")
    )
    translations = TranslationsField()
    translated_fields = ("title", "body")
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        ordering = ["slug"]

    def __str__(self):
        return self.title


class EasyReadPage(models.Model):
    """A page in Leichte Sprache (easy-to-read German), linked from every page's footer.

    Plain text like the legal pages: blank lines between paragraphs, a line starting with
    "- " is an item of a list. `explains` ties a page to a part of the site that links to it.
    """

    class Explains(models.TextChoices):
        HOME = "home", _("the start page")
        REGISTRATION = "registration", _("the registration")
        LIVE = "live", _("the live room")
        OTHER = "other", _("something else")

    slug = models.SlugField(_("short address"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(
        _("text"),
        max_length=20000,
        help_text=_(
            "Plain text. A blank line starts a new paragraph; "
            "'- ' at the start of a line makes a list."
        ),
    )
    explains = models.CharField(
        _("explains"), max_length=20, choices=Explains.choices, default=Explains.OTHER
    )
    position = models.PositiveIntegerField(_("order"), default=0)
    is_published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("page in Leichte Sprache")
        verbose_name_plural = _("pages in Leichte Sprache")
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def blocks(self) -> list[dict]:
        """Paragraphs and lists of the text, for the template."""
        result = []
        for block in self.body.replace("\r\n", "\n").split("\n\n"):
            lines = [line.strip() for line in block.splitlines() if line.strip()]
            if not lines:
                continue
            if all(line.startswith("- ") for line in lines):
                result.append({"items": [line[2:] for line in lines]})
            else:
                result.append({"lines": lines})
        return result


def sign_language_path(instance, filename):
    suffix = filename.rsplit(".", 1)[-1].lower()[:5] if "." in filename else "bin"
    return f"gebaerdensprache/{secrets.token_hex(8)}.{suffix}"


class SignLanguageVideo(models.Model):
    """A video in German Sign Language (DGS) on the sign-language page.

    Uploads are checked (at least 320x240 pixels and 25 frames per second, BITV 2.0); the
    measured size and rate are stored. Captions are an optional WebVTT file.
    """

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what the video says"), max_length=3000, blank=True)
    video = models.FileField(_("video"), upload_to=sign_language_path)
    captions = models.FileField(_("captions (WebVTT)"), upload_to=sign_language_path, blank=True)
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    frame_rate = models.FloatField(editable=False, default=0)
    position = models.PositiveIntegerField(_("order"), default=0)
    is_published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("sign-language video")
        verbose_name_plural = _("sign-language videos")
        ordering = ["position", "title"]

    def __str__(self):
        return self.title


class AccessibilityFeedback(models.Model):
    """A barrier reported through the form of the accessibility statement."""

    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email address"))
    page = models.CharField(_("page with the barrier"), max_length=500, blank=True)
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(
        _("language of the answer"), max_length=10, choices=settings.LANGUAGES, default="de"
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    answered = models.BooleanField(_("answered"), default=False)

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} ({self.created_at:%Y-%m-%d})"


SITE_SETTINGS_CACHE = "core:site-settings:v1"


def _forget_site_settings():
    # DatabaseError: the database cache's table is not created yet, so nothing is cached
    with contextlib.suppress(DatabaseError):
        cache.delete(SITE_SETTINGS_CACHE)


class SiteSettings(models.Model):
    """The operating organisation, set once by staff on `/verwaltung/einstellungen/`: shown in
    the header, footer, every email, the Impressum, and as the letterhead of certificates and
    the report (logo, name, address, signature line). One row (pk 1); read it with
    `SiteSettings.load()`, which is cached and refreshed on save (decision 0186)."""

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
        _forget_site_settings()  # this process sees the change at once, ...
        transaction.on_commit(_forget_site_settings)  # ... others once it is committed

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        _forget_site_settings()
        transaction.on_commit(_forget_site_settings)
        return result

    @classmethod
    def load(cls) -> "SiteSettings":
        """The settings (an unsaved empty one when staff have not set them yet).

        From the shared cache; at most one query when it is empty. Saving clears it (after the
        commit, so that no other request caches the old row meanwhile)."""
        try:
            found = cache.get(SITE_SETTINGS_CACHE)
        except DatabaseError:  # the database cache's table is not created yet (`make demo`)
            return cls.objects.filter(pk=1).first() or cls()
        if found is None:
            found = cls.objects.filter(pk=1).first() or cls()
            cache.set(SITE_SETTINGS_CACHE, found, timeout=None)
        return found

    @property
    def is_set(self) -> bool:
        return bool(self.organisation_name)

    def logo_data_uri(self) -> str:
        """The logo as a data: URI for the PDFs, read through the storage, so it works with
        the file system and with S3 alike (a file path exists only on the file system)."""
        if not self.logo:
            return ""
        try:
            with self.logo.open("rb") as handle:
                data = handle.read()
        except OSError:  # the file is gone: the letterhead goes without a logo
            return ""
        kind = "png" if self.logo.name.lower().endswith(".png") else "jpeg"
        return f"data:image/{kind};base64,{base64.b64encode(data).decode()}"

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]
