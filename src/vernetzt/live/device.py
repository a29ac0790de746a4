"""The audience's phones: a random device id in a signed cookie, and a rate limit per device.

No account and no personal data: the id is random (`secrets.token_urlsafe`) and only ties
votes, questions and free-chair requests of one phone together.
"""

import secrets
import time

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


_polls: dict[str, tuple[int, int]] = {}  # per process: device -> (window, count)
POLL_KEYS_LIMIT = 20_000


def polls_flooding(device_id: str, *, limit: int, window_s: int = 60) -> bool:
    """Count one update of the device in this process's memory; True if it is over `limit`
    in the current window. A flood guard, not an exact count (decision 0187): a phone's
    updates spread over the workers, so a page that polls as live.js does stays far below,
    while a device asking many times a second is refused by every worker. No cache round
    trip: the hall's updates are the hot path."""
    window = int(time.monotonic() // window_s)
    known = _polls.get(device_id)
    count = known[1] + 1 if known and known[0] == window else 1
    if len(_polls) > POLL_KEYS_LIMIT:
        _polls.clear()
    _polls[device_id] = (window, count)
    return count > limit
