"""Writes of publishing: photos, documentation, news."""

import re

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vernetzt.core.translations import target_languages, translated

from . import images
from .models import Documentation, Photo

MAX_FILES_PER_UPLOAD = 300


class PublishingError(Exception):
    """A documentation cannot be published; the message gives the reason."""


def upload_photos(*, event, files, credit: str, licence: str, user=None) -> tuple[list, list]:
    """Store photos (and the photos inside ZIP archives) for a meeting.

    `files`: (name, bytes) pairs. Each photo is re-encoded (no EXIF/GPS/XMP kept) in a
    web size and a thumbnail under a random name. Bad files are skipped with a message;
    good ones are kept. Returns (photos, problems). Side effects: files in MEDIA_ROOT.
    """
    photos, problems = [], []
    queue = []
    for name, data in files:
        if name.lower().endswith(".zip") or data[:4] == b"PK\x03\x04":
            inner, inner_problems = images.unpack(name, data)
            queue += inner
            problems += inner_problems
        else:
            queue.append((name, data))
    if len(queue) > MAX_FILES_PER_UPLOAD:
        problems.append(
            _("Only %(max)s photos at once; the rest was not uploaded.")
            % {"max": MAX_FILES_PER_UPLOAD}
        )
        queue = queue[:MAX_FILES_PER_UPLOAD]
    for name, data in queue:
        try:
            processed = images.process(name[:200], data)
        except images.ImageRejected as error:
            problems.append(str(error))
            continue
        photo = Photo(
            event=event,
            credit=credit[:200],
            licence=licence,
            uploaded_by=user,
            width=processed.width,
            height=processed.height,
        )
        photo.image.save("photo.jpg", ContentFile(processed.web), save=False)
        photo.thumbnail.save("thumb.jpg", ContentFile(processed.thumbnail), save=False)
        photo.save()
        photos.append(photo)
    return photos, problems


def delete_photo(*, photo: Photo) -> None:
    """Remove a photo and its files."""
    image, thumbnail = photo.image, photo.thumbnail
    photo.delete()
    for field in (image, thumbnail):
        if field:
            field.storage.delete(field.name)


def default_texts(event) -> dict:
    """Starting text blocks for a new documentation, for staff to rewrite."""
    return {
        "greeting": (
            f"Liebe Leserinnen und Leser, diese Dokumentation fasst das Treffen "
            f"„{event.title}“ zusammen. [Bitte hier die Begrüßung des Kompetenzzentrums "
            f"schreiben.]"
        ),
        "summary": "",
        "thanks": "Wir danken allen Vereinen, Mitwirkenden, Partnern und Förderern.",
    }


def get_or_create_documentation(*, event) -> Documentation:
    """The meeting's documentation; a new one starts as a draft with all publishable photos."""
    with transaction.atomic():
        documentation, created = Documentation.objects.get_or_create(
            event=event, defaults=default_texts(event)
        )
        if created:
            photos = list(event.photos.filter(lacks_consent=False))
            documentation.photos.set(photos)
            if photos:
                documentation.cover_photo = photos[0]
                documentation.save(update_fields=["cover_photo"])
    return documentation


def consent_problems(documentation: Documentation) -> list[str]:
    """Reasons why the documentation must not be published (photos without consent)."""
    problems = []
    chosen = list(documentation.photos.filter(lacks_consent=True))
    if documentation.cover_photo_id and documentation.cover_photo.lacks_consent:
        chosen.append(documentation.cover_photo)
    for photo in dict.fromkeys(chosen):
        problems.append(
            _(
                "Photo “%(photo)s” (by %(credit)s) shows people who did not agree to be "
                "photographed. Remove it from the documentation first."
            )
            % {"photo": photo.caption or photo.pk, "credit": photo.credit}
        )
    return problems


# Text that says "not written yet": a documentation with it is not published.
PLACEHOLDERS = re.compile(
    r"lorem ipsum|\b(todo|tbd|xxx|fixme)\b|platzhalter|placeholder|\[\s*(text|\.\.\.|…)\s*\]",
    re.IGNORECASE,
)
TEXT_BLOCKS = ("greeting", "summary", "thanks")


def placeholder_problems(documentation: Documentation) -> list[str]:
    """Reasons not to publish: a text block (German or a translation shown to visitors) that
    still holds placeholder text."""
    problems = []
    for block in TEXT_BLOCKS:
        field = Documentation._meta.get_field(block)
        texts = [getattr(documentation, block)] + [
            translated(documentation, block, language).text for language in target_languages()
        ]
        if any(PLACEHOLDERS.search(text or "") for text in texts):
            problems.append(
                _("“%(field)s” still contains placeholder text.") % {"field": field.verbose_name}
            )
    return problems


def empty_sections(documentation: Documentation) -> list[str]:
    """Warnings: German text blocks left empty (their section is left out of the page)."""
    return [
        str(Documentation._meta.get_field(block).verbose_name)
        for block in TEXT_BLOCKS
        if not (getattr(documentation, block) or "").strip()
    ]


def publish_documentation(*, documentation: Documentation) -> Documentation:
    """Publish the web page and PDF. Raises PublishingError with the reasons when a chosen
    photo lacks consent or a text block holds placeholder text; nothing is changed then."""
    with transaction.atomic():
        documentation = Documentation.objects.select_for_update().get(pk=documentation.pk)
        problems = consent_problems(documentation) + placeholder_problems(documentation)
        if problems:
            raise PublishingError(" ".join(problems))
        documentation.status = Documentation.Status.PUBLISHED
        documentation.published_at = documentation.published_at or timezone.now()
        documentation.save(update_fields=["status", "published_at", "updated_at"])
    return documentation


def unpublish_documentation(*, documentation: Documentation) -> Documentation:
    """Take the documentation back to draft (web page and PDF are no longer public)."""
    documentation.status = Documentation.Status.DRAFT
    documentation.save(update_fields=["status", "updated_at"])
    return documentation
