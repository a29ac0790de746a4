"""What accounts hold about a person (the account, its email addresses, login attempts) and
its erasure: the account is deleted (memberships, hosting roles and its admin-log entries go
with it; what it created for others stays without it)."""

from django.apps import apps
from django.contrib.auth import get_user_model


def _attempt_models():
    if not apps.is_installed("axes"):
        return []
    return [
        apps.get_model("axes", name) for name in ("AccessAttempt", "AccessLog", "AccessFailureLog")
    ]


def personal_data(person) -> dict:
    user = get_user_model().objects.filter(pk=person.user_id).first() if person.user_id else None
    data = {}
    if user is not None:
        data["account"] = {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "staff": user.is_staff,
            "funder": user.is_funder,
            "forum_host": user.is_forum_host,
            "joined_at": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        }
        if apps.is_installed("allauth.account"):
            EmailAddress = apps.get_model("account", "EmailAddress")
            data["email_addresses"] = [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ]
    if person.email:
        attempts = []
        for model in _attempt_models():
            for row in model.objects.filter(username__iexact=person.email):
                time = getattr(row, "attempt_time", None)
                attempts.append(
                    {"kind": model._meta.model_name, "at": time.isoformat() if time else None}
                )
        if attempts:
            data["login_records"] = attempts
    return data


def erase_personal_data(person) -> dict:
    counts = {}
    if person.email:
        records = 0
        for model in _attempt_models():
            records += model.objects.filter(username__iexact=person.email).delete()[0]
        counts["login records deleted"] = records
    if person.user_id:
        counts["accounts deleted"] = (
            1 if get_user_model().objects.filter(pk=person.user_id).delete()[0] else 0
        )
    return counts
