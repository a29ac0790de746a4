from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vernetzt.directory.models import Organisation

from .models import Event, ProgrammeItem, StagePerson, Venue


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def format_value(self, value):
        if hasattr(value, "strftime"):
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            return value.strftime("%Y-%m-%dT%H:%M")
        return value


MAX_IMAGE_BYTES = 5 * 1024 * 1024


class EventForm(forms.ModelForm):
    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and getattr(image, "size", 0) > MAX_IMAGE_BYTES:
            raise forms.ValidationError(_("The picture is too large: at most 5 MB, please."))
        return image

    class Meta:
        model = Event
        fields = [
            "title",
            "slug",
            "edition",
            "theme",
            "starts_at",
            "ends_at",
            "venue",
            "description",
            "image",
            "image_alt",
            "partners",
            "funders",
            "status",
            "capacity",
            "reserved_places",
            "per_organisation_limit",
            "per_organisation_limit_until",
        ]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "per_organisation_limit_until": DateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 5}),
            "partners": forms.Textarea(attrs={"rows": 3}),
            "funders": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The end must be after the start."))
        return data


class VenueForm(forms.ModelForm):
    class Meta:
        model = Venue
        fields = ["name", "address", "directions", "step_free", "accessibility_notes", "quiet_room"]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 2}),
            "directions": forms.Textarea(attrs={"rows": 3}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 2}),
        }


class ProgrammeItemForm(forms.ModelForm):
    class Meta:
        model = ProgrammeItem
        fields = ["starts_at", "ends_at", "title", "kind", "description", "position"]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must be after the start."))
        return cleaned


class StagePersonForm(forms.ModelForm):
    class Meta:
        model = StagePerson
        fields = ["programme_item", "name", "role", "organisation", "affiliation", "position"]

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme_item"].queryset = event.programme_items.all()
        self.fields["organisation"].queryset = Organisation.objects.exclude(
            status=Organisation.Status.ARCHIVED
        ).only("id", "name")


class CopyEventForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    slug = forms.SlugField(label=_("Short address"), max_length=120)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput())

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if Event.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("This short address is already used."))
        return slug
