"""Forms of registration. The questions of a meeting become fields named q_<key>."""

import secrets

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from vernetzt.core.translations import Text, marked, translated
from vernetzt.directory.models import Organisation

from . import consents
from .models import Question, Registration


class OrganisationSearchWidget(forms.Widget):
    """A search box (htmx) whose results are radio buttons named like the field."""

    template_name = "registration/widgets/organisation_search.html"

    def __init__(self, search_url="", attrs=None):
        super().__init__(attrs)
        self.search_url = search_url

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        selected = None
        if value not in (None, ""):
            try:
                selected = Organisation.objects.filter(pk=int(value)).first()
            except (TypeError, ValueError):
                selected = None
        context["widget"].update(search_url=self.search_url, selected=selected)
        return context

    def value_from_datadict(self, data, files, name):
        return data.get(name) or None

    def id_for_label(self, id_):
        return f"{id_}_search" if id_ else id_


def question_field(question: Question) -> forms.Field:
    pairs = question.choice_pairs()
    if not question.builtin and question.choices and translated(question, "choices").is_fallback:
        # The choices are shown in German: mark them as such.
        pairs = [(value, marked(Text(label, "de", "human"))) for value, label in pairs]
    common = {
        "label": marked(question.display_label),
        "required": question.required,
        "help_text": marked(question.display_help_text) if question.display_help_text.text else "",
    }
    if question.kind == Question.Kind.TEXT:
        return forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), **common)
    if question.kind == Question.Kind.MULTIPLE:
        return forms.MultipleChoiceField(
            choices=pairs, widget=forms.CheckboxSelectMultiple, **common
        )
    return forms.ChoiceField(choices=pairs, widget=forms.RadioSelect, **common)


class AnswersMixin:
    def add_question_fields(self, questions, initial_answers=None):
        self.questions = list(questions)
        for question in self.questions:
            name = f"q_{question.key}"
            self.fields[name] = question_field(question)
            if initial_answers and question.key in initial_answers:
                self.initial[name] = initial_answers[question.key]

    def answers(self) -> dict:
        return {q.key: self.cleaned_data.get(f"q_{q.key}") for q in self.questions}

    def add_service_errors(self, errors: dict) -> None:
        for key, messages in errors.items():
            name = key
            if key.startswith("answers."):
                name = "q_" + key.split(".", 1)[1]
            if name not in self.fields:
                name = None
            for message in messages:
                self.add_error(name, message)


CONSENT_FIELD = "consent_sensitive_answers"


def add_consent_field(form) -> None:
    """The consent box right after the sensitive questions: what for, who sees the answers,
    when they are deleted, and a link to the privacy notice."""
    sensitive = [f"q_{q.key}" for q in form.questions if q.sensitive]
    if not sensitive:
        return
    field = forms.BooleanField(
        label=consents.text_of(consents.SENSITIVE),
        required=False,
        help_text=format_html(
            '{} <a href="{}">{}</a>',
            _("Without this box, please leave these questions empty."),
            reverse("core:site_page", kwargs={"slug": "datenschutz"}),
            _("Privacy notice"),
        ),
    )
    order = list(form.fields)
    position = max(order.index(name) for name in sensitive) + 1
    form.fields = {
        **{name: form.fields[name] for name in order[:position]},
        CONSENT_FIELD: field,
        **{name: form.fields[name] for name in order[position:]},
    }


def check_consent(form, previous: dict | None = None) -> None:
    """Sensitive answers need the consent box (GDPR art. 9: explicit consent); on the
    personal page only answers that are new or changed (`previous`) ask for it."""
    data = form.cleaned_data
    previous = previous or {}
    given = any(
        data.get(f"q_{q.key}") not in (None, "", [])
        and data.get(f"q_{q.key}") != previous.get(q.key)
        for q in form.questions
        if q.sensitive
    )
    if given and not data.get(CONSENT_FIELD):
        form.add_error(
            CONSENT_FIELD,
            _(
                "Please tick this box, or leave the questions on food, access and "
                "interpretation empty."
            ),
        )


def consent_purposes(form) -> set[str]:
    """The consents this form's answers come with (recorded with the registration)."""
    data = form.cleaned_data
    purposes = set()
    if data.get(CONSENT_FIELD):
        purposes.add(consents.SENSITIVE)
    if data.get("q_photo_consent") == "yes":
        purposes.add(consents.PHOTOS)
    return purposes


class RegistrationForm(AnswersMixin, forms.Form):
    first_name = forms.CharField(
        label=_("First name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        error_messages={"invalid": _("This is not an email address. Example: name@example.org")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    pronouns = forms.CharField(
        label=_("Pronouns (optional, for your name badge)"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Your association"),
        queryset=Organisation.objects.exclude(status=Organisation.Status.ARCHIVED),
        required=False,
        help_text=_("Type a part of its name and choose it. Leave empty if you have none."),
    )
    new_organisation = forms.CharField(
        label=_("Not listed yet? The name of your association"),
        max_length=200,
        required=False,
        help_text=_("We add it to the directory after a check."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    language = forms.ChoiceField(label=_("Language for emails"), choices=settings.LANGUAGES)
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=100)

    def __init__(self, *args, event, search_url="", email_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["organisation"].widget = OrganisationSearchWidget(search_url=search_url)
        self.fields["email"].required = email_required
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", secrets.token_urlsafe(24))
        self.add_question_fields(event.questions.all())
        add_consent_field(self)

    def clean(self):
        data = super().clean()
        if data.get("organisation") and data.get("new_organisation"):
            self.add_error(
                "new_organisation",
                _("Either choose an association from the list or enter a new one, not both."),
            )
        check_consent(self)
        return data


class ResendLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("The email address you registered with"),
        max_length=254,
        error_messages={"invalid": _("This is not an email address. Example: name@example.org")},
    )


class ManageRegistrationForm(AnswersMixin, forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["first_name", "last_name", "pronouns", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_question_fields(
            self.instance.event.questions.all(), initial_answers=self.instance.answers
        )
        if not consents.has_consent(self.instance, consents.SENSITIVE):
            add_consent_field(self)

    def clean(self):
        data = super().clean()
        if CONSENT_FIELD in self.fields:
            check_consent(self, previous=self.instance.answers)
        return data


class StaffRegistrationForm(AnswersMixin, forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["first_name", "last_name", "pronouns", "email", "organisation", "language"]

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.exclude(
            status=Organisation.Status.ARCHIVED
        ).only("id", "name")
        self.fields["email"].required = False
        self.add_question_fields(event.questions.all(), initial_answers=self.instance.answers)


class StaffAddForm(StaffRegistrationForm):
    reserved = forms.BooleanField(
        label=_("Reserved place (speaker, ministry): outside every quota"), required=False
    )


class QuestionForm(forms.ModelForm):
    choices_text = forms.CharField(
        label=_("Choices, one per line"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    class Meta:
        model = Question
        fields = [
            "label",
            "help_text",
            "kind",
            "required",
            "sensitive",
            "show_at_checkin",
            "position",
        ]
        help_texts = {
            "sensitive": _(
                "For answers that can reveal health, religion or origin: only the team sees "
                "them, they stay out of exports unless asked for, the form asks for consent, "
                "and they are deleted some weeks after the meeting."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["choices_text"] = "\n".join(self.instance.choices)
        if self.instance.builtin:  # the built-in sensitive questions stay sensitive
            self.fields["sensitive"].disabled = True

    def clean(self):
        data = super().clean()
        choices = [c.strip() for c in (data.get("choices_text") or "").splitlines() if c.strip()]
        if data.get("kind") in (Question.Kind.SINGLE, Question.Kind.MULTIPLE) and not choices:
            self.add_error("choices_text", _("Please give at least one choice."))
        data["choices"] = choices
        return data
