from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "vernetzt.forums"
    verbose_name = _("Forums")

    # AppConfig hooks import on call: apps.py is loaded before the models are ready.

    def ready(self):
        # ready() runs once the models are loaded: the place for modules that use them.
        # `self.tasks` lets services queue tasks without importing them (core.background).
        from . import rules, tasks  # noqa: F401 - rules registers the permissions

        self.tasks = tasks

    def registration_sections(self, request, registration):
        """The personal page shows the forum choice and, once published, the forums."""
        from .views import personal_section

        return personal_section(request, registration)

    def after_meeting_links(self, registration):
        """After the meeting, the personal page links to the forums' published results."""
        from .views import after_meeting_links

        return after_meeting_links(registration)

    def copy_event_data(self, source, target, delta):
        """Copying a meeting copies its time slots, forums and forum settings (no people)."""
        from .services import copy_forums

        copy_forums(source=source, target=target, delta=delta)

    def documentation_sections(self, event):
        """The documentation of a meeting lists its forums' published needs and demands."""
        from .queries import results_for_documentation

        return results_for_documentation(event)

    def personal_data(self, person):
        """Export and erasure: what this app holds about a person (see vernetzt.privacy)."""
        from .personal_data import personal_data

        return personal_data(person)

    def erase_personal_data(self, person):
        from .personal_data import erase_personal_data

        return erase_personal_data(person)

    def purge_sensitive_copies(self, registration_ids=None, event_ids=None):
        """Assignment snapshots keep step-free needs and interpretation languages: scrubbed
        with the answers (retention purge, withdrawn consent)."""
        from .personal_data import scrub_snapshots

        return scrub_snapshots(registration_ids=registration_ids, event_ids=event_ids)

    def my_area_sections(self, request):
        """My area (Mein Bereich) shows the forums the person hosts."""
        from .my_area import sections

        return sections(request)

    def staff_dashboard(self, event):
        """The staff dashboard of a meeting shows the forum assignment and open demands."""
        from .dashboard import staff_dashboard

        return staff_dashboard(event)
