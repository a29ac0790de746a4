"""The API's refusals in one shape, `{"errors": {"<field or __all__>": ["message"]}}`.

Invalid input is 400 (never ninja's 422), a body that is not `application/json` is 415, a
missing object 404, a database that cannot be reached 503 with Retry-After. Installed on the
NinjaAPI by `vernetzt.api` (`install(api)`); here in core so that the messages are translated.
"""

import json

from django.db import DatabaseError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from ninja.errors import HttpError, ValidationError
from ninja.parser import Parser

from .views import database_unavailable, unavailable_response


class UnsupportedMediaType(Exception):
    pass


class JsonOnlyParser(Parser):
    """Bodies are JSON, sent as `application/json` (a form post or text/plain is refused)."""

    def parse_body(self, request):
        if request.content_type != "application/json":
            raise UnsupportedMediaType(request.content_type)
        return json.loads(request.body)


def _errors(request, errors: dict, status: int):
    return JsonResponse({"errors": errors}, status=status)


def _field_name(location) -> str:
    parts = [str(part) for part in location if part not in ("body", "payload", "query", "params")]
    return ".".join(parts) or "__all__"


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


def http_error(request, exc):
    if isinstance(exc.__cause__, UnsupportedMediaType):
        return _errors(
            request, {"__all__": [_("Please send the body as JSON (application/json).")]}, 415
        )
    if exc.status_code == 400:
        return _errors(request, {"__all__": [_("The body is not valid JSON.")]}, 400)
    return _errors(request, {"__all__": [str(exc)]}, exc.status_code)


def database_down(request, exc):
    if database_unavailable(exc):
        return unavailable_response(request)
    raise exc


def not_found(request, exc):
    return _errors(request, {"__all__": [_("Not found.")]}, 404)


def install(api) -> None:
    api.add_exception_handler(ValidationError, validation_error)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(DatabaseError, database_down)
    api.add_exception_handler(Http404, not_found)
