"""Translated share of the interface catalogues per language, as `msgfmt --statistics` counts it.

    .venv/bin/python bench/translation_coverage.py

Runs msgfmt on every app's catalogue of each language in settings.LANGUAGES and adds the counts.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vernetzt.settings")

from _setup import write_result  # noqa: E402

from vernetzt.core.i18n_tools import catalogues, languages  # noqa: E402

COUNT = re.compile(r"(\d+) (translated|fuzzy translation|untranslated)")


def statistics(path: Path) -> dict[str, int]:
    result = subprocess.run(
        ["msgfmt", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return {kind: int(n) for n, kind in COUNT.findall(result.stderr)}


def main() -> None:
    figures = {}
    for language in languages():
        total = {"translated": 0, "fuzzy translation": 0, "untranslated": 0}
        for path in catalogues(ROOT.parent / "src" / "vernetzt", language):
            for kind, n in statistics(path).items():
                total[kind] += n
        messages = sum(total.values())
        share = round(100 * total["translated"] / messages, 1) if messages else 0.0
        figures[language] = {**total, "messages": messages, "translated_percent": share}
        print(
            f"{language}: {total['translated']}/{messages} translated ({share} %), "
            f"{total['fuzzy translation']} fuzzy, {total['untranslated']} untranslated"
        )
    write_result("translation_coverage", figures)


if __name__ == "__main__":
    main()
