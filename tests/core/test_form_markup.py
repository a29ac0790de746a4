"""The shared form markup: errors tied to their fields without repeating an id."""

import re
from collections import Counter

from django import forms
from django.template.loader import render_to_string


class _Form(forms.Form):
    name = forms.CharField(help_text="Wie Sie genannt werden möchten")
    email = forms.EmailField()


def test_error_markup_never_repeats_an_id():
    form = _Form({"name": "", "email": "kein-at"})
    assert not form.is_valid()
    html = render_to_string("core/includes/form.html", {"form": form})
    ids = Counter(re.findall(r'\bid="([^"]+)"', html))
    assert [name for name, count in ids.items() if count > 1] == []
    # Each input points to its error, and the error with that id exists.
    for field in ("name", "email"):
        described = re.search(rf'id="id_{field}"', html) and re.search(
            rf'aria-describedby="[^"]*id_{field}_error', html
        )
        assert described, field
        assert f'id="id_{field}_error"' in html
