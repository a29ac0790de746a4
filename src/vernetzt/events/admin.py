from django.contrib import admin

from .models import Event, ProgrammeItem, StagePerson, Venue


class ProgrammeItemInline(admin.TabularInline):
    model = ProgrammeItem
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_at", "status", "capacity"]
    list_filter = ["status"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ProgrammeItemInline]


admin.site.register(Venue)
admin.site.register(StagePerson)
