"""The hall's updates, answered before most of Django's middleware (decision 0187).

With a full hall, the updates of phones (every 3 s) and projectors (every second) are nearly
all requests. They are GETs without account or form: sessions, CSRF, authentication,
messages, the content security policy of pages, allauth and axes do nothing for them, and
together cost as much CPU as the answer itself. This middleware, right after Django's
SecurityMiddleware, hands GETs of exactly the two update addresses (`live:phone_part`,
`live:projector_part`) to their views, in the language of the visitor's language cookie (as
`core.middleware.LanguageMiddleware` keeps it), and passes everything else on.
"""

import re

from django.conf import settings
from django.http import Http404, HttpResponseNotFound
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from vernetzt.core.middleware import cookie_language

from .views import phone_part, projector_part

PLACEHOLDER = "livecodeplaceholder"
# An update is HTML for live.js, never a page: nothing in it may load or run.
POLICY = "default-src 'none'; frame-ancestors 'none'"


class LiveUpdatesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.routes = None

    def _routes(self):
        """The update addresses as patterns, from the URLconf (e.g. /live/<code>/neu/)."""
        routes = []
        views = (("live:phone_part", phone_part), ("live:projector_part", projector_part))
        for name, view in views:
            before, after = reverse(name, kwargs={"code": PLACEHOLDER}).split(PLACEHOLDER)
            pattern = re.compile(re.escape(before) + r"([-a-zA-Z0-9_]{1,50})" + re.escape(after))
            routes.append((pattern, view))
        return routes

    def __call__(self, request):
        if request.method == "GET":
            if self.routes is None:
                self.routes = self._routes()
            for pattern, view in self.routes:
                match = pattern.fullmatch(request.path)
                if match:
                    return self.answer(request, view, match.group(1))
        return self.get_response(request)

    def answer(self, request, view, code):
        request.get_host()  # an address not in ALLOWED_HOSTS: 400, as everywhere else
        # the cookie's language, as LanguageMiddleware (an update follows its page, which set
        # the cookie after a login if the profile's language differs)
        language = cookie_language(request) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = view(request, code)
        except Http404:
            response = HttpResponseNotFound()
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        response["Content-Security-Policy"] = POLICY
        response["X-Frame-Options"] = "DENY"
        return response
