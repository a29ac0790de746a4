from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "vernetzt.network"
    verbose_name = _("Network")

    def ready(self):
        from . import rules  # noqa: F401

    def organisation_sections(self, request, organisation):
        """An association's page shows its offers and its neighbours in the network."""
        from .queries import organisation_section

        return organisation_section(request, organisation)

    def report_sections(self, year):
        """The yearly report lists what was shared and the needs no offer answered."""
        from .report import report_sections

        return report_sections(year)

    def personal_data(self, person):
        """Export and erasure: what this app holds about a person (see vernetzt.privacy)."""
        from .personal_data import personal_data

        return personal_data(person)

    def erase_personal_data(self, person):
        from .personal_data import erase_personal_data

        return erase_personal_data(person)
