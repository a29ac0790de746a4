from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("bereich/", views.my_area, name="my_area"),
    path("api-schluessel/", views.api_tokens, name="api_tokens"),
]
