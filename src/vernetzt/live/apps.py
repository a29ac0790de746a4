from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "vernetzt.live"
    verbose_name = _("Live")

    def ready(self):
        from . import rules  # noqa: F401 - registers the permissions
        from .state import connect_signals

        connect_signals()

    def registration_sections(self, request, registration):
        """The personal page shows the person's networking tables ("round 1: table 7")."""
        from .networking import tables_of

        plans = tables_of(registration)
        if not plans:
            return []
        return [{"template": "live/_registration_tables.html", "plans": plans}]

    def documentation_sections(self, event):
        """The documentation shows the audience's main questions of each live room."""
        from .queries import questions_for_documentation

        return questions_for_documentation(event)

    def badge_lines(self, event):
        """Each badge shows the person's tables of the meeting's latest published plan."""
        from .networking import badge_tables

        return badge_tables(event)
