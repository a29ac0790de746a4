from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Documentation, Licence, Photo


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,.zip"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class PhotoUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Photos"),
        help_text=_("JPEG, PNG or WebP, up to 30 MB each, or a ZIP archive of photos."),
    )
    credit = forms.CharField(label=_("Photo credit"), max_length=200)
    licence = forms.ChoiceField(label=_("Licence"), choices=Licence.choices)


class PhotoForm(forms.ModelForm):
    class Meta:
        model = Photo
        fields = ["caption", "credit", "licence", "lacks_consent"]


class DocumentationForm(forms.ModelForm):
    class Meta:
        model = Documentation
        fields = [
            "greeting",
            "summary",
            "thanks",
            "photos",
            "cover_photo",
        ]
        widgets = {"photos": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        photos = self.instance.event.photos.all()
        self.fields["photos"].queryset = photos
        self.fields["photos"].label_from_instance = lambda photo: (
            f"{photo} – {photo.credit}" + (f" ({_('no consent')})" if photo.lacks_consent else "")
        )
        self.fields["cover_photo"].queryset = photos
