from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("sprache/", views.set_language, name="set_language"),
    path("seite/<slug:slug>/", views.site_page, name="site_page"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("entwicklung/emails/", views.dev_emails, name="dev_emails"),
    path("entwicklung/emails/<str:stem>/", views.dev_email, name="dev_email"),
]
