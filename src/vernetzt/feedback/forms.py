"""Forms of the survey staff pages: validation only; the services decide what an open survey
may still change (decision 0185)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Question, Survey

MAX_CHOICES = 20


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title", "intro"]
        labels = {"title": _("Title (German)"), "intro": _("Introduction (German)")}
        help_texts = {
            "intro": _("Shown above the questions. Other languages: on the translation page."),
        }
        widgets = {"intro": forms.Textarea(attrs={"rows": 4})}


class QuestionForm(forms.ModelForm):
    """A question in German; its choices one per line. Once the survey is open, the kind, the
    key and "required" are shown but cannot be changed."""

    choices_text = forms.CharField(
        label=_("Choices (German)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For single and multiple choice: one choice per line, in order."),
    )

    class Meta:
        model = Question
        fields = ["text", "kind", "required", "key"]
        labels = {"text": _("Question (German)")}
        help_texts = {
            "key": _(
                "Optional. Questions with the same key are compared across years; "
                "empty: made from the question."
            ),
        }
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.fields["key"].required = False
        if self.instance.pk:
            self.fields["choices_text"].initial = "\n".join(self.instance.choices)
        if not survey.is_draft and self.instance.pk:
            for name in ("kind", "required", "key"):
                self.fields[name].disabled = True
            self.fields["choices_text"].help_text = _(
                "The survey is open: you may correct the wording and add choices at the end, "
                "but not remove or reorder them."
            )

    def clean_key(self):
        key = self.cleaned_data.get("key", "")
        taken = self.survey.questions.exclude(pk=self.instance.pk).filter(key=key)
        if key and taken.exists():
            raise forms.ValidationError(_("Another question of this survey has this key."))
        return key

    def clean(self):
        cleaned = super().clean()
        lines = [line.strip() for line in cleaned.get("choices_text", "").splitlines()]
        lines = [line for line in lines if line]
        kind = cleaned.get("kind")
        if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            if len(lines) < 2:
                self.add_error("choices_text", _("Please give at least two choices."))
            elif len(lines) > MAX_CHOICES:
                self.add_error("choices_text", _("At most %(max)s choices.") % {"max": MAX_CHOICES})
            elif len(set(lines)) != len(lines):
                self.add_error("choices_text", _("Each choice may appear only once."))
            elif not self.survey.is_draft and len(lines) < len(self.instance.choices):
                self.add_error(
                    "choices_text",
                    _("Choices cannot be removed once the survey is open: answers refer to them."),
                )
        cleaned["choices"] = lines
        return cleaned
