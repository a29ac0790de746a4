from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "vernetzt.feedback"
    verbose_name = _("Feedback surveys")

    def my_area_sections(self, request):
        """My area (Mein Bereich) shows open surveys the person was invited to."""
        from .my_area import sections

        return sections(request)
