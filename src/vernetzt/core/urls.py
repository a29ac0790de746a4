from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("sprache/", views.set_language, name="set_language"),
    path("seite/<slug:slug>/", views.site_page, name="site_page"),
]
