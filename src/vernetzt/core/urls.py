from django.urls import path

from . import accessibility_views, site_settings_views, style_guide, translation_views, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("sprache/", views.set_language, name="set_language"),
    path("seite/<slug:slug>/", views.site_page, name="site_page"),
    path("leichte-sprache/", accessibility_views.easy_read_index, name="easy_read_index"),
    path("leichte-sprache/<slug:slug>/", accessibility_views.easy_read_page, name="easy_read_page"),
    path("gebaerdensprache/", accessibility_views.sign_language, name="sign_language"),
    path(
        "gebaerdensprache/<int:pk>/<str:kind>/",
        accessibility_views.sign_language_file,
        name="sign_language_file",
    ),
    path(
        "barrierefreiheit/rueckmeldung/", accessibility_views.report_barrier, name="report_barrier"
    ),
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
    path(
        "verwaltung/einstellungen/",
        site_settings_views.site_settings_edit,
        name="site_settings",
    ),
    path("stil/", style_guide.style_guide, name="style_guide"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("entwicklung/emails/", views.dev_emails, name="dev_emails"),
    path("entwicklung/emails/<str:stem>/", views.dev_email, name="dev_email"),
]
