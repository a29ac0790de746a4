from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Export and erasure of a person (GDPR art. 15, 17, 20). Sits after every app; nothing
    imports it. It asks each app's `personal_data(person)` / `erase_personal_data(person)`
    (see services.py) and handles Django's own tables itself (generic.py)."""

    name = "vernetzt.privacy"
    verbose_name = _("Data protection")

    def ready(self):
        from . import rules  # noqa: F401 - registers the permissions

    def registration_sections(self, request, registration):
        """The personal page links to the person's data, their consents and erasure."""
        from .views import personal_section

        return personal_section(request, registration)

    def after_meeting_links(self, registration):
        """After the meeting, the personal page points to the person's data rights."""
        from .views import after_meeting_links

        return after_meeting_links(registration)

    def personal_data(self, person):
        from .generic import personal_data

        return personal_data(person)

    def erase_personal_data(self, person):
        from .generic import erase_personal_data

        return erase_personal_data(person)
