"""Apply translations from tools/<language>/*.json (German by default) to the catalogues.

Each JSON file (one per app or piece of work, so that parallel work does not collide)
maps an English message id to its German text. Used when many strings arrive at once;
single strings can as well be edited in the .po files directly.
"""

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE = sys.argv[1] if len(sys.argv) > 1 else "de"
table = {}
for source in sorted((ROOT / "tools" / LANGUAGE).glob("*.json")):
    table.update(json.loads(source.read_text(encoding="utf-8")))
missing = set()
for path in sorted(ROOT.glob(f"src/vernetzt/*/locale/{LANGUAGE}/LC_MESSAGES/django.po")):
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
if LANGUAGE == "de":  # Arabic may stay partial for now; German must be complete
    for key in sorted(missing):
        print("missing:", key, file=sys.stderr)
