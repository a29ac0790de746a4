"""Type checks that name the offending field, so organisers can fix their data."""

import difflib
import math
from collections.abc import Iterable
from typing import Any

from .errors import SolverInputError


def require_object(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise SolverInputError(f"{where} must be a JSON object")
    return value


def require_list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise SolverInputError(f"{where} must be a list")
    return value


def require_id(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise SolverInputError(f"{where} must be a non-empty string")
    return value


def optional_id(value: Any, where: str) -> str | None:
    return None if value is None else require_id(value, where)


def require_bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise SolverInputError(f"{where} must be true or false")
    return value


def require_int(value: Any, where: str, minimum: int, maximum: int | None = None) -> int:
    # bool is an int subclass in Python, but `true` as a capacity is a data error.
    if isinstance(value, bool) or not isinstance(value, int):
        raise SolverInputError(f"{where} must be a whole number")
    if value < minimum:
        raise SolverInputError(f"{where} must be at least {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise SolverInputError(f"{where} must be at most {maximum}, got {value}")
    return value


def require_number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise SolverInputError(f"{where} must be a finite number")
    return value


def reject_unknown_keys(data: dict, allowed: Iterable[str], where: str) -> None:
    """Catch misspelt top-level options (e.g. American spelling) instead of ignoring them.

    Other extra keys (a name, a comment, metadata) are ignored, so that instances made by
    other tools still load.
    """
    allowed = list(allowed)
    misspelt = sorted(
        key
        for key in set(data) - set(allowed)
        if isinstance(key, str) and difflib.get_close_matches(key, allowed, n=1, cutoff=0.8)
    )
    if misspelt:
        raise SolverInputError(f"{where} has unknown field(s): {', '.join(misspelt)}")


def unique_ids(items: list[dict], where: str) -> list[str]:
    ids = [require_id(item.get("id"), f"{where}[{index}].id") for index, item in enumerate(items)]
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise SolverInputError(f"duplicate id {item_id!r} in {where}")
        seen.add(item_id)
    return ids
