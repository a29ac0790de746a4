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

    def copy_event_data(self, source, target, delta):
        """Copying a meeting copies its time slots, forums and forum settings (no people)."""
        from .services import copy_forums

        copy_forums(source=source, target=target, delta=delta)

    def documentation_sections(self, event):
        """The documentation of a meeting lists its forums' published needs and demands."""
        from .queries import results_for_documentation

        return results_for_documentation(event)
