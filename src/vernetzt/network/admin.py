from django.contrib import admin

from .models import Booking, Listing


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    list_display = ["title", "side", "kind", "organisation", "municipality", "status", "on_behalf"]
    list_filter = ["side", "kind", "status", "visibility", "on_behalf"]
    search_fields = ["title", "organisation__name"]
    raw_id_fields = ["organisation", "municipality", "created_by"]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["listing", "organisation", "start", "end", "status"]
    list_filter = ["status"]
    raw_id_fields = ["listing", "organisation", "requested_by", "cancelled_by"]
