from django.urls import path

from . import views

app_name = "privacy"

PERSONAL = "veranstaltungen/<slug:slug>/anmeldung/<str:token>/"

urlpatterns = [
    path(PERSONAL + "meine-daten/", views.personal_export, name="personal_export"),
    path(PERSONAL + "meine-daten.json", views.personal_export_json, name="personal_export_json"),
    path(PERSONAL + "loeschen/", views.personal_erase, name="personal_erase"),
    path(
        PERSONAL + "einwilligungen/<slug:purpose>/widerrufen/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("datenschutz/geloescht/", views.erased, name="erased"),
    path("datenschutz/verwaltung/", views.staff_person, name="staff_person"),
    path("datenschutz/verwaltung/auskunft/", views.staff_export, name="staff_export"),
    path("datenschutz/verwaltung/loeschen/", views.staff_erase, name="staff_erase"),
    path(
        "datenschutz/verwaltung/vereine/",
        views.staff_organisation_find,
        name="staff_organisation_find",
    ),
    path(
        "datenschutz/verwaltung/vereine/<slug:slug>/",
        views.staff_organisation,
        name="staff_organisation",
    ),
]
