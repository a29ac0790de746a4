from django.urls import path

from . import views

app_name = "registration"

urlpatterns = [
    path("<slug:slug>/anmelden/", views.register, name="register"),
    path("<slug:slug>/anmelden/danke/", views.received, name="received"),
    path("<slug:slug>/anmelden/link/", views.resend_link, name="resend_link"),
    path("<slug:slug>/anmelden/vereine/", views.organisation_search, name="organisation_search"),
    path("<slug:slug>/anmeldung/<str:token>/", views.manage, name="manage"),
    path("<slug:slug>/anmeldung/<str:token>/abmelden/", views.cancel, name="cancel"),
    path("<slug:slug>/anmeldung/<str:token>/kalender.ics", views.ics, name="ics"),
    path("<slug:slug>/anmeldung/<str:token>/ticket.pdf", views.ticket_pdf, name="ticket_pdf"),
    path(
        "<slug:slug>/anmeldung/<str:token>/bescheinigung.pdf",
        views.certificate,
        name="certificate",
    ),
    path("<slug:slug>/einlass/", views.checkin, name="checkin"),
    path("<slug:slug>/einlass/suche/", views.checkin_search, name="checkin_search"),
    path("<slug:slug>/einlass/ticket/", views.checkin_scan, name="checkin_scan"),
    path("<slug:slug>/einlass/zahlen/", views.checkin_counter, name="checkin_counter"),
    path("<slug:slug>/einlass/<int:pk>/", views.checkin_person, name="checkin_person"),
    path("<slug:slug>/einlass/<int:pk>/zurueck/", views.checkin_undo, name="checkin_undo"),
    path("<slug:slug>/verwaltung/anmeldungen/", views.staff_list, name="staff_list"),
    path("<slug:slug>/verwaltung/uebersicht/", views.staff_summary, name="staff_summary"),
    path("<slug:slug>/verwaltung/anmeldungen/neu/", views.staff_add, name="staff_add"),
    path("<slug:slug>/verwaltung/anmeldungen/<int:pk>/", views.staff_edit, name="staff_edit"),
    path(
        "<slug:slug>/verwaltung/anmeldungen/<int:pk>/abmelden/",
        views.staff_cancel,
        name="staff_cancel",
    ),
    path(
        "<slug:slug>/verwaltung/anmeldungen/<int:pk>/verschieben/",
        views.staff_move,
        name="staff_move",
    ),
    path("<slug:slug>/verwaltung/anmeldungen.csv", views.export_csv, name="export_csv"),
    path("<slug:slug>/verwaltung/anmeldungen.xlsx", views.export_xlsx, name="export_xlsx"),
    path(
        "<slug:slug>/verwaltung/teilnehmende.pdf", views.participants_pdf, name="participants_pdf"
    ),
    path("<slug:slug>/verwaltung/namensschilder.pdf", views.badges_pdf, name="badges_pdf"),
    path("<slug:slug>/verwaltung/fragen/", views.questions, name="questions"),
    path("<slug:slug>/verwaltung/fragen/<int:pk>/", views.question_edit, name="question_edit"),
]
