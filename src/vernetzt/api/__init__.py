"""The JSON API (django-ninja): one NinjaAPI, each domain app adds its router here.

Every refusal has one shape, `{"errors": {"<field or __all__>": ["message", ...]}}`: invalid
input is 400 (never ninja's 422), a body that is not `application/json` is 415, and a
database that cannot be reached is 503 with Retry-After (see `core.views`).
"""

import json

from django.db import DatabaseError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.parser import Parser


class UnsupportedMediaType(Exception):
    pass


class JsonOnlyParser(Parser):
    """Bodies are JSON, sent as `application/json` (a form post or text/plain is refused)."""

    def parse_body(self, request):
        if request.content_type != "application/json":
            raise UnsupportedMediaType(request.content_type)
        return json.loads(request.body)


api = NinjaAPI(
    title="vernetzt API",
    version="1",
    urls_namespace="api",
    docs_url="/docs",
    description="Public and staff API of vernetzt. Public fields only for anonymous callers.",
    parser=JsonOnlyParser(),
)


def _errors(request, errors: dict, status: int):
    return api.create_response(request, {"errors": errors}, status=status)


def _field_name(location) -> str:
    parts = [str(part) for part in location if part not in ("body", "payload", "query", "params")]
    return ".".join(parts) or "__all__"


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        name = _field_name(error.get("loc", ()))
        if error.get("type") == "missing":
            message = _("This field is required.")
        else:
            message = _("This value is not valid: %(reason)s") % {"reason": error.get("msg", "")}
        errors.setdefault(name, []).append(message)
    return _errors(request, errors or {"__all__": [_("The request is not valid.")]}, 400)


@api.exception_handler(HttpError)
def http_error(request, exc):
    if isinstance(exc.__cause__, UnsupportedMediaType):
        return _errors(
            request, {"__all__": [_("Please send the body as JSON (application/json).")]}, 415
        )
    if exc.status_code == 400:
        return _errors(request, {"__all__": [_("The body is not valid JSON.")]}, 400)
    return _errors(request, {"__all__": [str(exc)]}, exc.status_code)


@api.exception_handler(DatabaseError)
def database_down(request, exc):
    from vernetzt.core.views import database_unavailable, unavailable_response

    if database_unavailable(exc):
        return unavailable_response(request)
    raise exc


@api.exception_handler(Http404)
def not_found(request, exc):
    return _errors(request, {"__all__": [_("Not found.")]}, 404)


# Imported after `api` exists: the routers are plain modules of their apps.
from vernetzt.directory.api import router as directory_router  # noqa: E402
from vernetzt.registration.api import router as events_router  # noqa: E402

api.add_router("", directory_router)
api.add_router("/events", events_router)
