"""The style page (`/stil/`): every component of the design system, rendered live.

Staff and developers open it to see what exists before building a page; the forms here are
examples and are never submitted anywhere.
"""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from .charts import bar_chart


class ExampleForm(forms.Form):
    name = forms.CharField(label=_("Name"), widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We only use it for this meeting."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    diet = forms.ChoiceField(
        label=_("Food"),
        required=False,
        choices=[("vegetarian", _("vegetarian")), ("vegan", _("vegan")), ("other", _("other"))],
        widget=forms.RadioSelect,
    )
    needs = forms.MultipleChoiceField(
        label=_("Access needs"),
        required=False,
        choices=[("step_free", _("step-free access")), ("interpretation", _("interpretation"))],
        widget=forms.CheckboxSelectMultiple,
    )


def style_guide(request):
    invalid = ExampleForm(data={"name": "", "email": "not an address"}, prefix="invalid")
    invalid.is_valid()
    chart = bar_chart(
        [(_("Mon"), 4), (_("Tue"), 9), (_("Wed"), 2), (_("Thu"), 12), (_("Fri"), 7)],
        label=_("Registrations per day"),
    )
    return render(
        request,
        "core/style_guide.html",
        {
            "form": ExampleForm(prefix="example"),
            "invalid_form": invalid,
            "chart": chart,
            "colours": [
                "text",
                "muted",
                "primary",
                "primary-dark",
                "accent",
                "success",
                "error",
                "surface",
                "focus",
            ],
        },
    )
