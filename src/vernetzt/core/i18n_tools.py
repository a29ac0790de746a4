"""Catalogue helpers for `make messages` and the completeness test.

English is the language of the message ids, so its catalogue is complete by copying each id;
German must be translated by a person, and `untranslated()` lists what is still missing.
"""

import sys
from pathlib import Path

import polib


def catalogues(root: Path, language: str) -> list[Path]:
    return sorted(root.glob(f"*/locale/{language}/LC_MESSAGES/django.po"))


def fill_english(root: Path) -> int:
    filled = 0
    for path in catalogues(root, "en"):
        catalogue = polib.pofile(str(path))
        for entry in catalogue:
            if entry.obsolete:
                continue
            # The ids are English: the English text is always the id itself. Overwriting also
            # repairs a fuzzy guess of makemessages (an old, similar id's text).
            if entry.msgid_plural:
                wanted = {0: entry.msgid, 1: entry.msgid_plural}
                if entry.msgstr_plural != wanted:
                    entry.msgstr_plural = wanted
                    filled += 1
            elif entry.msgstr != entry.msgid:
                entry.msgstr = entry.msgid
                filled += 1
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        catalogue.save()
    return filled


def untranslated(path: Path) -> list[str]:
    """Message ids without a translation, or marked fuzzy."""
    catalogue = polib.pofile(str(path))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    missing += [entry.msgid for entry in catalogue.fuzzy_entries()]
    return missing


if __name__ == "__main__":
    command, root = sys.argv[1], Path(sys.argv[2])
    if command == "fill-english":
        print(f"filled {fill_english(root)} English entries")
    elif command == "missing":
        for language in sys.argv[3:] or ["de"]:
            for path in catalogues(root, language):
                for msgid in untranslated(path):
                    print(f"{path}: {msgid!r}")
    else:
        sys.exit(f"unknown command {command}")
