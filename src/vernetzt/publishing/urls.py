from django.urls import path

from . import views

app_name = "publishing"

EVENT = "veranstaltungen/<slug:slug>/"

urlpatterns = [
    path("aktuelles/", views.news_list, name="news_list"),
    path("aktuelles/feed/", views.NewsFeed(), name="news_feed"),
    path("aktuelles/<slug:slug>/", views.news_detail, name="news_detail"),
    path(EVENT + "fotos/", views.gallery, name="gallery"),
    path(EVENT + "dokumentation/", views.documentation, name="documentation"),
    path(EVENT + "dokumentation.pdf", views.documentation_pdf, name="documentation_pdf"),
    path(EVENT + "verwaltung/fotos/", views.photo_upload, name="photo_upload"),
    path(EVENT + "verwaltung/fotos/<int:pk>/", views.photo_edit, name="photo_edit"),
    path(EVENT + "verwaltung/dokumentation/", views.documentation_edit, name="documentation_edit"),
    path(
        EVENT + "verwaltung/dokumentation/veroeffentlichen/",
        views.documentation_publish,
        name="documentation_publish",
    ),
    path("berichte/", views.report_index, name="report_index"),
    path("berichte/<int:year>/", views.report, name="report"),
    path("berichte/<int:year>/sachbericht.pdf", views.report_pdf, name="report_pdf"),
    path("berichte/<int:year>/sachbericht.xlsx", views.report_xlsx, name="report_xlsx"),
]
