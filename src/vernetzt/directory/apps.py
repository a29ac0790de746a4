from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "vernetzt.directory"
    verbose_name = _("Directory")

    def my_area_sections(self, request):
        """My area (Mein Bereich) shows the person's associations, with what their entry still lacks."""
        from .my_area import sections

        return sections(request)
