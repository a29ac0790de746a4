from django import forms
from django.utils.translation import gettext_lazy as _


class PersonForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the person"), max_length=254)


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, erase it. I know this cannot be undone."),
        required=True,
        error_messages={"required": _("Please tick the box to confirm.")},
    )


class StaffEraseForm(PersonForm, EraseForm):
    pass


class ExportForm(PersonForm):
    format = forms.ChoiceField(choices=[("json", "JSON"), ("html", "HTML")], initial="html")
