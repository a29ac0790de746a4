from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "vernetzt.publishing"
    verbose_name = _("News and documentation")

    def personal_data(self, person):
        """Export and erasure: what this app holds about a person (see vernetzt.privacy)."""
        from .personal_data import personal_data

        return personal_data(person)

    def erase_personal_data(self, person):
        from .personal_data import erase_personal_data

        return erase_personal_data(person)

    def after_meeting_links(self, registration):
        """After the meeting, the personal page links to its published documentation."""
        from .queries import after_meeting_links

        return after_meeting_links(registration)

    def staff_dashboard(self, event):
        """The staff dashboard of a meeting shows a documentation still in draft."""
        from .dashboard import staff_dashboard

        return staff_dashboard(event)

    def media_access(self, request, name):
        """News images are public; photos only with everyone's consent (`lacks_consent` off).
        A photo without consent is never served to the public (staff see it)."""
        if name.startswith("news/"):
            return "public"
        if not name.startswith("photos/"):
            return None
        from django.db.models import Q

        from .models import Photo

        photo = Photo.objects.filter(Q(image=name) | Q(thumbnail=name)).first()
        if photo is None or photo.lacks_consent:
            return "denied"
        return "public"
