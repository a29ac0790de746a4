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
