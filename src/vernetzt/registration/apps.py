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

    def personal_data(self, person):
        """Export and erasure: what this app holds about a person (see vernetzt.privacy)."""
        from .personal_data import personal_data

        return personal_data(person)

    def erase_personal_data(self, person):
        from .personal_data import erase_personal_data

        return erase_personal_data(person)
