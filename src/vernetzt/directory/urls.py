from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("karte/", views.organisation_map, name="map"),
    path("karte/punkte.geojson", views.map_data, name="map_data"),
    path("karte/kreise.geojson", views.districts_geojson, name="districts_geojson"),
    path("offene-daten/", views.open_data, name="open_data"),
    path("offene-daten/organisationen.geojson", views.open_data_geojson, name="open_data_geojson"),
    path("offene-daten/organisationen.csv", views.open_data_csv, name="open_data_csv"),
    path("einladung/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("verwaltung/", views.manage, name="manage"),
    path("verwaltung/import/", views.import_organisations, name="import"),
    path("verwaltung/export.<str:format>", views.export, name="export"),
    path("verwaltung/<slug:slug>/verifizieren/", views.verify, name="verify"),
    path("verwaltung/<slug:slug>/archivieren/", views.archive, name="archive"),
    path("verwaltung/<slug:slug>/zusammenfuehren/", views.merge, name="merge"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/bearbeiten/", views.organisation_edit, name="edit"),
    path("<slug:slug>/einladen/", views.organisation_invite, name="invite"),
    path("<slug:slug>/kontakt/", views.organisation_contact, name="contact"),
]
