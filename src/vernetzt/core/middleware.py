from django.conf import settings
from django.contrib.auth import get_user
from django.utils import translation
from django.utils.cache import patch_vary_headers

from . import bad_input, views


def cookie_language(request) -> str:
    """The language the visitor chose with the switcher (its cookie), or "" if none or unknown."""
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return language if language in dict(settings.LANGUAGES) else ""


class LanguageMiddleware:
    """German unless the visitor chose otherwise: cookie first, then the saved profile language.

    Replaces Django's LocaleMiddleware on purpose: the browser's Accept-Language is not used,
    so that the site is German by default (the network's common language) and a choice made
    with the switcher, kept in a cookie and in the profile, is the only thing that changes it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = cookie_language(request)
        set_cookie = False
        if not language:
            language = settings.LANGUAGE_CODE
            if hasattr(request, "session") and request.session.session_key:
                # Runs before AuthenticationMiddleware; one query, only for a session
                # without a language cookie (for example the first page after logging in).
                user = get_user(request)
                saved = getattr(user, "language", "") if user.is_authenticated else ""
                if saved in dict(settings.LANGUAGES):
                    language, set_cookie = saved, True
        # A downloaded PDF may be asked for in another language (`?lang=ar`): a ticket for a
        # relative, a documentation for a partner. The visitor's own choice stays as it is.
        asked = request.GET.get("lang", "")
        if request.path.endswith(".pdf") and asked in dict(settings.LANGUAGES):
            language, set_cookie = asked, False
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        if set_cookie:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
            )
        return response


class RejectBadInputMiddleware:
    """Answer 400 with a clear message for NUL bytes and lone surrogates, anywhere.

    Nobody types them; they come from broken clients or probes, and PostgreSQL refuses them
    in text (a 500 in any search, filter, form or token look-up). Checked here once for the
    path (token URLs too), the query, form fields and JSON bodies, so that no view of any
    app has to. The API gets JSON (`{"errors": {"__all__": [...]}}`), pages a 400 page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if bad_input.request_has_bad_text(request):
            return bad_input.bad_request_response(request)
        return self.get_response(request)


class PrivatePagesMiddleware:
    """`Cache-Control: private, no-store` on personal and staff pages.

    Personal: a URL with a token in it (the personal link, tickets, survey links) or a
    signed-in person's page; no shared cache or browser history keeps them. A response that
    says `public` itself (open data, map tiles) keeps its own header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "public" in response.get("Cache-Control", ""):
            return response
        match = getattr(request, "resolver_match", None)
        personal = bool(match and any("token" in name for name in match.kwargs))
        user = getattr(request, "user", None)
        if personal or (user is not None and user.is_authenticated):
            response["Cache-Control"] = "private, no-store"
        return response


class DebugErrorPageMiddleware:
    """With DEBUG on (`make run`), a 404 shows the site's own page, not Django's yellow one.

    Django answers a 404 with its technical page whenever DEBUG is on; a newcomer takes that
    for a crash. Only HTML 404s that are not already the site's page are replaced, so an API's
    JSON 404 stays as it is. Add `?technical` to the address to see Django's page anyway.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code == 404
            and not getattr(response, "is_site_error_page", False)
            and response.get("Content-Type", "").startswith("text/html")
            and "technical" not in request.GET
        ):
            return views.page_not_found(request)
        return response
