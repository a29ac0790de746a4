from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile

from vernetzt.core.admin import TranslationsLinkMixin

from . import images
from .models import Documentation, NewsPost, Photo


class NewsPostForm(forms.ModelForm):
    class Meta:
        model = NewsPost
        fields = [
            "title",
            "slug",
            "teaser",
            "body",
            "image",
            "image_alt",
            "image_credit",
            "events",
            "publish_at",
        ]

    def clean_image(self):
        """Re-encode the teaser image like every photo (no EXIF/GPS kept)."""
        upload = self.cleaned_data.get("image")
        if not upload or not hasattr(upload, "content_type"):
            return upload
        try:
            processed = images.process(upload.name, upload.read())
        except images.ImageRejected as error:
            raise forms.ValidationError(str(error)) from None
        return SimpleUploadedFile("teaser.jpg", processed.web, content_type="image/jpeg")


@admin.register(NewsPost)
class NewsPostAdmin(TranslationsLinkMixin, admin.ModelAdmin):
    form = NewsPostForm
    list_display = ["title", "publish_at"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["events"]
    search_fields = ["title"]


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event", "credit", "lacks_consent"]
    list_filter = ["event", "lacks_consent"]
    fields = ["event", "caption", "credit", "licence", "lacks_consent"]

    def has_add_permission(self, request):
        return False  # photos come in through the upload page, which strips their metadata


@admin.register(Documentation)
class DocumentationAdmin(admin.ModelAdmin):
    list_display = ["event", "status", "published_at"]
    exclude = ["photos"]
