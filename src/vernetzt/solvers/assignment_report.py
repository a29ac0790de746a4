"""The assignment's output: placements, cost, and structured reasons and flags for staff.

Reasons and flags carry a `code` and `params` (to be translated by the caller) beside an
English `reason` or `problem` sentence for the command line.

Codes of `unassigned` (only true limits leave someone out):
- `full`: every forum of the slot is full.
- `organisation_limit` {organisation, limit}: the organisation already has `limit` people in
  every forum with room.

Codes of `unmet_needs` (the person is placed, and staff should organise the rest):
- `step_free_not_offered`, `step_free_full`: no forum of the slot is step-free, or those that
  are have no place left for the person.
- `interpretation_not_offered`, `interpretation_full` {language}: the same for interpretation.

Codes of `pin_conflicts` (pins are kept, the breach is reported): `not_step_free`,
`no_interpretation` {language}, `over_capacity`, `organisation_limit` {organisation, limit}.
"""

from collections import Counter

import numpy as np

from .assignment_instance import AssignmentInstance


def pin_conflicts(instance: AssignmentInstance) -> list[dict]:
    """Pins break a rule when the forum does not meet a need or is over a limit."""
    limit = instance.max_per_organisation
    load: Counter = Counter()
    org_load: Counter = Counter()
    conflicts = []
    for (person, slot), forum in instance.pins.items():
        problems = []
        for need in instance.unmet_needs(person, forum):
            if need == "step_free":
                problems.append(("not_step_free", {}, "forum is not step-free"))
            else:
                language = instance.interpretation[person]
                problems.append(
                    (
                        "no_interpretation",
                        {"language": language},
                        f"forum offers no interpretation into {language}",
                    )
                )
        if load[forum] >= instance.capacity[forum]:
            problems.append(("over_capacity", {}, "forum is over capacity"))
        org = int(instance.organisation[person])
        if org >= 0 and limit is not None and org_load[(org, forum)] >= limit:
            name = instance.organisations[org]
            problems.append(
                (
                    "organisation_limit",
                    {"organisation": name, "limit": limit},
                    f"more than {limit} people from organisation {name}",
                )
            )
        load[forum] += 1
        if org >= 0:
            org_load[(org, forum)] += 1
        conflicts.extend(
            {
                "participant": instance.people[person],
                "slot": instance.slots[slot],
                "forum": instance.forum_ids[forum],
                "code": code,
                "params": params,
                "problem": problem,
            }
            for code, params, problem in problems
        )
    return conflicts


def report(instance: AssignmentInstance, chosen: np.ndarray, conflicts: list[dict]) -> dict:
    """chosen[person, slot] = forum index or -1."""
    people, slots, forum_ids = instance.people, instance.slots, instance.forum_ids
    placed_person, placed_slot = np.nonzero(chosen >= 0)
    placed_forum = chosen[placed_person, placed_slot]
    # Rank of each placement: look the (person, forum) pair up among the rankings.
    forum_count = len(forum_ids)
    pref_key = instance.pref_person * forum_count + instance.pref_forum
    order = np.argsort(pref_key)
    key = placed_person * forum_count + placed_forum
    at = np.searchsorted(pref_key[order], key)
    at = np.minimum(at, max(0, len(order) - 1))
    found = len(order) > 0
    ranked = (pref_key[order][at] == key) if found else np.zeros(len(key), dtype=bool)
    rank = np.where(ranked, instance.pref_rank[order][at] if found else 0, 0)
    unranked_cost = np.array([instance.unranked_cost(s) for s in range(len(slots))])
    cost = int(np.where(ranked, rank**2, unranked_cost[placed_slot]).sum())
    counts = Counter(rank[ranked].tolist())
    histogram = {str(r): counts[r] for r in sorted(counts)}
    histogram["unranked"] = int((~ranked).sum())

    assignment: dict[str, dict[str, str]] = {person: {} for person in people}
    for p, s, f in zip(
        placed_person.tolist(), placed_slot.tolist(), placed_forum.tolist(), strict=True
    ):
        assignment[people[p]][slots[s]] = forum_ids[f]
    return {
        "assignment": {pid: dict(sorted(per_slot.items())) for pid, per_slot in assignment.items()},
        "unassigned": _unassigned(instance, chosen),
        "unmet_needs": _unmet_needs(instance, chosen, placed_person, placed_slot, placed_forum),
        "cost": cost,
        "rank_histogram": histogram,
        "pin_conflicts": conflicts,
    }


def _unassigned(instance: AssignmentInstance, chosen: np.ndarray) -> list[dict]:
    limit = instance.max_per_organisation
    items = []
    open_person, open_slot = np.nonzero(instance.takes_part & (chosen < 0))
    if not len(open_person):
        return items
    load = np.bincount(chosen[chosen >= 0], minlength=len(instance.forum_ids))
    room = instance.capacity - load
    for person, slot in zip(open_person.tolist(), open_slot.tolist(), strict=True):
        with_room = [f for f in instance.forums_in_slot[slot].tolist() if room[f] > 0]
        org = int(instance.organisation[person])
        if not with_room or org < 0 or limit is None:
            code, params, reason = "full", {}, "all forums full"
        else:
            name = instance.organisations[org]
            code, params = "organisation_limit", {"organisation": name, "limit": limit}
            reason = f"organisation {name} already has {limit} people in every forum with room"
        items.append(
            {
                "participant": instance.people[person],
                "slot": instance.slots[slot],
                "code": code,
                "params": params,
                "reason": reason,
            }
        )
    return items


def _unmet_needs(instance, chosen, placed_person, placed_slot, placed_forum) -> list[dict]:
    needy = instance.needs_step_free | np.array(
        [language is not None for language in instance.interpretation], dtype=bool
    )
    flags = []
    for p, s, f in zip(
        placed_person.tolist(), placed_slot.tolist(), placed_forum.tolist(), strict=True
    ):
        if not needy[p]:
            continue
        for need in instance.unmet_needs(p, f):
            slot_forums = instance.forums_in_slot[s].tolist()
            params = {}
            if need == "step_free":
                offered = any(instance.step_free[g] for g in slot_forums)
            else:
                language = instance.interpretation[p]
                offered = any(language in instance.languages[g] for g in slot_forums)
                params = {"language": language}
            flags.append(
                {
                    "participant": instance.people[p],
                    "slot": instance.slots[s],
                    "forum": instance.forum_ids[f],
                    "code": f"{need}_{'full' if offered else 'not_offered'}",
                    "params": params,
                }
            )
    return flags
