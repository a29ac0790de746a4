from django.urls import path

from . import style_guide, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("sprache/", views.set_language, name="set_language"),
    path("seite/<slug:slug>/", views.site_page, name="site_page"),
    path("stil/", style_guide.style_guide, name="style_guide"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("entwicklung/emails/", views.dev_emails, name="dev_emails"),
    path("entwicklung/emails/<str:stem>/", views.dev_email, name="dev_email"),
]
