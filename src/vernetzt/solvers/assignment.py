"""Forum assignment: place as many (participant, slot) pairs as possible, meet as many needs
as possible, then minimise rank cost -- an exact optimum by min-cost flow, slot by slot (slots
share no constraint). See `assignment_network` for the model and docs/solvers.md for the
input and output.

A need (step-free access, interpretation) decides where a person goes when a forum can meet
it; when none can, the person is still placed by their ranking and the placement is listed in
`unmet_needs`, so that staff can organise it. Only capacity, the organisation limit and pins
leave someone out, and `unassigned` says which.
"""

import numpy as np

from ._checks import require_list
from .assignment_instance import AssignmentInstance, parse_assignment_instance
from .assignment_network import slot_data, solve_slot
from .assignment_report import pin_conflicts, report
from .errors import SolverInputError


def _pinned(instance: AssignmentInstance) -> np.ndarray:
    chosen = np.full((len(instance.people), len(instance.slots)), -1, dtype=np.int64)
    for (person, slot), forum in instance.pins.items():
        chosen[person, slot] = forum
    return chosen


def assign_forums(instance: dict) -> dict:
    """Optimal assignment: most placements, then most needs met, then least rank cost."""
    parsed = parse_assignment_instance(instance)
    chosen = _pinned(parsed)
    for slot in range(len(parsed.slots)):
        data = slot_data(parsed, slot, chosen)
        if len(data.people):
            local = solve_slot(parsed, data)
            placed = local >= 0
            chosen[data.people[placed], slot] = data.forums[local[placed]]
    return report(parsed, chosen, pin_conflicts(parsed))


def first_come_first_served(instance: dict, order: list[str] | None = None) -> dict:
    """The baseline a fairness report compares against: each person in turn takes their best.

    Pins are placed first. Then each person, in list order (or `order`), takes the best ranked
    forum with room that meets their needs, else the first such forum in input order; when no
    forum with room meets their needs, the best ranked one with room, else the first one.
    """
    parsed = parse_assignment_instance(instance)
    index = {person_id: i for i, person_id in enumerate(parsed.people)}
    if order is None:
        sequence = range(len(parsed.people))
    else:
        order = require_list(order, "order")
        if sorted(map(str, order)) != sorted(index) or len(set(order)) != len(order):
            raise SolverInputError("order must list every participant id exactly once")
        sequence = [index[person_id] for person_id in order]
    chosen = _pinned(parsed)
    load = np.bincount(chosen[chosen >= 0], minlength=len(parsed.forum_ids))
    org_load: dict[tuple[int, int], int] = {}
    for person, forum in zip(*np.nonzero(chosen >= 0), strict=True):
        key = (int(parsed.organisation[person]), int(chosen[person, forum]))
        org_load[key] = org_load.get(key, 0) + 1
    ranked_of: dict[int, list[int]] = {}
    for person, forum in zip(parsed.pref_person.tolist(), parsed.pref_forum.tolist(), strict=True):
        ranked_of.setdefault(person, []).append(forum)
    limit = parsed.max_per_organisation
    for person in sequence:
        org = int(parsed.organisation[person])
        for slot in np.flatnonzero(parsed.takes_part[person] & (chosen[person] < 0)).tolist():
            in_slot = parsed.forums_in_slot[slot].tolist()
            ranked = [f for f in ranked_of.get(person, []) if parsed.forum_slot[f] == slot]
            candidates = ranked + [f for f in in_slot if f not in ranked]
            possible = [
                f
                for f in candidates
                if load[f] < parsed.capacity[f]
                and (org < 0 or limit is None or org_load.get((org, f), 0) < limit)
            ]
            if not possible:
                continue
            forum = min(possible, key=lambda f: len(parsed.unmet_needs(person, f)))
            chosen[person, slot] = forum
            load[forum] += 1
            org_load[(org, forum)] = org_load.get((org, forum), 0) + 1
    return report(parsed, chosen, pin_conflicts(parsed))
