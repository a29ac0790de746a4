from django.contrib import admin

from .models import Question, Registration


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = [
        "last_name",
        "first_name",
        "event",
        "status",
        "waiting_position",
        "checked_in_at",
    ]
    list_filter = ["event", "status"]
    search_fields = ["last_name", "first_name", "email"]
    raw_id_fields = ["organisation", "user", "created_by", "checked_in_by"]

    def has_add_permission(self, request):
        return False  # through registration:staff_add, which keeps the counts right


admin.site.register(Question)
