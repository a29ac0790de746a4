"""Django's own texts (errors, the back office) never show German in another language.

Django fills an entry its catalogue for a language lacks from the default language (German),
so a gap in Django's Arabic catalogue would show "Dieses Passwort ist zu kurz" to an Arabic
visitor. core/django_texts.py fills those gaps; this test finds new ones after an upgrade.
"""

from pathlib import Path

import django
import polib
import pytest
from django.utils import translation

from tests.core.test_translations import COMPLETE_LANGUAGES

DJANGO = Path(django.__file__).parent
CATALOGUES = ["conf/locale", "contrib/admin/locale", "contrib/auth/locale"]


def german_entries():
    for catalogue in CATALOGUES:
        for entry in polib.pofile(str(DJANGO / catalogue / "de/LC_MESSAGES/django.po")):
            if entry.translated() and not entry.obsolete:
                yield entry


@pytest.mark.parametrize("language", [code for code in COMPLETE_LANGUAGES if code != "de"])
def test_djangos_texts_do_not_fall_back_to_german(language):
    german_only = []
    with translation.override(language):
        for entry in german_entries():
            if entry.msgid_plural:
                shown = (
                    translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 5)
                    if entry.msgctxt
                    else translation.ngettext(entry.msgid, entry.msgid_plural, 5)
                )
                german = entry.msgstr_plural[1]
            else:
                shown = (
                    translation.pgettext(entry.msgctxt, entry.msgid)
                    if entry.msgctxt
                    else translation.gettext(entry.msgid)
                )
                german = entry.msgstr
            if german != entry.msgid and shown == german:
                german_only.append(entry.msgid)
    assert german_only == []


def test_a_short_password_is_refused_in_arabic_not_german():
    from django.contrib.auth.password_validation import MinimumLengthValidator
    from django.core.exceptions import ValidationError

    with translation.override("ar"):
        with pytest.raises(ValidationError) as error:
            MinimumLengthValidator(8).validate("abc")
        assert "Passwort" not in " ".join(error.value.messages)
        assert "كلمة المرور" in " ".join(error.value.messages)
