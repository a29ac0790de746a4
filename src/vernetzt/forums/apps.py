from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "vernetzt.forums"
    verbose_name = _("Forums")

    def ready(self):
        from . import rules  # noqa: F401

    def registration_sections(self, request, registration):
        """The personal page shows the forum choice and, once published, the forums."""
        from .views import personal_section

        return personal_section(request, registration)
