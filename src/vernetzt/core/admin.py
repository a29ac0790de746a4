from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext_lazy as _

from .models import SitePage, SiteSettings


@admin.register(SitePage)
class SitePageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "language", "updated_at"]
    list_filter = ["slug", "language"]


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One row: the letterhead of certificates and the report."""

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


# The back office uses the same login as the site (email code or password, rate-limited).
admin.site.login = login_required(admin.site.login)
admin.site.site_header = _("vernetzt back office")
admin.site.site_title = _("vernetzt back office")
admin.site.index_title = _("Back office")
