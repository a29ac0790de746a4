from django.urls import path

from . import views

app_name = "live"

urlpatterns = [
    # Staff: rooms of a meeting and networking rounds.
    path("treffen/<slug:slug>/", views.event_rooms, name="event_rooms"),
    path("treffen/<slug:slug>/raum/<int:item_pk>/", views.room_create, name="room_create"),
    path("treffen/<slug:slug>/runden/", views.networking_rounds, name="networking"),
    path("treffen/<slug:slug>/runden/<int:pk>/", views.plan, name="plan"),
    path("treffen/<slug:slug>/runden/<int:pk>/tischplan.pdf", views.plan_pdf, name="plan_pdf"),
    path(
        "treffen/<slug:slug>/runden/<int:pk>/tischkarten.pdf", views.plan_cards, name="plan_cards"
    ),
    path(
        "treffen/<slug:slug>/runden/<int:pk>/runde-<int:round_number>.pdf",
        views.plan_pdf,
        name="round_pdf",
    ),
    # The short address for the hall: /live/<code>/
    path("<slug:code>/", views.phone, name="phone"),
    path("<slug:code>/neu/", views.phone_part, name="phone_part"),
    path("<slug:code>/umfrage/", views.phone_poll, name="phone_poll"),
    path("<slug:code>/frage/", views.ask, name="ask"),
    path("<slug:code>/frage/<int:pk>/unterstuetzen/", views.vote, name="vote"),
    path("<slug:code>/stuhl/", views.chair, name="chair"),
    path("<slug:code>/umfrage/<int:pk>/", views.poll_vote, name="poll_vote"),
    path("<slug:code>/leinwand/", views.projector, name="projector"),
    path("<slug:code>/leinwand/neu/", views.projector_part, name="projector_part"),
    path("<slug:code>/qr.svg", views.qr, name="qr"),
    path("<slug:code>/moderation/", views.moderate, name="moderate"),
    path("<slug:code>/moderation/neu/", views.moderate_part, name="moderate_part"),
    path("<slug:code>/moderation/frage/<int:pk>/", views.question_action, name="question_action"),
    path("<slug:code>/moderation/sperren/<int:pk>/", views.block, name="block"),
    path("<slug:code>/moderation/stuhl/", views.chair_action, name="chair_action"),
    path("<slug:code>/moderation/einstellungen/", views.room_settings, name="room_settings"),
    path("<slug:code>/moderation/umfrage/", views.poll_create, name="poll_create"),
    path("<slug:code>/moderation/umfrage/<int:pk>/", views.poll_action, name="poll_action"),
]
