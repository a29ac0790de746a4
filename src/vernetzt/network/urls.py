from django.urls import path

from . import views, views_bookings

app_name = "network"

urlpatterns = [
    path("", views.listing_list, name="list"),
    path("neu/", views.listing_create, name="create"),
    path("karte/", views.listing_map, name="map"),
    path("karte.json", views.listing_map_data, name="map_data"),
    path("<int:pk>/", views.listing_detail, name="detail"),
    path("<int:pk>/bearbeiten/", views.listing_edit, name="edit"),
    path("<int:pk>/buchen/", views.listing_book, name="book"),
    path("kalender/angebot/<str:token>.ics", views.listing_feed, name="listing_feed"),
    path(
        "kalender/verein/<str:token>.ics",
        views_bookings.organisation_feed,
        name="organisation_feed",
    ),
    path("buchungen/", views_bookings.my_bookings, name="bookings"),
    path("buchungen/<int:pk>/", views_bookings.booking_detail, name="booking"),
    path("buchungen/<int:pk>.ics", views_bookings.booking_ics, name="booking_ics"),
    path("buchungen/<int:pk>/entscheiden/", views_bookings.booking_decide, name="booking_decide"),
    path("buchungen/<int:pk>/stornieren/", views_bookings.booking_cancel, name="booking_cancel"),
    path(
        "buchungen/<int:pk>/rueckmeldung/", views_bookings.booking_feedback, name="booking_feedback"
    ),
    path("uebersicht/", views_bookings.overview, name="overview"),
]
