from django.contrib import admin

from .models import District, Membership, Municipality, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "municipality", "is_published", "created_at"]
    list_filter = ["status", "is_published", "municipality__district"]
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
