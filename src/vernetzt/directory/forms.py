"""Forms of the directory: validation only."""

from django import forms
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vernetzt.core.collation import collated
from vernetzt.core.images import clean_logo

from .enums import DESCRIPTION_LANGUAGES, TermKind
from .models import Membership, Organisation, Term

MAX_SOCIAL_LINKS = 5


class TermChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.label


class OrganisationProfileForm(forms.ModelForm):
    website = forms.URLField(
        label=_("Website"), required=False, max_length=300, assume_scheme="https"
    )
    social_links_text = forms.CharField(
        label=_("Social media links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One address per line, at most 5."),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "short_name",
            "legal_form",
            "register_number",
            "founding_year",
            "municipality",
            "description",
            "fields",
            "target_groups",
            "languages",
            "members_range",
            "street",
            "postcode",
            "website",
            "contact_email",
            "logo",
            "visibility_profile",
            "visibility_contact",
            "visibility_address",
            "visibility_members",
            "is_published",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "visibility_profile": forms.RadioSelect,
            "visibility_contact": forms.RadioSelect,
            "visibility_address": forms.RadioSelect,
            "visibility_members": forms.RadioSelect,
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        terms = Term.objects.all()
        for name, kind in (
            ("fields", TermKind.FIELD),
            ("target_groups", TermKind.TARGET),
            ("languages", TermKind.LANGUAGE),
        ):
            old = self.fields[name]
            self.fields[name] = TermChoiceField(
                queryset=terms.filter(kind=kind), required=False, label=old.label
            )
            # In the reader's alphabetical order, not in the order of the keys.
            self.fields[name].choices = [
                (term.pk, term.label)
                for term in collated(terms.filter(kind=kind), key=lambda term: term.label)
            ]
        self.fields["municipality"].queryset = self.fields["municipality"].queryset.order_by("name")
        self.fields["founding_year"].widget.attrs.update(min=1800, max=timezone.now().year)
        translations = self.instance.description_translations or {}
        for code in DESCRIPTION_LANGUAGES:
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description in %(language)s (optional)")
                % {"language": LANG_INFO[code]["name"]},
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 4, "lang": code}),
                initial=translations.get(code, ""),
            )
        self.fields["social_links_text"].initial = "\n".join(self.instance.social_links or [])
        self.order_fields(
            [
                *[
                    n
                    for n in self.Meta.fields
                    if not n.startswith("visibility") and n != "is_published"
                ],
                *[f"description_{code}" for code in DESCRIPTION_LANGUAGES],
                "social_links_text",
            ]
        )

    def clean_founding_year(self):
        year = self.cleaned_data.get("founding_year")
        if year is not None and year > timezone.now().year:
            raise ValidationError(_("The founding year cannot be in the future."))
        if year is not None and year < 1800:
            raise ValidationError(_("Please give a year after 1800."))
        return year

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):  # a new upload, not the stored file
            return clean_logo(logo)
        return logo

    def clean_social_links_text(self):
        lines = [
            line.strip()
            for line in self.cleaned_data["social_links_text"].splitlines()
            if line.strip()
        ]
        if len(lines) > MAX_SOCIAL_LINKS:
            raise ValidationError(_("At most 5 links, please."))
        validate = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                validate(line)
            except ValidationError as error:
                raise ValidationError(
                    _("“%(value)s” is not a web address (it should start with https://).")
                    % {"value": line[:80]}
                ) from error
        return lines

    def save(self, commit=True):
        organisation = super().save(commit=False)
        organisation.social_links = self.cleaned_data["social_links_text"]
        organisation.description_translations = {
            code: self.cleaned_data[f"description_{code}"].strip()
            for code in DESCRIPTION_LANGUAGES
            if self.cleaned_data.get(f"description_{code}", "").strip()
        }
        if commit:
            organisation.save()
            self.save_m2m()
        return organisation


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_(
            "The association replies to this address. You get a copy of your message if you "
            "are logged in with this address."
        ),
    )
    message = forms.CharField(
        label=_("Your message"), max_length=4000, min_length=10, widget=forms.Textarea
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address of your colleague"))
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file (.csv, .xlsx)"),
        help_text=_(
            "Columns: name, municipality_key or municipality, and optionally register_number, "
            "legal_form, founding_year, short_name, website, contact_email, fields, languages."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise ValidationError(_("The file is too big: at most 5 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise ValidationError(_("Please upload a .csv or .xlsx file."))
        return upload


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Keep this association (the duplicate is merged into it)"),
        queryset=Organisation.objects.none(),
    )

    def __init__(self, *args, duplicate, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = (
            Organisation.objects.exclude(pk=duplicate.pk)
            .exclude(status=Organisation.Status.ARCHIVED)
            .order_by("name")
        )
