from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "vernetzt.feedback"
    verbose_name = _("Feedback surveys")

    def personal_data(self, person):
        """Export and erasure: what this app holds about a person (see vernetzt.privacy)."""
        from .personal_data import personal_data

        return personal_data(person)

    def erase_personal_data(self, person):
        from .personal_data import erase_personal_data

        return erase_personal_data(person)

    def my_area_sections(self, request):
        """My area (Mein Bereich) shows open surveys the person was invited to."""
        from .my_area import sections

        return sections(request)

    def after_meeting_links(self, registration):
        """After the meeting, the personal page names the person's open surveys."""
        from .my_area import after_meeting_links

        return after_meeting_links(registration)

    def ready(self):
        # ready() runs once the models are loaded: the place for modules that use them.
        # `self.tasks` lets services queue tasks without importing them (core.background).
        from . import tasks

        self.tasks = tasks

    # AppConfig hooks import on call: apps.py is loaded before the models are ready.

    def report_surveys(self, events) -> list[dict]:
        """The yearly report (publishing) shows the results of the year's surveys."""
        from .models import Survey
        from .queries import results

        return [
            results(survey, with_comparison=False)
            for survey in Survey.objects.filter(event__in=events)
            .exclude(status=Survey.Status.DRAFT)
            .select_related("event")
        ]
