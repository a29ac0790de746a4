from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "vernetzt.events"
    verbose_name = _("Meetings")

    def home_context(self, request):
        from .services import next_meeting

        return {"next_meeting": next_meeting()}
