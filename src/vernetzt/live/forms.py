"""Forms of the live app. Length limits mirror the models; services check again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NAME_MAX_LENGTH, QUESTION_MAX_LENGTH, TOPIC_MAX_LENGTH, ChairRequest, Poll


class AskForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        max_length=QUESTION_MAX_LENGTH,
        help_text=_("In any language. At most 500 characters."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    name = forms.CharField(
        label=_("Your name (optional)"), max_length=NAME_MAX_LENGTH, required=False
    )
    organisation_name = forms.CharField(
        label=_("Your association (optional)"), max_length=NAME_MAX_LENGTH, required=False
    )


class ChairForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=NAME_MAX_LENGTH)
    organisation_name = forms.CharField(
        label=_("Your association (optional)"), max_length=NAME_MAX_LENGTH, required=False
    )
    topic = forms.CharField(
        label=_("Your topic in one line"),
        max_length=TOPIC_MAX_LENGTH,
        help_text=_("At most 120 characters."),
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        required=False,
        choices=[("", _("I prefer not to say"))] + list(ChairRequest.Gender.choices),
        help_text=_("Only used so that women and men get the chair equally often."),
    )
    is_newcomer = forms.BooleanField(
        label=_("This is my first time at the network meeting"), required=False
    )


class RoomSettingsForm(forms.Form):
    moderation = forms.BooleanField(label=_("Moderation before display"), required=False)
    newcomers_first = forms.BooleanField(label=_("Newcomers to the network first"), required=False)
    speaking_minutes = forms.IntegerField(
        label=_("Speaking time on the free chair (minutes)"), min_value=1, max_value=30
    )


class PollForm(forms.Form):
    question = forms.CharField(label=_("Poll question"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=Poll.Kind.choices)
    options = forms.CharField(
        label=_("Answers"),
        help_text=_("One answer per line, 2 to 10 answers. Not needed for a word cloud."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        lines = [line.strip() for line in cleaned.get("options", "").splitlines() if line.strip()]
        if cleaned.get("kind") == Poll.Kind.WORDS:
            lines = []
        elif not 2 <= len(lines) <= 10:
            self.add_error("options", _("Please give 2 to 10 answers, one per line."))
        cleaned["options"] = lines
        return cleaned


class PlanForm(forms.Form):
    WHO = [
        ("checked_in", _("Everyone checked in")),
        ("confirmed", _("Everyone with a confirmed registration")),
    ]
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    who = forms.ChoiceField(label=_("Participants"), choices=WHO, initial="checked_in")
    table_size = forms.IntegerField(
        label=_("People per table"),
        min_value=2,
        max_value=20,
        initial=6,
        help_text=_("Tables may differ by one seat when the numbers do not divide."),
    )
    rounds = forms.IntegerField(label=_("Rounds"), min_value=1, max_value=100, initial=3)
