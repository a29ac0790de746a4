from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "vernetzt.publishing"
    verbose_name = _("News and documentation")

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
