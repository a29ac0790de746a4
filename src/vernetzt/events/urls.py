from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("neu/", views.event_create, name="create"),
    path("orte/neu/", views.venue_create, name="venue_create"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/verwaltung/", views.event_manage, name="manage"),
    path("<slug:slug>/verwaltung/programm/", views.programme, name="programme"),
    path("<slug:slug>/verwaltung/programm/<int:pk>/", views.programme_item, name="programme_item"),
    path(
        "<slug:slug>/verwaltung/programm/<int:pk>/loeschen/",
        views.programme_item_delete,
        name="programme_item_delete",
    ),
    path(
        "<slug:slug>/verwaltung/buehne/<int:pk>/loeschen/",
        views.stage_person_delete,
        name="stage_person_delete",
    ),
    path("<slug:slug>/verwaltung/kopieren/", views.event_copy, name="copy"),
]
