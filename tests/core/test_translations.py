import json
from pathlib import Path

import polib
import pytest
from django.conf import settings

from vernetzt.core.i18n_tools import (
    REVIEW_NOTE,
    catalogues,
    django_plural_forms,
    placeholder_problems,
    plural_count,
    untranslated,
)

SRC = Path(__file__).resolve().parents[2] / "src" / "vernetzt"
TOOLS = Path(__file__).resolve().parents[2] / "tools"

# The languages whose interface must be complete (no untranslated or fuzzy message): all of
# them. A new language joins once `make messages` reports no missing message for it.
COMPLETE_LANGUAGES = ["de", "en", "ar", "tr", "uk", "fa"]
ALL_LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_catalogue_is_complete(language):
    paths = catalogues(SRC, language)
    assert paths, "no catalogues found"
    missing = {str(path.relative_to(SRC)): untranslated(path) for path in paths}
    assert {path: ids for path, ids in missing.items() if ids} == {}


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_every_app_has_a_catalogue_with_the_right_header(language):
    apps = sorted(p.parent.parent for p in SRC.glob("*/locale"))
    paths = catalogues(SRC, language)
    assert len(paths) == len(apps), f"run `make messages` ({language})"
    wanted_forms = django_plural_forms(language)
    for path in paths:
        catalogue = polib.pofile(str(path))
        assert catalogue.metadata["Language"] == language
        assert not catalogue.metadata_is_fuzzy
        if wanted_forms:  # agree with Django's own catalogue, which is merged with ours
            assert catalogue.metadata["Plural-Forms"] == wanted_forms, path
        if language != "de":
            assert REVIEW_NOTE in catalogue.header, path


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_placeholders_and_plural_forms_are_right(language):
    problems = {}
    for path in catalogues(SRC, language):
        found = placeholder_problems(path)
        if found:
            problems[str(path.relative_to(SRC))] = found
        catalogue = polib.pofile(str(path))
        assert catalogue.fuzzy_entries() == [], f"{path}: fuzzy entries"
    assert problems == {}


def test_plural_counts_follow_the_language():
    counts = {
        language: {plural_count(polib.pofile(str(p))) for p in catalogues(SRC, language)}
        for language in ["de", "en", "ar", "tr", "uk", "fa"]
    }
    assert counts == {"de": {2}, "en": {2}, "ar": {6}, "tr": {2}, "uk": {4}, "fa": {2}}


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    for path in catalogues(SRC, language):
        source = {e.msgid: e.msgstr for e in polib.pofile(str(path)).translated_entries()}
        compiled = {e.msgid: e.msgstr for e in polib.mofile(str(path.with_suffix(".mo")))}
        stale = {key for key, value in source.items() if compiled.get(key) != value}
        assert stale == set(), f"{path}: run `make messages` (stale: {sorted(stale)[:3]})"


@pytest.mark.parametrize("language", [code for code in ALL_LANGUAGES if code != "en"])
def test_translation_tables_agree_on_every_shared_message(language):
    """Django merges all catalogues into one: a message id has one text site-wide."""
    seen: dict[str, tuple[str, object]] = {}
    conflicts = []
    for path in sorted((TOOLS / language).glob("*.json")):
        for msgid, text in json.loads(path.read_text(encoding="utf-8")).items():
            if msgid in seen and seen[msgid][1] != text:
                conflicts.append(f"{msgid!r}: {seen[msgid][0]} vs {path.name}")
            seen.setdefault(msgid, (path.name, text))
    assert conflicts == []


def test_translate_script_handles_any_number_of_plural_forms(tmp_path, monkeypatch):
    """Six Arabic forms are stored as six; a short list is filled up; other texts are kept."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("translate", TOOLS / "translate.py")
    translate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(translate)
    app = tmp_path / "src" / "vernetzt" / "demoapp" / "locale" / "ar" / "LC_MESSAGES"
    app.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.metadata = {"Plural-Forms": django_plural_forms("ar")}
    catalogue.append(polib.POEntry(msgid="Kept", msgstr="محفوظ"))
    catalogue.append(
        polib.POEntry(msgid="%(n)s seat", msgid_plural="%(n)s seats", msgstr_plural={0: "", 1: ""})
    )
    catalogue.append(polib.POEntry(msgid="Open", msgctxt="door", msgstr=""))
    catalogue.save(str(app / "django.po"))
    (tmp_path / "tools" / "ar").mkdir(parents=True)
    forms = ["لا مقاعد", "مقعد واحد", "مقعدان", "%(n)s مقاعد", "%(n)s مقعدًا", "%(n)s مقعد"]
    table = {"%(n)s seat": forms, "door|Open": "افتح"}
    (tmp_path / "tools" / "ar" / "x.json").write_text(json.dumps(table), encoding="utf-8")
    monkeypatch.setattr(translate, "ROOT", tmp_path)
    missing, notes = translate.apply("ar")
    result = {e.msgid: e for e in polib.pofile(str(app / "django.po"))}
    assert result["Kept"].msgstr == "محفوظ"
    assert result["Open"].msgstr == "افتح"
    assert result["%(n)s seat"].msgstr_plural == dict(enumerate(forms))
    assert missing == set() and notes == []
    assert placeholder_problems(app / "django.po") == []
