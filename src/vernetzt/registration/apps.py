from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "vernetzt.registration"
    verbose_name = _("Registration")

    def copy_event_data(self, source, target, delta):
        """Copy the questions of a meeting to its copy (see events.services.copy_event)."""
        from .models import Question

        for question in Question.objects.filter(event=source):
            question.pk = None
            question.event = target
            question.save()

    def my_area_sections(self, request):
        """My area shows the person's registrations: personal links, tickets, certificates."""
        from .my_area import sections

        return sections(request)

    def staff_dashboard(self, event):
        """The staff dashboard of a meeting shows registration figures, a chart, districts."""
        from .dashboard import staff_dashboard

        return staff_dashboard(event)
