from django import forms
from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .easy_read import check_captions, check_easy_read, check_video
from .models import AccessibilityFeedback, EasyReadPage, SignLanguageVideo, SitePage, SiteSettings
from .templatetags.content import translation_url


class TranslationsLinkMixin:
    """Admin pages of translated content: a read-only line linking to the translation page."""

    readonly_fields = ["translations_link"]

    @admin.display(description=_("Translations"))
    def translations_link(self, obj):
        if not obj or not obj.pk:
            return "–"
        return format_html(
            '<a href="{}">{}</a>', translation_url(obj), _("Translations of these texts")
        )


@admin.register(SitePage)
class SitePageAdmin(TranslationsLinkMixin, admin.ModelAdmin):
    """The German text; its translations on the staff page "Translations" (decision 0130)."""

    list_display = ["title", "slug", "updated_at"]
    fields = ["slug", "title", "body", "translations_link"]


@admin.register(EasyReadPage)
class EasyReadPageAdmin(admin.ModelAdmin):
    """Saving warns about sentences, passive voice and long words (the rules of Leichte Sprache)."""

    list_display = ["title", "explains", "is_published", "updated_at"]
    list_filter = ["is_published", "explains"]
    prepopulated_fields = {"slug": ["title"]}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for warning in check_easy_read(f"{obj.title}\n{obj.body}"):
            messages.warning(request, warning)


class SignLanguageVideoForm(forms.ModelForm):
    class Meta:
        model = SignLanguageVideo
        fields = ["title", "description", "video", "captions", "position", "is_published"]

    def clean_video(self):
        video = self.cleaned_data.get("video")
        if video and hasattr(video, "content_type"):  # a new upload
            self.video_info = check_video(video)
        return video

    def clean_captions(self):
        captions = self.cleaned_data.get("captions")
        if captions and hasattr(captions, "content_type"):
            check_captions(captions)
        return captions

    def save(self, commit=True):
        video = super().save(commit=False)
        info = getattr(self, "video_info", None)
        if info is not None:
            video.width, video.height, video.frame_rate = info.width, info.height, info.frame_rate
        if commit:
            video.save()
        return video


@admin.register(SignLanguageVideo)
class SignLanguageVideoAdmin(admin.ModelAdmin):
    form = SignLanguageVideoForm
    list_display = ["title", "width", "height", "frame_rate", "is_published"]


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "email", "language", "page", "answered"]
    list_filter = ["answered", "language"]
    readonly_fields = ["name", "email", "page", "message", "language", "created_at"]


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
