"""Sorting words the way a reader of the current language expects (ICU collation).

Python's `sorted` orders by code point: "ältere Menschen" lands after "Zuwanderer" and "Alle"
before "alle". ICU's collator for the reader's language puts "ä" with "a" (German), "ı"
before "i" (Turkish), and Arabic letters in their order. PyICU through the `pyicu-wheels`
package, which ships ICU inside the wheel (no system library to install).
"""

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

import icu
from django.conf import settings
from django.utils.translation import get_language

T = TypeVar("T")


@lru_cache(maxsize=32)
def _collator(language: str):
    return icu.Collator.createInstance(icu.Locale(language))


@lru_cache(maxsize=32)
def _primary_collator(language: str):
    """Compares letters only: "Alle" and "alle" (and "Ärzte" / "Arzte") are the same."""
    collator = icu.Collator.createInstance(icu.Locale(language))
    collator.setStrength(icu.Collator.PRIMARY)
    return collator


def _language(language: str | None) -> str:
    return language or get_language() or settings.LANGUAGE_CODE


def sort_key(text, language: str | None = None) -> bytes:
    return _collator(_language(language)).getSortKey(str(text))


def collated(
    items: Iterable[T], key: Callable[[T], object] = str, language: str | None = None
) -> list[T]:
    """`items` sorted by `key(item)` in the reading order of `language` (default: current)."""
    collator = _collator(_language(language))
    return sorted(items, key=lambda item: collator.getSortKey(str(key(item))))


def same_words(first, second, language: str | None = None) -> bool:
    """True when two labels differ only by case or accents ("Alle" and "alle")."""
    return _primary_collator(_language(language)).compare(str(first), str(second)) == 0


def unique_collated(
    items: Iterable[T], key: Callable[[T], object] = str, language: str | None = None
) -> list[T]:
    """Sorted like `collated`, with entries whose labels differ only by case or accents merged
    (the first one is kept)."""
    kept: list[T] = []
    for item in collated(items, key, language):
        if kept and same_words(key(kept[-1]), key(item), language):
            continue
        kept.append(item)
    return kept
