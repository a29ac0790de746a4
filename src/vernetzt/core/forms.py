"""The translation page's form: one fieldset per language, one field per translated text."""

from django import forms
from django.conf.locale import LANG_INFO
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.translation import gettext_lazy as _

from .images import clean_logo
from .models import SiteSettings
from .translations import Status, awaiting_review, source_text, status, target_languages


class TranslationForm(forms.Form):
    def __init__(self, *args, obj, **kwargs):
        super().__init__(*args, **kwargs)
        self.obj = obj
        self.groups = []
        for language in target_languages():
            info = LANG_INFO.get(language, {})
            rows = []
            for name in obj.translated_fields:
                german = source_text(obj, name)
                if not german:
                    continue
                model_field = obj._meta.get_field(name)
                long = isinstance(model_field, models.TextField | models.JSONField)
                stored = (obj.translations or {}).get(language, {}).get(name) or {}
                attrs = {"lang": language, "dir": "rtl" if info.get("bidi") else "ltr"}
                widget = forms.Textarea(attrs={**attrs, "rows": 4}) if long else None
                key = f"{language}__{name}"
                self.fields[key] = forms.CharField(
                    label=model_field.verbose_name,
                    required=False,
                    initial=stored.get("text", ""),
                    max_length=getattr(model_field, "max_length", None) or 20000,
                    widget=widget or forms.TextInput(attrs=attrs),
                )
                state = status(obj, name, language)
                accept = None
                review = state == Status.HUMAN and awaiting_review(obj, name, language)
                if state in (Status.MACHINE, Status.OUTDATED) or review:
                    accept = f"accept__{language}__{name}"
                    self.fields[accept] = forms.BooleanField(
                        label=_("Reviewed: publish this text"), required=False
                    )
                rows.append(
                    {
                        "german": german,
                        "field": key,
                        "accept": accept,
                        "status": state,
                        "status_label": Status.LABELS[Status.REVIEW if review else state],
                    }
                )
            if rows:
                self.groups.append({"code": language, "info": info, "rows": rows})

    def texts(self) -> dict[tuple[str, str], str]:
        result = {}
        for key, value in self.cleaned_data.items():
            if "__" in key and not key.startswith("accept__"):
                language, name = key.split("__", 1)
                result[(language, name)] = value
        return result

    def accepted(self) -> set[tuple[str, str]]:
        return {
            tuple(key.split("__", 2)[1:])
            for key, value in self.cleaned_data.items()
            if key.startswith("accept__") and value
        }


class BarrierReportForm(forms.Form):
    """The feedback form of the accessibility statement."""

    name = forms.CharField(label=_("Your name (optional)"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("Your email address"), help_text=_("We answer to this address.")
    )
    page = forms.CharField(
        label=_("On which page is the barrier? (optional)"), max_length=500, required=False
    )
    message = forms.CharField(
        label=_("What is the barrier?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class SiteSettingsForm(forms.ModelForm):
    """The operating organisation. The logo is checked by content and re-encoded like every
    logo (core.images.clean_logo: no SVG, no metadata kept, at most 512 px)."""

    class Meta:
        model = SiteSettings
        fields = [
            "organisation_name",
            "address",
            "contact",
            "logo",
            "signature_name",
            "signature_role",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "logo": _(
                "PNG or JPEG, at most 2 MB. Shown in the header, on certificates and in the report."
            ),  # fmt: skip
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_name"].required = True

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and isinstance(logo, UploadedFile):
            return clean_logo(logo)
        return logo
