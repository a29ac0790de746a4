"""Networking rounds: seat people at tables round after round so that they meet new people.

This is the social golfer problem with extras. Where a design exists (a finite-field
transversal design or affine plane, or a cyclically developed plan found by CP-SAT; see
`rounds_designs`), the plan starts from it, with people placed on the design's points so that
members of one association and people who met before sit apart. Otherwise a greedy plan
(big organisations first, after Triska & Musliu) starts a tabu search (after Dotú & Van
Hentenryck, `rounds_search`) that improves until a proven lower bound (`rounds_bounds`), the
step limit or the time limit, restarting when it stalls.

Objective, in strict priority: (1) violations -- same-organisation pairs at a table plus every
extra meeting of a pair; (2) pairs seated together who had met before; (3) minus the summed
interest of distinct pairs seated together. Every choice is driven by a seeded generator and
step counts (CP-SAT by its deterministic work count), so the same input gives the same plan
unless `time_limit_s` cuts the search short, which the output says.
"""

import time

import numpy as np

from .rounds_bounds import repeat_lower_bound
from .rounds_designs import CYCLIC_MAX_PEOPLE, cyclic_rounds, transversal_rounds
from .rounds_instance import RoundsInstance, parse_rounds_instance, table_sizes
from .rounds_invariant import invariant_rounds
from .rounds_search import Search

# Steps of plain search before a cyclic design is tried (most small cases need far fewer).
QUICK_SEARCH_STEPS = 2_000
# Steps of the local search that places people onto the points of a design.
MAPPING_STEPS = 2_000


def plan_rounds(instance: dict) -> dict:
    """Seating plan for all rounds; see the module docstring for the objective."""
    parsed = parse_rounds_instance(instance)
    if not parsed.ids:
        return _result(parsed, [[] for _ in range(parsed.rounds)], "solved", 0, None)
    deadline = time.monotonic() + parsed.time_limit_s
    search = Search(parsed)
    construction = None
    n, size, rounds = search.n, parsed.table_size, parsed.rounds
    design = transversal_rounds(n, size, rounds)
    partial = None if design else transversal_rounds(n, size, rounds, partial_ok=True)
    invariant = invariant_rounds(n, size, rounds, parsed.seed) if design is None else None
    if invariant is not None:
        construction, design, partial = "translation_invariant", invariant, None
        search.load(place_people(search, invariant))
    elif design is not None:
        construction = "finite_field"
        search.load(place_people(search, design))
    elif partial is not None:
        # More rounds than the design has without repeats: start from its rounds (greedy
        # completion when still short), then the search below repairs the repeats.
        construction = "finite_field_partial"
        search.extend(place_people(search, partial))
    else:
        search.construct()
    if search.n > 1 and search.tables > 1:
        if design is None and _cyclic_may_help(search):
            search.search(deadline, QUICK_SEARCH_STEPS)
            if search.violations > search.floor:
                remaining = max(0.0, deadline - time.monotonic())
                cyclic = cyclic_rounds(n, size, rounds, parsed.seed, wall_limit=remaining / 2)
                if cyclic is not None:
                    construction = "cyclic"
                    search.load(place_people(search, cyclic))
        search.search(deadline)
    plan = []
    for r in range(parsed.rounds):
        tables = [sorted(int(x) for x in row if x < search.n) for row in search.seats[r]]
        plan.append(sorted(tables))
    return _result(parsed, plan, search.stopped_by, search.iterations, construction)


def _cyclic_may_help(search: Search) -> bool:
    return (
        search.n <= CYCLIC_MAX_PEOPLE
        and search.n == search.tables * search.instance.table_size
        and repeat_lower_bound(search.n, search.sizes, search.rounds) == 0
    )


def place_people(search: Search, design: list[list[list[int]]]) -> list[list[list[int]]]:
    """Put people on the design's points (0..n-1) so that few costly pairs meet.

    People of big organisations come first, so an organisation fills consecutive points (in a
    transversal design: one group, whose members never meet). Then a local search swaps the
    points of two people while that lowers the cost of the pairs who meet (same organisation
    above everything, then met before, then interest), for people in costly pairs first.
    """
    n = search.n
    org = search.org[:n]
    org_size = np.bincount(org + 1)[org + 1]
    order = np.lexsort((np.arange(n), org, -np.where(org >= 0, org_size, 0)))
    person_at = order.copy()  # person_at[point]
    meets = np.zeros((n, n))
    for tables in design:
        for table in tables:
            idx = np.array(table, dtype=np.int64)
            meets[np.ix_(idx, idx)] += 1
    np.fill_diagonal(meets, 0)
    cost = search.violation_weight * search.same_org[:n, :n].astype(float)
    if search.secondary is not None:
        cost = cost + search.secondary[:n, :n]
    if not cost.any():
        return [[[int(person_at[p]) for p in table] for table in tables] for tables in design]
    point_of = np.empty(n, dtype=np.int64)
    point_of[person_at] = np.arange(n)
    for _ in range(MAPPING_STEPS):
        together = meets[np.ix_(point_of, point_of)]  # person x person meetings
        paid = (cost * together).sum(axis=1)
        a = int(np.argmax(paid))
        if paid[a] <= 0:
            break
        gain = (cost[a][None, :] - cost) * (together - together[a][None, :])
        delta = gain.sum(axis=1) - gain[np.arange(n), np.arange(n)] - gain[:, a]
        delta[a] = np.inf
        b = int(np.argmin(delta))
        if delta[b] >= -1e-12:
            break
        point_of[a], point_of[b] = point_of[b], point_of[a]
    person_at[point_of] = np.arange(n)
    return [[[int(person_at[p]) for p in table] for table in tables] for tables in design]


def _result(
    parsed: RoundsInstance,
    plan: list[list[list[int]]],
    stopped_by: str,
    iterations: int,
    construction: str | None,
) -> dict:
    """Counts recomputed from the plan itself, independent of the search's bookkeeping."""
    meetings: dict[tuple[int, int], int] = {}
    same_org_pairs = 0
    for tables in plan:
        for table in tables:
            for i, u in enumerate(table):
                for v in table[i + 1 :]:
                    meetings[(u, v)] = meetings.get((u, v), 0) + 1
                    org = parsed.organisations[u]
                    same_org_pairs += org is not None and org == parsed.organisations[v]
    ids = parsed.ids
    repeats = sum(times - 1 for times in meetings.values())
    bound = repeat_lower_bound(len(ids), table_sizes(len(ids), parsed.table_size), parsed.rounds)
    return {
        "rounds": [[[ids[person] for person in table] for table in tables] for tables in plan],
        "repeat_pairs": repeats,
        "repeat_pairs_lower_bound": bound,
        "repeat_pairs_best_possible": repeats == bound,
        "same_organisation_pairs": same_org_pairs,
        "new_pairs": sum(1 for pair in meetings if pair not in parsed.met_before),
        "interest": sum(parsed.interest.get(pair, 0) for pair in sorted(meetings)),
        "construction": construction,
        "stopped_by": stopped_by,
        "iterations": iterations,
    }
