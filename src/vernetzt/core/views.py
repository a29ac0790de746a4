"""Pages of the site's frame: home, health check, legal pages, language switch, errors."""

import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language as django_set_language

from . import devmail
from .hooks import ask_apps
from .models import SitePage


def home(request):
    """The front page. Other apps add their part through `AppConfig.home_context(request)`."""
    context = {}
    for part in ask_apps("home_context", request):
        context.update(part)
    return render(request, "core/home.html", context)


@never_cache
@require_GET
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 with the reason."""
    payload = {"status": "ok", "database": "ok", "version": settings.VERSION}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        payload.update(status="error", database=f"unreachable: {type(error).__name__}")
        return JsonResponse(payload, status=503, headers={"Retry-After": "30"})
    return JsonResponse(payload)


def site_page(request, slug, form=None):
    """A legal page in the visitor's language where staff translated it, otherwise the German
    original marked as such (decision 0134).

    The accessibility statement adds what BITV asks for: conformance status, known barriers,
    the date of the last check, a feedback form and the enforcement body.
    """
    page = SitePage.objects.filter(slug=slug).first()
    if page is None:
        raise Http404
    context = {"page": page}
    if slug == SitePage.Slug.ACCESSIBILITY:
        from . import accessibility  # noqa: PLC0415
        from .forms import BarrierReportForm  # noqa: PLC0415

        context.update(
            statement=accessibility,
            last_check=accessibility.last_check(),
            form=form or BarrierReportForm(),
        )
    return render(request, "core/site_page.html", context, status=400 if form else 200)


@require_POST
def set_language(request):
    """Django's language switch (cookie), also saved in a signed-in user's profile."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if (
        request.user.is_authenticated
        and language in dict(settings.LANGUAGES)
        and request.user.language != language
    ):
        request.user.language = language
        request.user.save(update_fields=["language"])
    if isinstance(response, HttpResponseRedirect):
        return response
    return HttpResponseRedirect("/")


def database_unavailable(error) -> bool:
    return isinstance(error, (OperationalError, InterfaceError))


def unavailable_response(request, retry_after: int = 30):
    """The answer while the database is down: JSON for the API, a plain page otherwise.

    Rendered without the request context: the context processors would need the database.
    """
    message = _("vernetzt is briefly unavailable. Please try again in a minute.")
    if request.path.startswith("/api/"):
        response = JsonResponse({"errors": {"__all__": [message]}}, status=503)
    else:
        html = render_to_string(
            "core/error_plain.html",
            {"status": 503, "title": _("Briefly unavailable"), "message": message},
        )
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def _error(request, status, title, message, exception=None):
    response = render(
        request,
        "core/error.html",
        {"status": status, "title": title, "message": message},
        status=status,
    )
    response.is_site_error_page = True  # see DebugErrorPageMiddleware
    return response


def bad_request(request, exception=None):
    return _error(
        request,
        400,
        _("The request could not be understood"),
        _("Please go back and try again. If the problem stays, reload the page first."),
    )


def permission_denied(request, exception=None):
    return _error(
        request,
        403,
        _("You may not open this page"),
        _(
            "This page belongs to another association or to the team. Log in with the right "
            "account, or go back to the start page."
        ),
    )


def page_not_found(request, exception=None):
    return _error(
        request,
        404,
        _("Page not found"),
        _(
            "The address may be mistyped or the page may have moved. "
            "Start again from the start page."
        ),
    )


def server_error(request):
    """500, or 503 with Retry-After when the database cannot be reached (never a traceback)."""
    if database_unavailable(sys.exc_info()[1]):
        return unavailable_response(request)
    return _error(
        request,
        500,
        _("Something went wrong on our side"),
        _("Nothing you did caused this. Please try again in a few minutes; we have been told."),
    )


def csrf_failure(request, reason=""):
    return _error(
        request,
        403,
        _("The form had expired"),
        _(
            "For your safety, forms only work for a while and only from this site. Go back, "
            "reload the page and send the form again."
        ),
    )


# Kept out of search engines: personal links, staff pages, accounts, the API, the hall's pages.
ROBOTS_DISALLOW = (
    "/veranstaltungen/*/anmeldung/",
    "/veranstaltungen/*/verwaltung/",
    "/veranstaltungen/*/einlass/",
    "/verzeichnis/verwaltung/",
    "/verzeichnis/*/bearbeiten/",
    "/verwaltung/",
    "/konto/",
    "/api/",
    "/live/",
    "/foren/",
    "/veranstaltungen/*/foren/",
    "/umfrage/",
    "/berichte/",
    "/entwicklung/",
)


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _development_only():
    if not settings.DEBUG:
        raise Http404


@require_GET
def dev_emails(request):
    """`make run` only: the emails the site would have sent, newest first."""
    _development_only()
    return render(request, "core/dev/emails.html", {"emails": devmail.saved_emails()})


@require_GET
def dev_email(request, stem):
    _development_only()
    email = devmail.saved_email(stem)
    if email is None:
        raise Http404
    return render(request, "core/dev/email.html", {"email": email})
