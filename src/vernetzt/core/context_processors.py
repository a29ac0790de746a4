from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .models import SiteSettings


def site(request):
    """What every page's frame needs: the version, the language switcher's choices and the
    operating organisation (header, footer; cached, see SiteSettings.load)."""
    return {
        "VERSION": settings.VERSION,
        "SITE_LANGUAGES": settings.LANGUAGES,
        "site_settings": SimpleLazyObject(SiteSettings.load),
    }
