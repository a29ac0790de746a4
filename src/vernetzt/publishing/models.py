"""Photos of a meeting, its documentation, news posts ("Aktuelles").

Photo files are stored only after re-encoding (no EXIF, GPS, XMP or IPTC survive) under
random names; a photo marked `lacks_consent` is never shown to the public.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vernetzt.core.translations import TranslationsField


def photo_path(instance, filename):
    return f"photos/{instance.event_id}/{secrets.token_hex(16)}.jpg"


def news_image_path(instance, filename):
    return f"news/{secrets.token_hex(16)}.jpg"


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    RIGHTS = "rights-granted", _("all rights reserved, used with permission")


class Photo(models.Model):
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="photos", verbose_name=_("meeting")
    )
    image = models.ImageField(_("photo"), upload_to=photo_path)
    thumbnail = models.ImageField(upload_to=photo_path, editable=False)
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    credit = models.CharField(_("photo credit"), max_length=200)
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.RIGHTS
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    lacks_consent = models.BooleanField(
        _("shows people who did not agree to be photographed"),
        default=False,
        help_text=_("Such a photo is never published."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.caption or f"{_('photo')} {self.pk}"

    @property
    def publishable(self) -> bool:
        return not self.lacks_consent


class Documentation(models.Model):
    """The documentation of one meeting: assembled from data, with staff's text blocks."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    event = models.OneToOneField(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="documentation",
        verbose_name=_("meeting"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # German text blocks; other languages in `translations` (decisions 0130, 0134).
    greeting = models.TextField(_("greeting (German)"), blank=True, max_length=10000)
    summary = models.TextField(_("summary (German)"), blank=True, max_length=10000)
    thanks = models.TextField(_("thanks (German)"), blank=True, max_length=5000)
    translations = TranslationsField()
    translated_fields = ("greeting", "summary", "thanks")
    photos = models.ManyToManyField(
        Photo, blank=True, related_name="documentations", verbose_name=_("photos")
    )
    cover_photo = models.ForeignKey(
        Photo,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cover photo"),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("documentation")
        verbose_name_plural = _("documentations")

    def __str__(self):
        return f"{_('Documentation')}: {self.event}"

    def get_absolute_url(self):
        return reverse("publishing:documentation", kwargs={"slug": self.event.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class NewsPostQuerySet(models.QuerySet):
    def published(self, now=None):
        return self.filter(publish_at__lte=now or timezone.now())


class NewsPost(models.Model):
    title = models.CharField(_("title"), max_length=200)
    translations = TranslationsField()
    translated_fields = ("title", "teaser", "body", "image_alt")
    slug = models.SlugField(_("short address"), max_length=120, unique=True)
    teaser = models.TextField(_("teaser"), max_length=500)
    body = models.TextField(
        _("text"), max_length=20000, help_text=_("Blank lines make paragraphs.")
    )
    image = models.ImageField(_("teaser image"), upload_to=news_image_path, blank=True)
    image_alt = models.CharField(_("image description"), max_length=300, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)
    events = models.ManyToManyField(
        "events.Event", blank=True, related_name="news_posts", verbose_name=_("meetings")
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("Empty: draft. Now or earlier: published. Later: published at that time."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = NewsPostQuerySet.as_manager()

    class Meta:
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")
        ordering = ["-publish_at", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("publishing:news_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.publish_at is not None and self.publish_at <= timezone.now()

    def paragraphs(self) -> list[str]:
        return [block.strip() for block in self.body.split("\n\n") if block.strip()]
