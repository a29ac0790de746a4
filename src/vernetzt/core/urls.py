from django.urls import path

from . import translation_views, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("sprache/", views.set_language, name="set_language"),
    path("seite/<slug:slug>/", views.site_page, name="site_page"),
    path(
        "verwaltung/uebersetzungen/",
        translation_views.translation_overview,
        name="translation_overview",
    ),
    path(
        "verwaltung/uebersetzungen/<str:label>/<int:pk>/",
        translation_views.translation_edit,
        name="translation_edit",
    ),
]
