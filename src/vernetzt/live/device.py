"""The audience's phones: a random device id in a signed cookie, and a rate limit per device.

No account and no personal data: the id is random (`secrets.token_urlsafe`) and only ties
votes, questions and free-chair requests of one phone together.
"""

import secrets

from django.core import signing

from vernetzt.core.ratelimits import limited_key

COOKIE = "vz_live_device"
SALT = "vernetzt.live.device"
MAX_AGE = 60 * 60 * 24 * 30


def read_device_id(request) -> str | None:
    """The device id of the request's signed cookie, or None (missing or forged)."""
    try:
        value = request.get_signed_cookie(COOKIE, default=None, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if value and 16 <= len(value) <= 64:
        return value
    return None


def ensure_device_id(request) -> str:
    """The request's device id; a new one (remembered on the request) if it has none."""
    device_id = read_device_id(request) or getattr(request, "_live_new_device", None)
    if device_id is None:
        device_id = secrets.token_urlsafe(18)
        request._live_new_device = device_id
    return device_id


def remember_device(request, response):
    """Set the cookie on the response if the request got a new device id."""
    device_id = getattr(request, "_live_new_device", None)
    if device_id:
        response.set_signed_cookie(
            COOKIE,
            device_id,
            salt=SALT,
            max_age=MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def rate_limited(*, key: str, limit: int, window_s: int) -> bool:
    """Count one action for `key` in a fixed window; True if it is over `limit`.

    Counted by django-ratelimit in the shared cache (`core.ratelimits`), so every worker sees
    the same count.
    """
    return limited_key("live", key, f"{limit}/{window_s}s")
