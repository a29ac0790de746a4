from pathlib import Path

import polib
import pytest

from vernetzt.core.i18n_tools import catalogues, untranslated

SRC = Path(__file__).resolve().parents[2] / "src" / "vernetzt"


@pytest.mark.parametrize("language", ["de", "en"])
def test_catalogue_is_complete(language):
    paths = catalogues(SRC, language)
    assert paths, "no catalogues found"
    missing = {str(path.relative_to(SRC)): untranslated(path) for path in paths}
    assert {path: ids for path, ids in missing.items() if ids} == {}


@pytest.mark.parametrize("language", ["de", "en", "ar"])
def test_compiled_catalogue_matches_its_source(language):
    for path in catalogues(SRC, language):
        source = {e.msgid: e.msgstr for e in polib.pofile(str(path)).translated_entries()}
        compiled = {e.msgid: e.msgstr for e in polib.mofile(str(path.with_suffix(".mo")))}
        stale = {key for key, value in source.items() if compiled.get(key) != value}
        assert stale == set(), f"{path}: run `make messages` (stale: {sorted(stale)[:3]})"


def test_translation_tables_agree_on_every_shared_message():
    """Django merges all catalogues into one: a message id has one German text site-wide."""
    import json

    tables = Path(__file__).resolve().parents[2] / "tools" / "de"
    seen: dict[str, tuple[str, object]] = {}
    conflicts = []
    for path in sorted(tables.glob("*.json")):
        for msgid, text in json.loads(path.read_text(encoding="utf-8")).items():
            if msgid in seen and seen[msgid][1] != text:
                conflicts.append(f"{msgid!r}: {seen[msgid][0]} vs {path.name}")
            seen.setdefault(msgid, (path.name, text))
    assert conflicts == []
