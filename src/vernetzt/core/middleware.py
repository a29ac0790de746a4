from django.conf import settings
from django.contrib.auth import get_user
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguageMiddleware:
    """German unless the visitor chose otherwise: cookie first, then the saved profile language.

    Replaces Django's LocaleMiddleware on purpose: the browser's Accept-Language is not used,
    so that the site is German by default (the network's common language) and a choice made
    with the switcher, kept in a cookie and in the profile, is the only thing that changes it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cookie_name = settings.LANGUAGE_COOKIE_NAME
        language = request.COOKIES.get(cookie_name, "")
        set_cookie = False
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
            if hasattr(request, "session") and request.session.session_key:
                # Runs before AuthenticationMiddleware; one query, only for a session
                # without a language cookie (for example the first page after logging in).
                user = get_user(request)
                saved = getattr(user, "language", "") if user.is_authenticated else ""
                if saved in dict(settings.LANGUAGES):
                    language, set_cookie = saved, True
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        if set_cookie:
            response.set_cookie(
                cookie_name,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
            )
        return response
