from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "vernetzt.directory"
    verbose_name = _("Directory")

    def personal_data(self, person):
        """Export and erasure: what this app holds about a person (see vernetzt.privacy)."""
        from .personal_data import personal_data

        return personal_data(person)

    def erase_personal_data(self, person):
        from .personal_data import erase_personal_data

        return erase_personal_data(person)

    def my_area_sections(self, request):
        """My area (Mein Bereich) shows the person's associations and what their entry lacks."""
        from .my_area import sections

        return sections(request)

    def staff_dashboard(self, event):
        """The staff dashboard of a meeting shows associations waiting for verification."""
        from .dashboard import staff_dashboard

        return staff_dashboard(event)

    def ready(self):
        # ready() runs once the models are loaded: the place for modules that use them.
        # `self.tasks` lets services queue tasks without importing them (core.background).
        from . import tasks

        self.tasks = tasks

    def media_access(self, request, name):
        """Logos: public for a listed association whose profile the visitor may see."""
        if not name.startswith("logos/"):
            return None
        from .models import Organisation
        from .visibility import viewer_for, visible_fields

        organisation = Organisation.objects.filter(logo=name).first()
        if organisation is None:
            return "denied"
        if organisation.is_listed and "logo" in visible_fields(viewer_for(None), organisation):
            return "public"
        if "logo" in visible_fields(viewer_for(request.user), organisation):
            return "allowed"
        return "denied"
