"""The accessibility statement's facts (BITV 2.0 / HVBIT): status, known barriers, last check.

Keep KNOWN_BARRIERS in step with the section "Known barriers" of docs/accessibility.md.
"""

import datetime

from django.conf import settings
from django.utils.translation import gettext_lazy as _

CONFORMANCE = _(
    "This website is partly compatible with the Hessian regulation on accessible information "
    "technology (HVBIT, which refers to BITV 2.0 and EN 301 549, WCAG 2.1 AA), because of the "
    "barriers listed below."
)

KNOWN_BARRIERS = [
    _(
        "The interface in Arabic, Turkish, Ukrainian and Persian has not yet been reviewed by "
        "native speakers."
    ),
    _(
        "Some content (for example programme items or news) is only available in German. It is "
        "marked as German."
    ),
    _("People have not yet tested every page with screen readers (NVDA, VoiceOver, TalkBack)."),
    _("PDF files (tickets, badges, documentation) are not yet fully tagged for screen readers."),
    _("Sign-language videos explain only the main parts of the site."),
]

ENFORCEMENT_BODY = _(
    "Enforcement and monitoring body of the State Commissioner for Accessible IT in Hesse"
)
ENFORCEMENT_BODY_GERMAN = "Landesbeauftragte für barrierefreie IT"
ENFORCEMENT_URL = (
    "https://lbit.hessen.de/Durchsetzungs-und-Ueberwachungsstelle/Durchsetzungsverfahren-beantragen"
)


def last_check() -> datetime.date:
    return datetime.date.fromisoformat(settings.ACCESSIBILITY_LAST_CHECK)
