"""The networking-rounds input: validation into plain index-based data, and table sizes."""

import math
from dataclasses import dataclass
from typing import Any

from ._checks import (
    optional_id,
    reject_unknown_keys,
    require_id,
    require_int,
    require_list,
    require_number,
    require_object,
    unique_ids,
)
from .errors import SolverInputError

TOP_LEVEL_KEYS = (
    "participants",
    "table_size",
    "rounds",
    "met_before",
    "interest",
    "time_limit_s",
    "seed",
    "max_iterations",
)
MAX_ROUNDS = 100
DEFAULT_TIME_LIMIT_S = 30.0
DEFAULT_MAX_ITERATIONS = 500_000


@dataclass
class RoundsInstance:
    ids: list[str]
    organisations: list[str | None]
    table_size: int
    rounds: int
    met_before: set[tuple[int, int]]
    interest: dict[tuple[int, int], float]
    time_limit_s: float
    seed: int
    max_iterations: int


def parse_rounds_instance(data: Any) -> RoundsInstance:
    data = require_object(data, "instance")
    reject_unknown_keys(data, TOP_LEVEL_KEYS, "instance")
    people = require_list(data.get("participants"), "participants")
    for index, person in enumerate(people):
        require_object(person, f"participants[{index}]")
    ids = unique_ids(people, "participants")
    index_of = {person_id: i for i, person_id in enumerate(ids)}
    organisations = [
        optional_id(person.get("organisation"), f"participants[{i}].organisation")
        for i, person in enumerate(people)
    ]

    def pair(raw: list, where: str) -> tuple[int, int]:
        first, second = (require_id(raw[k], f"{where}[{k}]") for k in range(2))
        for person_id in (first, second):
            if person_id not in index_of:
                raise SolverInputError(f"{where} names unknown participant {person_id!r}")
        if first == second:
            raise SolverInputError(f"{where} pairs {first!r} with themselves")
        low, high = sorted((index_of[first], index_of[second]))
        return low, high

    met_before = set()
    for i, raw in enumerate(require_list(data.get("met_before") or [], "met_before")):
        if not isinstance(raw, list) or len(raw) != 2:
            raise SolverInputError(f"met_before[{i}] must be a pair [id, id]")
        met_before.add(pair(raw, f"met_before[{i}]"))
    interest: dict[tuple[int, int], float] = {}
    for i, raw in enumerate(require_list(data.get("interest") or [], "interest")):
        if not isinstance(raw, list) or len(raw) != 3:
            raise SolverInputError(f"interest[{i}] must be [id, id, number]")
        key = pair(raw, f"interest[{i}]")
        interest[key] = interest.get(key, 0) + require_number(raw[2], f"interest[{i}][2]")

    time_limit = data.get("time_limit_s")
    time_limit = DEFAULT_TIME_LIMIT_S if time_limit is None else time_limit
    time_limit = require_number(time_limit, "time_limit_s")
    if time_limit <= 0:
        raise SolverInputError("time_limit_s must be positive")
    seed = data.get("seed")
    max_iterations = data.get("max_iterations")
    return RoundsInstance(
        ids=ids,
        organisations=organisations,
        table_size=require_int(data.get("table_size"), "table_size", 2),
        rounds=require_int(data.get("rounds"), "rounds", 1, MAX_ROUNDS),
        met_before=met_before,
        interest=interest,
        time_limit_s=float(time_limit),
        seed=0 if seed is None else require_int(seed, "seed", 0),
        max_iterations=DEFAULT_MAX_ITERATIONS
        if max_iterations is None
        else require_int(max_iterations, "max_iterations", 0),
    )


def table_sizes(people: int, table_size: int) -> list[int]:
    """ceil(n / table_size) tables whose sizes differ by at most one, bigger ones first."""
    tables = math.ceil(people / table_size)
    if not tables:
        return []
    base, extra = divmod(people, tables)
    return [base + 1] * extra + [base] * (tables - extra)
