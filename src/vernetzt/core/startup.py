"""Checks before a server starts: a production server never runs with a public key."""

import sys

from django.conf import settings


def require_secret_key() -> None:
    """With DEBUG off, stop (one line on standard error) if SECRET_KEY is unset or the default."""
    if settings.DEBUG:
        return
    if not settings.SECRET_KEY or settings.SECRET_KEY == settings.DEV_SECRET_KEY:
        sys.stderr.write(
            "vernetzt: SECRET_KEY is not set; set the environment variable SECRET_KEY to a long "
            "random value (python3 -c 'import secrets; print(secrets.token_urlsafe(50))').\n"
        )
        raise SystemExit(1)
