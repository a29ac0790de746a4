from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from vernetzt.api import api

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
    path("api/v1/", api.urls),
    path("verwaltung/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static  # noqa: PLC0415 - uploads served in DEBUG only

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "vernetzt.core.views.bad_request"
handler403 = "vernetzt.core.views.permission_denied"
handler404 = "vernetzt.core.views.page_not_found"
handler500 = "vernetzt.core.views.server_error"
