from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from vernetzt.api import api
from vernetzt.core import media

urlpatterns = [
    path("", include("vernetzt.core.urls")),
    path("konto/", include("vernetzt.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("verzeichnis/", include("vernetzt.directory.urls")),
    path("veranstaltungen/", include("vernetzt.events.urls")),
    path("veranstaltungen/", include("vernetzt.registration.urls")),
    path("live/", include("vernetzt.live.urls")),
    path("", include("vernetzt.forums.urls")),
    path("", include("vernetzt.feedback.urls")),
    path("", include("vernetzt.publishing.urls")),
    path("netzwerk/", include("vernetzt.network.urls")),
    path("", include("vernetzt.privacy.urls")),
    path("api/v1/", api.urls),
    path("verwaltung/", admin.site.urls),
]

# Uploads, in every configuration (WhiteNoise serves only static files): each app decides
# who may see its files (vernetzt.core.media).
urlpatterns += [
    path(settings.MEDIA_URL.strip("/") + "/<path:path>", media.serve, name="media"),
]

handler400 = "vernetzt.core.views.bad_request"
handler403 = "vernetzt.core.views.permission_denied"
handler404 = "vernetzt.core.views.page_not_found"
handler500 = "vernetzt.core.views.server_error"
