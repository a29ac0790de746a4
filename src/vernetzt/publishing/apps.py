from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "vernetzt.publishing"
    verbose_name = _("News and documentation")

    def staff_dashboard(self, event):
        """The staff dashboard of a meeting shows a documentation still in draft."""
        from .dashboard import staff_dashboard

        return staff_dashboard(event)
