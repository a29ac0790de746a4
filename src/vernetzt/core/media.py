"""Uploaded files (MEDIA_URL) in production, from whichever storage holds them.

WhiteNoise serves only static files; uploads are served here, in every configuration: the
local file system (`make run`) or S3-compatible object storage shared by several servers
(`STORAGE_BACKEND=s3`, see docs/operations.md). Each app says which of its files may be seen
by whom, with an AppConfig method `media_access(request, name)` returning "public" (anyone),
"allowed" (this request may see it), "denied", or None (not my file). A file no app allows
is 404 for everyone but staff: private by default (photos without consent, exports).
"""

import mimetypes
import posixpath

from django.apps import apps
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

PUBLIC_CACHE = "public, max-age=3600"
PRIVATE_CACHE = "private, no-store"


def clean_name(path: str) -> str:
    """A storage name from the URL: no absolute paths, no '..', no backslashes."""
    name = posixpath.normpath("/" + (path or "").replace("\\", "/")).lstrip("/")
    if not name or name.startswith("..") or "\x00" in name:
        raise Http404
    return name


PUBLIC, ALLOWED, DENIED = "public", "allowed", "denied"


def access(request, name: str) -> str:
    """PUBLIC (anyone; browsers and proxies may cache it), ALLOWED (this request only) or
    DENIED. Staff may see every file; a file no app claims is for staff only."""
    answers = set()
    for config in apps.get_app_configs():
        check = getattr(config, "media_access", None)
        if check is not None:
            answers.add(check(request, name))
    answers.discard(None)
    user = getattr(request, "user", None)
    if DENIED not in answers and answers:
        return PUBLIC if answers == {PUBLIC} else ALLOWED
    if user is not None and user.is_authenticated and user.is_staff:
        return ALLOWED
    return DENIED


@require_GET
def serve(request, path):
    name = clean_name(path)
    verdict = access(request, name)
    if verdict == DENIED:
        raise Http404
    try:
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = PUBLIC_CACHE if verdict == PUBLIC else PRIVATE_CACHE
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    return response
