from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "vernetzt.core"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import pre_save

        from .bad_input import strip_bidi_on_save

        # One mechanism for every app: names and short texts lose bidi controls on input.
        pre_save.connect(strip_bidi_on_save, dispatch_uid="vernetzt.core.strip_bidi")

    def media_access(self, request, name):
        """The operating organisation's logo is public (header, footer, legal notice)."""
        if not name.startswith("site/"):
            return None
        from .models import SiteSettings

        logo = SiteSettings.load().logo
        return "public" if logo and logo.name == name else "denied"

    def scheduled_jobs(self):
        from django.contrib.sessions.models import Session
        from django.utils import timezone

        from .schedule import Job

        def clear_sessions():
            deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
            return f"{deleted} expired sessions deleted"

        return [Job("core.clear_sessions", 24 * 60, clear_sessions, "delete expired sessions")]
