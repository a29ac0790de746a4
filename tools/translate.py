"""Apply translations from tools/<language>/*.json to that language's catalogues.

    python tools/translate.py <language>      (German when no language is given)

Each JSON file (one per app or piece of work, so that parallel work does not collide) maps an
English message id to its text in <language>:

    "Log in": "Einloggen"                          a plain message
    "verb|Register": "Anmelden"                    a message with a context (pgettext): "ctx|id"
    "%(count)s place left": ["…", "…", …]          a plural: one text per plural form, in the
                                                   order of the catalogue's Plural-Forms rule
                                                   (German 2, Turkish 2, Persian 2, Ukrainian 4
                                                   with Django's rule, Arabic 6)

A plural list shorter than the language needs is filled up with its last text (and reported).
Translations already in a catalogue (for example made in Poedit or Weblate) are kept unless a
JSON file says otherwise. Prints what is still missing: every id for German, a count otherwise.
"""

import json
import sys
from pathlib import Path

import polib

from vernetzt.core.i18n_tools import placeholders, plural_count, set_header

ROOT = Path(__file__).resolve().parent.parent


def load_table(language: str) -> dict:
    table = {}
    for source in sorted((ROOT / "tools" / language).glob("*.json")):
        table.update(json.loads(source.read_text(encoding="utf-8")))
    return table


def upstream_table(language: str) -> dict:
    """allauth's own translations, for the account texts listed in accounts/allauth_texts.py."""
    try:
        import allauth
    except ImportError:
        return {}
    path = Path(allauth.__file__).parent / "locale" / language / "LC_MESSAGES" / "django.po"
    if not path.exists():
        return {}
    table = {}
    for entry in polib.pofile(str(path)).translated_entries():
        key = f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid
        if "fuzzy" in entry.flags:
            continue
        if not entry.msgid_plural and placeholders(entry.msgstr) != placeholders(entry.msgid):
            continue  # a slip upstream: better untranslated than broken
        if entry.msgid_plural:
            table[key] = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
        else:
            table[key] = entry.msgstr
    return table


def apply(language: str) -> tuple[set[str], list[str]]:
    table = load_table(language)
    upstream = upstream_table(language)
    missing: set[str] = set()
    notes: list[str] = []
    for path in sorted(ROOT.glob(f"src/vernetzt/*/locale/{language}/LC_MESSAGES/django.po")):
        catalogue = polib.pofile(str(path))
        set_header(catalogue, language)
        count = plural_count(catalogue)
        for entry in catalogue:
            if entry.obsolete:
                continue
            # A message with a context (pgettext) is keyed "context|id" in the JSON files.
            key = f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid
            value = table.get(key)
            if "fuzzy" in entry.flags and value is None:
                # makemessages' guess from a similar old message: wrong more often than not.
                entry.msgstr = ""
                entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
                entry.flags.remove("fuzzy")
                entry.previous_msgid = entry.previous_msgid_plural = None
                entry.previous_msgctxt = None
            account_text = any("allauth_texts" in f for f, _line in entry.occurrences)
            if value is None and account_text:  # allauth's own text unless a JSON file words it
                value = upstream.get(key)
                if value is None:
                    entry.msgstr = ""
            if entry.msgid_plural:
                if isinstance(value, str):
                    value = [value]
                if isinstance(value, list) and value:
                    if len(value) != count:
                        notes.append(f"{key!r}: {len(value)} forms given, {count} needed")
                    forms = (list(value) + [value[-1]] * count)[:count]
                    entry.msgstr_plural = dict(enumerate(forms))
                    entry.flags = [f for f in entry.flags if f != "fuzzy"]
                else:
                    # Keep what is there; make sure every form of the rule has a slot.
                    forms = {i: entry.msgstr_plural.get(i, "") for i in range(count)}
                    entry.msgstr_plural = forms
                    if not all(forms.values()) or "fuzzy" in entry.flags:
                        missing.add(key)
            elif isinstance(value, str):
                entry.msgstr = value
                entry.flags = [f for f in entry.flags if f != "fuzzy"]
            elif not entry.msgstr or "fuzzy" in entry.flags:
                missing.add(key)
        catalogue.save()
    return missing, notes


if __name__ == "__main__":
    language = sys.argv[1] if len(sys.argv) > 1 else "de"
    missing, notes = apply(language)
    for note in notes:
        print(f"{language}: {note}", file=sys.stderr)
    if language == "de":  # German must be complete; the others report how far they are
        for key in sorted(missing):
            print("missing:", key, file=sys.stderr)
    elif missing:
        print(f"{language}: {len(missing)} messages not yet translated", file=sys.stderr)
