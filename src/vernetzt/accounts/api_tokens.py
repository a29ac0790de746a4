"""Personal API tokens: create, revoke, and the bearer authentication of the API.

A token is `vzt_` + 43 random URL-safe characters (256 bits from `secrets`); the database
keeps only its SHA-256, so a leaked database does not leak tokens. The API acts as the person
who owns the token; what they may do is decided by the same rules as on the pages.
"""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from ninja.security import HttpBearer

from .models import ApiToken

PREFIX = "vzt_"
MAX_TOKENS_PER_PERSON = 20


class TokenError(Exception):
    pass


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_token(*, user, name: str = "") -> tuple[ApiToken, str]:
    """Create a token for `user`; returns the row and the token text (shown only once).

    Raises TokenError when the person already has MAX_TOKENS_PER_PERSON active tokens.
    """
    with transaction.atomic():
        active = ApiToken.objects.filter(user=user, revoked_at=None).count()
        if active >= MAX_TOKENS_PER_PERSON:
            raise TokenError("too many tokens")
        key = PREFIX + secrets.token_urlsafe(32)
        token = ApiToken.objects.create(
            user=user, name=name.strip()[:100], prefix=key[:10], key_hash=_hash(key)
        )
    return token, key


def revoke_api_token(*, user, token_id: int) -> bool:
    """Revoke one of `user`'s own tokens; False when it is not theirs or already revoked."""
    return bool(
        ApiToken.objects.filter(pk=token_id, user=user, revoked_at=None).update(
            revoked_at=timezone.now()
        )
    )


def user_for_token(key: str):
    """The active person of a token, or None (unknown, revoked, inactive person)."""
    if not key or not key.startswith(PREFIX) or len(key) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_hash(key), revoked_at=None, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


class TokenAuth(HttpBearer):
    """`Authorization: Bearer vzt_...` for django-ninja operations."""

    def authenticate(self, request, token):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user
