from django.conf import settings


def site(request):
    """What every page's frame needs: the version and the language switcher's choices."""
    return {"VERSION": settings.VERSION, "SITE_LANGUAGES": settings.LANGUAGES}
