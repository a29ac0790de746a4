from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's emails (login codes) in the recipient's saved language."""

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        language = getattr(user, "language", None) or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)


def axes_username(request, credentials=None):
    """The email django-axes counts failures for: allauth passes it as `email`."""
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username") or request.POST.get("login")
    return (value or "").strip().lower() or None
