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

    def scheduled_jobs(self):
        """Reminders two days before a meeting; sensitive answers deleted 4 weeks after."""
        from vernetzt.core.schedule import Job

        from . import services

        return [
            Job(
                "registration.reminders",
                60,
                lambda: f"{services.queue_reminders(days_before=2)} reminders queued",
                "email the confirmed people of meetings in the next 2 days (once each)",
            ),
            Job(
                "registration.purge_sensitive_answers",
                24 * 60,
                lambda: f"{services.purge_sensitive_answers(weeks=4)} registrations purged",
                "delete dietary, accessibility and interpretation answers 4 weeks after",
            ),
        ]
