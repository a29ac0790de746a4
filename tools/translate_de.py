"""Apply German translations from tools/de/*.json to every app's German catalogue.

Each JSON file (one per app or piece of work, so that parallel work does not collide)
maps an English message id to its German text. Used when many strings arrive at once;
single strings can as well be edited in the .po files directly.
"""

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
table = {}
for source in sorted((ROOT / "tools" / "de").glob("*.json")):
    table.update(json.loads(source.read_text(encoding="utf-8")))
missing = set()
for path in sorted(ROOT.glob("src/vernetzt/*/locale/de/LC_MESSAGES/django.po")):
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        if entry.obsolete:
            continue
        key = entry.msgid
        if entry.msgid_plural:
            value = table.get(key)
            if isinstance(value, list):
                entry.msgstr_plural = {0: value[0], 1: value[1]}
                entry.flags = [f for f in entry.flags if f != "fuzzy"]
            elif not any(entry.msgstr_plural.values()):
                missing.add(key)
        elif key in table:
            entry.msgstr = table[key]
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
        elif not entry.msgstr:
            missing.add(key)
    catalogue.save()
for key in sorted(missing):
    print("missing:", key, file=sys.stderr)
