"""The documentation and the report as PDF (WeasyPrint), tagged for accessibility.

Tagged PDF/UA-1 through `vernetzt.core.pdf.write_pdf`, like every PDF of the site.
Published documentations are cached on disk per language and version.
"""

import hashlib
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from vernetzt.core.models import SiteSettings
from vernetzt.core.pdf import write_pdf


def render(template: str, context: dict, *, language: str) -> bytes:
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
    return write_pdf(html, base_url=str(settings.MEDIA_ROOT))


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
