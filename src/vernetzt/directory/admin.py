from django.contrib import admin

from .models import District, HistoryEntry, Invitation, Membership, Municipality, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "municipality", "is_published", "created_at"]
    list_filter = ["status", "is_published", "municipality__district"]
    filter_horizontal = ["fields", "target_groups", "languages"]
    readonly_fields = ["merged_into", "verified_at", "archived_at"]
    autocomplete_fields = ["municipality"]
    list_select_related = ["municipality"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "key", "state"]
    list_filter = ["kind", "state"]
    search_fields = ["name", "key"]
    exclude = ["outline"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "district"]
    list_filter = ["district"]
    search_fields = ["name", "key"]
    list_select_related = ["district"]


@admin.register(HistoryEntry)
class HistoryEntryAdmin(admin.ModelAdmin):
    list_display = ["organisation", "text", "actor", "created_at"]
    list_select_related = ["organisation", "actor"]
    search_fields = ["organisation__name", "text"]
    readonly_fields = ["organisation", "text", "actor", "created_at"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "accepted_at"]
    list_select_related = ["organisation"]
    search_fields = ["email", "organisation__name"]
    exclude = ["token"]
