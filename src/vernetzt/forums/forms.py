"""Forms of the forums app."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from vernetzt.directory.models import Organisation
from vernetzt.registration.models import Registration

from .models import Forum, ForumSetup, ResultItem, Slot, Tag, field_of_activity_choices


def _codes(value: str) -> list[str]:
    codes = []
    for part in (value or "").replace(";", ",").split(","):
        code = part.strip().lower()
        if code and code not in codes:
            if not code.isalpha() or len(code) > 8:
                raise forms.ValidationError(
                    _("Please write language codes separated by commas, e.g. de, ar.")
                )
            codes.append(code)
    return codes


class SlotForm(forms.ModelForm):
    class Meta:
        model = Slot
        fields = ["title", "starts_at", "ends_at", "position"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }


class SetupForm(forms.ModelForm):
    class Meta:
        model = ForumSetup
        fields = ["max_per_organisation"]


class ForumForm(forms.ModelForm):
    languages_text = forms.CharField(
        label=_("Languages spoken"),
        initial="de",
        required=False,
        help_text=_("Language codes separated by commas, e.g. de, en."),
    )
    interpretation_text = forms.CharField(
        label=_("Interpretation offered"),
        required=False,
        help_text=_("Language codes separated by commas, e.g. ar, fa."),
    )
    moderators = forms.ModelMultipleChoiceField(
        label=_("Moderators"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People with the forum host role. Hosts record the results."),
    )
    rapporteurs = forms.ModelMultipleChoiceField(
        label=_("Rapporteurs"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Forum
        fields = [
            "slot",
            "title",
            "description",
            "room",
            "capacity",
            "step_free",
            "host_organisations",
            "storytellers",
            "host_registrations",
            "position",
        ]
        error_messages = {
            "capacity": {"min_value": _("A forum needs at least 1 place.")},
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["slot"].queryset = Slot.objects.filter(event=event)
        self.fields["host_organisations"].queryset = Organisation.objects.exclude(
            status=Organisation.Status.ARCHIVED
        ).order_by("name")
        self.fields["host_registrations"].queryset = Registration.objects.filter(
            event=event, status=Registration.Status.CONFIRMED
        ).order_by("last_name", "first_name")
        hosts = get_user_model().objects.filter(is_forum_host=True)
        self.fields["moderators"].queryset = hosts
        self.fields["rapporteurs"].queryset = hosts
        self.fields["capacity"].min_value = None
        if self.instance.pk:
            self.fields["languages_text"].initial = ", ".join(self.instance.languages or [])
            self.fields["interpretation_text"].initial = ", ".join(
                self.instance.interpretation or []
            )
            for name, role in (("moderators", "moderator"), ("rapporteurs", "rapporteur")):
                self.fields[name].initial = list(
                    self.instance.host_links.filter(role=role).values_list("user_id", flat=True)
                )

    def clean_capacity(self):
        capacity = self.cleaned_data.get("capacity")
        if capacity is not None and capacity < 1:
            raise forms.ValidationError(_("A forum needs at least 1 place."))
        return capacity

    def clean_languages_text(self):
        return _codes(self.cleaned_data.get("languages_text", ""))

    def clean_interpretation_text(self):
        return _codes(self.cleaned_data.get("interpretation_text", ""))

    def save(self, commit=True):
        forum = super().save(commit=False)
        forum.event = self.event
        forum.languages = self.cleaned_data["languages_text"]
        forum.interpretation = self.cleaned_data["interpretation_text"]
        forum.save()
        self.save_m2m()
        wanted = {user.pk: "rapporteur" for user in self.cleaned_data["rapporteurs"]}
        wanted.update({user.pk: "moderator" for user in self.cleaned_data["moderators"]})
        forum.host_links.exclude(user_id__in=wanted).delete()
        for user_id, role in wanted.items():
            forum.host_links.update_or_create(user_id=user_id, defaults={"role": role})
        return forum


class ResultForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=ResultItem.Kind.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("What was said"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In any language. Short and clear."),
    )
    tags = forms.ModelMultipleChoiceField(
        label=_("Tags"),
        queryset=Tag.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Raised by associations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    field_of_activity = forms.ChoiceField(
        label=_("Field of activity"),
        choices=lambda: [("", "—"), *field_of_activity_choices()],
        required=False,
    )

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        placed = Registration.objects.filter(
            event=forum.event, forum_placements__forum=forum
        ).values("organisation_id")
        self.fields["organisations"].queryset = (
            Organisation.objects.filter(pk__in=placed) | forum.host_organisations.all()
        )
        self.fields["organisations"].queryset = (
            self.fields["organisations"].queryset.distinct().order_by("name")
        )


class ItemStaffForm(forms.ModelForm):
    class Meta:
        model = ResultItem
        fields = [
            "kind",
            "text",
            "tags",
            "field_of_activity",
            "status",
            "public_answer",
            "is_published",
        ]
        widgets = {"tags": forms.CheckboxSelectMultiple}


class TagForm(forms.Form):
    name = forms.CharField(label=_("New tag"), max_length=80)
