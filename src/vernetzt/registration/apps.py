from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "vernetzt.registration"
    verbose_name = _("Registration")

    # AppConfig hooks import on call: apps.py is loaded before the models are ready.

    def ready(self):
        # ready() runs once the models are loaded: the place for modules that use them.
        # `self.tasks` lets services queue tasks without importing them (core.background).
        from . import tasks

        self.tasks = tasks

    def event_page_context(self, event) -> dict:
        """The public page of a meeting shows how many places are left."""
        from .queries import places_left

        return {"places_left": places_left(event)}

    def event_saved(self, event, *, created, previous_capacity):
        """A new meeting gets the built-in questions; more places move the waiting list up."""
        from .services import ensure_builtin_questions, promote_waiting

        if created:
            ensure_builtin_questions(event=event)
        elif event.capacity > previous_capacity:
            promote_waiting(event=event)

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

    def personal_data(self, person):
        """Export and erasure: what this app holds about a person (see vernetzt.privacy)."""
        from .personal_data import personal_data

        return personal_data(person)

    def erase_personal_data(self, person):
        from .personal_data import erase_personal_data

        return erase_personal_data(person)

    def my_area_sections(self, request):
        """My area shows the person's registrations: personal links, tickets, certificates."""
        from .my_area import sections

        return sections(request)

    def staff_dashboard(self, event):
        """The staff dashboard of a meeting shows registration figures, a chart, districts."""
        from .dashboard import staff_dashboard

        return staff_dashboard(event)
