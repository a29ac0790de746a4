"""Every PDF of the site through one function: tagged for accessibility (PDF/UA-1).

WeasyPrint writes PDF/UA-1 (`pdf_variant="pdf/ua-1"`: tagged structure, document language from
`<html lang>`, title from `<title>`); where an installed version cannot, tagged PDF
(`pdf_tags=True`) is the fallback, so a ticket or a badge sheet is never untagged.
"""

import logging

logger = logging.getLogger(__name__)


def write_pdf(html: str, *, base_url: str) -> bytes:
    from weasyprint import HTML  # noqa: PLC0415 - loads Pango; only PDF requests pay for it

    document = HTML(string=html, base_url=base_url)
    for options in ({"pdf_variant": "pdf/ua-1"}, {"pdf_tags": True}):
        try:
            return document.write_pdf(**options)
        except (TypeError, ValueError) as error:
            logger.info("PDF option %s not available: %s", options, error)
    return document.write_pdf()
