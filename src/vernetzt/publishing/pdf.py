"""The documentation and the report as PDF (WeasyPrint), tagged for accessibility.

WeasyPrint writes PDF/UA-1 (`pdf_variant="pdf/ua-1"`: tagged structure, document language,
title); where the installed version cannot, tagged PDF (`pdf_tags=True`) is the fallback.
Published documentations are cached on disk per language and version.
"""

import hashlib
import logging
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from vernetzt.core.models import SiteSettings

logger = logging.getLogger(__name__)


def render(template: str, context: dict, *, language: str) -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(
            template,
            {
                "site_settings": SiteSettings.load(),
                **context,
                "pdf": True,
                "LANGUAGE_CODE": language,
            },
        )
    document = HTML(string=html, base_url=str(settings.MEDIA_ROOT))
    for options in ({"pdf_variant": "pdf/ua-1"}, {"pdf_tags": True}, {}):
        try:
            return document.write_pdf(**options)
        except (TypeError, ValueError) as error:
            logger.info("PDF option %s not available: %s", options, error)
    raise RuntimeError("unreachable")


def cached(key_parts: list, build) -> bytes:
    """Bytes from the cache folder, built once per key."""
    folder = Path(settings.DATA_DIR) / "cache" / "pdf"
    folder.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256("|".join(map(str, key_parts)).encode()).hexdigest()[:32]
    path = folder / f"{key}.pdf"
    if path.exists():
        return path.read_bytes()
    data = build()
    temporary = path.with_suffix(".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return data
