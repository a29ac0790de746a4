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
        """The personal page shows the person's networking tables ("round 1: table 7"), and
        remembers the phone it is opened on as theirs (their live questions, for export and
        erasure)."""
        from .networking import tables_of
        from .personal_data import link_device

        link_device(request, registration)
        if registration.event.is_over:
            return []
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

    def personal_data(self, person):
        """Export and erasure: what this app holds about a person (see vernetzt.privacy)."""
        from .personal_data import personal_data

        return personal_data(person)

    def erase_personal_data(self, person):
        from .personal_data import erase_personal_data

        return erase_personal_data(person)

    def my_area_sections(self, request):
        """My area (Mein Bereich) shows the live rooms the person moderates."""
        from .my_area import sections

        return sections(request)
