from django.urls import path

from . import views

app_name = "forums"

E = "veranstaltungen/<slug:slug>/"
S = E + "verwaltung/foren/"
P = E + "anmeldung/<str:token>/"

urlpatterns = [
    path(S, views.staff_forums, name="staff_forums"),
    path(S + "nachfrage/", views.demand, name="demand"),
    path(S + "wahl/", views.choice, name="choice"),
    path(S + "zeitfenster/neu/", views.slot_create, name="slot_create"),
    path(S + "neu/", views.forum_create, name="forum_create"),
    path(S + "<int:pk>/", views.forum_edit, name="forum_edit"),
    path(S + "zuteilung/", views.assignment, name="assignment"),
    path(S + "zuteilung/starten/", views.run, name="run"),
    path(S + "zuteilung/verschieben/<int:pk>/", views.move, name="move"),
    path(
        S + "zuteilung/<int:pk>/<str:part>.json",
        views.run_json,
        name="run_json",
    ),
    path(S + "zuteilung/veroeffentlichen/", views.publish, name="publish"),
    path(E + "foren/<int:pk>/liste/", views.host_list, name="host_list"),
    path(E + "foren/<int:pk>/ergebnisse/", views.record, name="record"),
    path(
        E + "foren/<int:pk>/ergebnisse/<int:item_pk>/bearbeiten/",
        views.record_edit,
        name="record_edit",
    ),
    path(
        E + "foren/<int:pk>/ergebnisse/<int:item_pk>/loeschen/",
        views.record_delete,
        name="record_delete",
    ),
    path(P + "foren/", views.rank, name="rank"),
    path(P + "ergebnisse/", views.participant_results, name="participant_results"),
    path(P + "ergebnisse/<int:pk>/unterstuetzen/", views.support, name="support"),
    path("foren/meine/", views.my_forums, name="my_forums"),
    path("bedarfe/", views.needs, name="needs"),
    path("bedarfe/bedarfe.csv", views.needs_csv, name="needs_csv"),
    path("bedarfe/bedarfe.xlsx", views.needs_xlsx, name="needs_xlsx"),
    path("bedarfe/verwaltung/<int:pk>/", views.item_edit, name="item_edit"),
    path("bedarfe/verwaltung/<int:pk>/zusammenfuehren/", views.merge, name="merge"),
    path("bedarfe/verwaltung/schlagworte/", views.tags, name="tags"),
]
