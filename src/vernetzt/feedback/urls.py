from django.urls import path

from . import views

app_name = "feedback"

STAFF = "veranstaltungen/<slug:slug>/verwaltung/umfragen/"

urlpatterns = [
    path("umfrage/<str:token>/", views.answer, name="answer"),
    path(
        "veranstaltungen/<slug:slug>/anmeldung/<str:token>/umfrage/<int:pk>/",
        views.from_personal_page,
        name="from_personal_page",
    ),
    path(STAFF, views.survey_list, name="survey_list"),
    path(STAFF + "<int:pk>/", views.survey_detail, name="survey_detail"),
    path(STAFF + "<int:pk>/bearbeiten/", views.survey_edit, name="survey_edit"),
    path(STAFF + "<int:pk>/fragen/neu/", views.question_add, name="question_add"),
    path(STAFF + "<int:pk>/fragen/<int:question_pk>/", views.question_edit, name="question_edit"),
    path(
        STAFF + "<int:pk>/fragen/<int:question_pk>/loeschen/",
        views.question_delete,
        name="question_delete",
    ),
    path(
        STAFF + "<int:pk>/fragen/<int:question_pk>/verschieben/",
        views.question_move,
        name="question_move",
    ),
    path(STAFF + "<int:pk>/senden/", views.survey_send, name="survey_send"),
    path(STAFF + "<int:pk>/erinnern/", views.survey_remind, name="survey_remind"),
    path(STAFF + "<int:pk>/schliessen/", views.survey_close, name="survey_close"),
    path(STAFF + "<int:pk>/ergebnisse/", views.results, name="results"),
    path(STAFF + "<int:pk>/ergebnisse.csv", views.export_csv, name="export_csv"),
    path(STAFF + "<int:pk>/ergebnisse.xlsx", views.export_xlsx, name="export_xlsx"),
]
