"""Text no person types: NUL bytes, lone surrogates and bidirectional control characters.

NUL and lone surrogates are refused at the door (`RejectBadInputMiddleware`, 400).
Bidirectional embedding/override/isolate controls (U+202A-U+202E, U+2066-U+2069) are removed
from names and short texts on input by `strip_bidi` (the form fields of `core.fields` and the
services call it), so that a name cannot reorder the text around it; templates also isolate
user text with `<bdi>` or `dir="auto"`.
"""

import json
import re

from django.db import models
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BAD = re.compile("[\x00\ud800-\udfff]")
MAX_JSON_CHECK = 2 * 1024 * 1024  # bytes: larger JSON bodies are refused by the API anyway


def strip_bidi(value):
    """The text without bidirectional control characters (other values unchanged)."""
    if isinstance(value, str):
        return BIDI_CONTROLS.sub("", value)
    return value


def is_bad(text: str) -> bool:
    return bool(_BAD.search(text))


def _walk(value) -> bool:
    if isinstance(value, str):
        return is_bad(value)
    if isinstance(value, dict):
        return any(_walk(k) or _walk(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_walk(v) for v in value)
    return False


def _query_dict_bad(query) -> bool:
    return any(is_bad(key) or any(is_bad(v) for v in query.getlist(key)) for key in query)


def request_has_bad_text(request) -> bool:
    if is_bad(request.path_info) or is_bad(request.path):
        return True
    query = request.META.get("QUERY_STRING", "")
    if "%00" in query or "\x00" in query:
        return True
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        content_type = request.content_type or ""
        is_form = content_type in ("application/x-www-form-urlencoded", "multipart/form-data")
        # The API reads its own body (and refuses anything but JSON with 415).
        if is_form and not request.path.startswith("/api/"):
            try:
                if _query_dict_bad(request.POST):
                    return True
            except Exception:  # noqa: BLE001 - a broken body is the view's (or Django's) 400
                return False
        elif content_type == "application/json":
            try:
                body = request.body
            except Exception:  # noqa: BLE001 - too large: Django answers that itself
                return False
            if len(body) <= MAX_JSON_CHECK and (
                b"\\u0000" in body or b"\\ud" in body.lower() or b"\x00" in body
            ):
                try:
                    return _walk(json.loads(body))
                except (ValueError, UnicodeDecodeError):
                    return b"\x00" in body
    return False


def message() -> str:
    return _(
        "The request contains invisible control characters (a NUL byte or a broken "
        "character) that cannot be processed. Please remove them and try again."
    )


def bad_request_response(request):
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": {"__all__": [message()]}}, status=400)
    html = render_to_string(
        "core/error_plain.html",
        {"status": 400, "title": _("The request could not be understood"), "message": message()},
    )
    return HttpResponse(html, status=400)


def _short_text_fields(model) -> list[str]:
    cached = _FIELDS.get(model)
    if cached is None:
        cached = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField) and not field.choices
        ]
        _FIELDS[model] = cached
    return cached


_FIELDS: dict = {}


def strip_bidi_on_save(sender, instance, raw=False, **kwargs):
    """pre_save of every model of vernetzt: bidi controls out of names and short texts.

    Short texts are the CharFields (names, titles, pronouns, topics); long texts (TextField)
    keep what was written and are shown isolated (`dir="auto"`).
    """
    if raw or not sender.__module__.startswith("vernetzt."):
        return
    for attname in _short_text_fields(sender):
        value = getattr(instance, attname, None)
        if isinstance(value, str) and BIDI_CONTROLS.search(value):
            setattr(instance, attname, strip_bidi(value))
