"""Checking and re-encoding uploaded logos (associations, the operating organisation).

Checked by content, not by name; SVG refused; size and pixels limited before decoding; the
pixels are saved anew, so that no EXIF, GPS, XMP or IPTC of the upload is kept (decision 0051).
"""

import io
import secrets

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = 4000 * 4000
LOGO_MAX_SIDE = 512
LOGO_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "png", "WEBP": "png"}


def clean_logo(upload):
    """Check by content (not by name), refuse SVG, big files and image bombs, strip metadata.

    Returns a new in-memory file with a random name (PNG or JPEG, at most 512 px).
    """
    if upload.size > LOGO_MAX_BYTES:
        raise ValidationError(_("The logo is too big: at most 2 MB."), code="too_big")
    head = upload.read(512)
    upload.seek(0)
    if b"<svg" in head.lower() or head.lstrip().startswith(b"<"):
        raise ValidationError(
            _("SVG and other drawings are not accepted. Please upload a PNG or JPEG file."),
            code="svg",
        )
    try:
        with Image.open(upload) as image:
            if image.format not in LOGO_FORMATS:
                raise ValidationError(_("Please upload a PNG, JPEG, GIF or WebP image."))
            if image.width * image.height > LOGO_MAX_PIXELS:
                raise ValidationError(
                    _("The image has too many pixels: at most 4000 × 4000."), code="pixels"
                )
            image.load()
            extension = LOGO_FORMATS[image.format]
            image = image.convert("RGBA" if extension == "png" else "RGB")
            image.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
            buffer = io.BytesIO()
            # Saving anew drops EXIF, GPS, XMP and IPTC: only the pixels are kept.
            image.save(buffer, format="PNG" if extension == "png" else "JPEG", quality=88)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("This file is not an image we can read. Please upload a PNG or JPEG file."),
            code="not_image",
        ) from error
    content_type = "image/png" if extension == "png" else "image/jpeg"
    return SimpleUploadedFile(
        f"{secrets.token_hex(16)}.{extension}", buffer.getvalue(), content_type=content_type
    )
