"""Every rate limit of vernetzt in one place, counted in the shared cache (django-ratelimit).

The counts live in the configured cache (Redis in production), so five workers allow what
one allows. The limits are in `settings.RATE_LIMITS` ("count/period", django-ratelimit's
syntax); docs/operations.md lists them with their reasons. Logins and login codes are
limited by django-allauth (same cache) and django-axes (failed logins, database).

The client address: the connection's address (REMOTE_ADDR), or, behind a reverse proxy, the
header that proxy sets (`TRUSTED_PROXY_HEADER`, for example X-Real-IP). No header a client
can set is ever trusted by default.
"""

import ipaddress

from django.conf import settings
from django_ratelimit.core import get_usage


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or the configured trusted proxy header."""
    header = getattr(settings, "TRUSTED_PROXY_HEADER", "")
    address = ""
    if header:
        value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        # X-Forwarded-For: the last entry is the one our proxy added.
        address = value.split(",")[-1].strip() if value else ""
    if not address:
        address = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"  # noqa: S104 - a key only
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return "0.0.0.0"  # noqa: S104 - an unparsable address shares one bucket


def axes_client_ip(request) -> str:
    return client_ip(request)


def _rates(name: str) -> list[str]:
    return [rate.strip() for rate in settings.RATE_LIMITS[name].split(",") if rate.strip()]


def limited(request, name: str, *, key: str | None = None) -> bool:
    """Count one action of `name` and say whether it is over a limit.

    `key` is what is counted (default: the client's address); every rate of the limit
    (for example "30/m,300/h") is counted and checked.
    """
    value = key if key is not None else client_ip(request)
    over = False
    for rate in _rates(name):
        usage = get_usage(
            request,
            group=f"vernetzt:{name}",
            key=lambda _group, _request, value=value: value,
            rate=rate,
            increment=True,
        )
        if usage is not None and usage["should_limit"]:
            over = True
    return over


class _NoRequest:
    """For limits keyed by something other than a request (the live room's devices)."""

    method = "POST"


def limited_key(name: str, key: str, rate: str) -> bool:
    """Count one action for `key` with `rate` ("count/period"); True if it is over."""
    usage = get_usage(
        _NoRequest(), group=f"vernetzt:{name}", key=lambda _g, _r: key, rate=rate, increment=True
    )
    return bool(usage and usage["should_limit"])
