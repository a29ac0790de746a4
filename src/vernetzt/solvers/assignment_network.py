"""One slot of the forum assignment as a min-cost maximum flow, built in bulk with NumPy.

    group of people -> forum                [ranked: cost rank² + M · unmet needs]
    group of people -> hub -> forum         [unranked: cost (k+1)² + M · unmet needs]
    forum -> sink                           [capacity: room left after the pins]

People with the same ranking, needs and (where it binds) organisation are interchangeable and
share one node. All unranked forums of a slot cost the same, so a group reaches them through
one hub per needs profile; an optimal flow never takes a hub to a forum the group ranked (the
ranked arc is cheaper), so any split of a hub's flow among its members is optimal. M exceeds
every possible sum of rank costs in the slot, so the solver first places as many people as
possible (maximum flow), then meets as many needs as possible, then minimises rank cost.

The organisation limit is added lazily: the network first leaves it out (a relaxation), and
only organisations whose placements break it are routed through (organisation, forum) nodes
of capacity "limit minus pins" in the next solve -- their ranked arcs first, and their
unranked placements (through a hub of their own) once one of those takes part in a breach.
A relaxation's optimum that keeps every limit is optimal for the full problem, so the result
is exact; each round binds at least one more organisation (or its hub), so it ends.
"""

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from .assignment_instance import AssignmentInstance


@dataclass
class SlotData:
    """What does not change between the solves of one slot."""

    forums: np.ndarray  # global forum indices of the slot
    people: np.ndarray  # open people (person indices), in input order
    room: np.ndarray  # per local forum, after the pins
    ranking: np.ndarray  # people x width: local forum index of rank j+1, or -1
    profile: np.ndarray  # needs profile per open person
    unmet: np.ndarray  # profiles x local forums: number of needs the forum does not meet
    org_left: dict[int, np.ndarray]  # organisation -> seats left per local forum after pins
    unranked_cost: int
    penalty: int


def slot_data(instance: AssignmentInstance, slot: int, chosen: np.ndarray) -> SlotData:
    """chosen[person, slot] is a forum index or -1; pinned people are already chosen."""
    forums = instance.forums_in_slot[slot]
    local = np.full(len(instance.forum_ids), -1, dtype=np.int64)
    local[forums] = np.arange(len(forums))
    people = np.flatnonzero(instance.takes_part[:, slot] & (chosen[:, slot] < 0))
    placed = chosen[:, slot]
    pinned = placed[placed >= 0]
    load = np.bincount(local[pinned], minlength=len(forums))
    room = np.maximum(0, instance.capacity[forums] - load)

    in_slot = instance.forum_slot[instance.pref_forum] == slot
    row_of = np.full(len(instance.people), -1, dtype=np.int64)
    row_of[people] = np.arange(len(people))
    keep = in_slot & (row_of[instance.pref_person] >= 0)
    rows, ranks = row_of[instance.pref_person[keep]], instance.pref_rank[keep]
    width = int(ranks.max()) if len(ranks) else 0
    ranking = np.full((len(people), width), -1, dtype=np.int64)
    ranking[rows, ranks - 1] = local[instance.pref_forum[keep]]

    language_code: dict[str | None, int] = {None: 0}
    codes = np.array(
        [language_code.setdefault(instance.interpretation[p], len(language_code)) for p in people],
        dtype=np.int64,
    )
    profile_key = codes * 2 + instance.needs_step_free[people]
    profiles, profile = np.unique(profile_key, return_inverse=True)
    languages = list(language_code)
    step_free = instance.step_free[forums]
    unmet = np.zeros((len(profiles), len(forums)), dtype=np.int64)
    for i, key in enumerate(profiles.tolist()):
        language = languages[key // 2]
        unmet[i] += (key % 2) * ~step_free
        if language is not None:
            unmet[i] += [language not in instance.languages[f] for f in forums]

    org_left: dict[int, np.ndarray] = {}
    limit = instance.max_per_organisation
    if limit is not None:
        pinned_people = np.flatnonzero(placed >= 0)
        for person in pinned_people[instance.organisation[pinned_people] >= 0].tolist():
            org = int(instance.organisation[person])
            left = org_left.setdefault(org, np.full(len(forums), limit, dtype=np.int64))
            left[local[placed[person]]] -= 1
    unranked_cost = instance.unranked_cost(slot)
    return SlotData(
        forums=forums,
        people=people,
        room=room,
        ranking=ranking,
        profile=profile.reshape(-1),
        unmet=unmet,
        org_left={org: np.maximum(0, left) for org, left in org_left.items()},
        unranked_cost=unranked_cost,
        penalty=unranked_cost * (len(people) + 1) + 1,
    )


def solve_slot(instance: AssignmentInstance, data: SlotData) -> np.ndarray:
    """The local forum index per open person (-1: not placed), exactly optimal."""
    limit = instance.max_per_organisation
    bound: set[int] = set()  # organisations whose ranked arcs meet the limit in the network
    hub_bound: set[int] = set()  # ... and whose unranked placements do too
    org = instance.organisation[data.people]
    forum_count = len(data.forums)
    while True:
        choice, via_hub = _solve(
            instance,
            data,
            np.array(sorted(bound), dtype=np.int64),
            np.array(sorted(hub_bound), dtype=np.int64),
        )
        placed = (choice >= 0) & (org >= 0)
        if limit is None or not placed.any():
            return choice
        key = org * forum_count + choice
        keys, counts = np.unique(key[placed], return_counts=True)
        allowed = np.array(
            [
                data.org_left[k // forum_count][k % forum_count]
                if k // forum_count in data.org_left
                else limit
                for k in keys.tolist()
            ],
            dtype=np.int64,
        )
        if not (counts > allowed).any():
            return choice
        # Bind each organisation that breaks the limit, and those at it in some forum
        # (rerouting could push them over): fewer rounds. Where such an organisation has
        # someone in an unranked forum, its unranked placements are bound too.
        tight = keys[counts >= allowed] // forum_count
        bound |= set(tight.tolist())
        hub_bound |= set(org[placed & via_hub & np.isin(org, tight)].tolist())


def _solve(
    instance: AssignmentInstance, data: SlotData, bound_orgs: np.ndarray, hub_orgs: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Choices and whether each came through a hub (an unranked forum)."""
    people, ranking, room = data.people, data.ranking, data.room
    forum_count = len(data.forums)
    org = instance.organisation[people]
    org_key = np.where(np.isin(org, bound_orgs), org, -1)
    keys = np.column_stack([org_key, data.profile, ranking])
    groups, group_of = np.unique(keys, axis=0, return_inverse=True)
    group_of = group_of.reshape(-1)
    group_count = len(groups)
    sizes = np.bincount(group_of, minlength=group_count)
    group_org, group_profile, group_ranking = groups[:, 0], groups[:, 1], groups[:, 2:]

    open_forums = np.flatnonzero(room > 0)
    first_group = 2 + forum_count
    # Hubs: one per (organisation if bound, profile) among groups that may go unranked.
    ranked_open = (group_ranking >= 0) & (room[np.maximum(group_ranking, 0)] > 0)
    may_go_unranked = ranked_open.sum(axis=1) < len(open_forums)
    hub_org = np.where(np.isin(group_org, hub_orgs), group_org, -1)
    hub_keys, hub_of = np.unique(
        np.column_stack([hub_org, group_profile])[may_go_unranked], axis=0, return_inverse=True
    )
    hub_keys = hub_keys.reshape(-1, 2)
    hub_of = hub_of.reshape(-1)
    first_hub = first_group + group_count
    first_org_node = first_hub + len(hub_keys)

    # Ranked arcs, hub entries, hub exits (every hub to every forum with room).
    group_index, column = np.nonzero(ranked_open)
    forum = group_ranking[group_index, column]
    entering = np.flatnonzero(may_go_unranked)
    exit_hub = np.repeat(np.arange(len(hub_keys)), len(open_forums))
    exit_forum = np.tile(open_forums, len(hub_keys))

    # Bound organisations: where several of an organisation's arcs reach a forum they meet in
    # an (organisation, forum) node that carries the limit; a single arc carries it itself.
    def org_row(orgs: np.ndarray) -> np.ndarray:
        """Row of each organisation among bound_orgs, or len(bound_orgs) when not bound."""
        row = np.searchsorted(bound_orgs, orgs)
        inside = row < len(bound_orgs)
        row = np.where(inside, row, len(bound_orgs))
        found = np.zeros(len(orgs), dtype=bool)
        found[inside] = bound_orgs[row[inside]] == orgs[inside]
        return np.where(found, row, len(bound_orgs))

    limit = instance.max_per_organisation or 0
    left = np.array(
        [data.org_left.get(int(o), np.full(forum_count, limit)) for o in bound_orgs.tolist()]
        + [np.full(forum_count, len(people))],
        dtype=np.int64,
    ).reshape(-1, forum_count)
    ranked_row, exit_row = org_row(group_org[group_index]), org_row(hub_keys[exit_hub, 0])
    sources = np.zeros((len(bound_orgs) + 1, forum_count), dtype=np.int64)
    np.add.at(sources, (ranked_row, forum), 1)
    np.add.at(sources, (exit_row, exit_forum), 1)
    sources[-1] = 0  # unbound organisations need no node
    node_rows, node_forums = np.nonzero(sources > 1)
    pair_node = np.full(sources.shape, -1, dtype=np.int64)
    pair_node[node_rows, node_forums] = first_org_node + np.arange(len(node_rows))

    def head_and_cap(rows, forums, capacity):
        node = pair_node[rows, forums]
        head = np.where(node >= 0, node, 2 + forums)
        single = (node < 0) & (rows < len(bound_orgs))
        return head, np.where(single, np.minimum(capacity, left[rows, forums]), capacity)

    ranked_tail = first_group + group_index
    ranked_head, ranked_capacity = head_and_cap(ranked_row, forum, sizes[group_index])
    ranked_cost = (column + 1) ** 2 + data.penalty * data.unmet[group_profile[group_index], forum]
    entry_tail = first_group + entering
    entry_head = first_hub + hub_of
    exit_tail = first_hub + exit_hub
    exit_head, exit_capacity = head_and_cap(
        exit_row, exit_forum, np.full(len(exit_hub), len(people))
    )
    exit_cost = data.penalty * data.unmet[hub_keys[exit_hub, 1], exit_forum]
    org_tail = first_org_node + np.arange(len(node_rows))
    tails = np.concatenate([ranked_tail, entry_tail, exit_tail, org_tail, 2 + open_forums])
    heads = np.concatenate(
        [ranked_head, entry_head, exit_head, 2 + node_forums, np.ones(len(open_forums))]
    )
    capacities = np.concatenate(
        [
            ranked_capacity,
            sizes[entering],
            exit_capacity,
            left[node_rows, node_forums],
            room[open_forums],
        ]
    ).astype(np.int64)
    costs = np.concatenate(
        [
            ranked_cost,
            np.full(len(entering), data.unranked_cost),
            exit_cost,
            np.zeros(len(org_tail) + len(open_forums)),
        ]
    ).astype(np.int64)
    tails, heads = tails.astype(np.int32), heads.astype(np.int32)
    solver = min_cost_flow.SimpleMinCostFlow()
    if len(tails):
        solver.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
    supply_nodes = first_group + np.arange(group_count)
    solver.set_nodes_supplies(supply_nodes.astype(np.int32), sizes.astype(np.int64))
    solver.set_node_supply(1, -int(sizes.sum()))
    status = solver.solve_max_flow_with_min_cost()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status}")
    flows = solver.flows(np.arange(len(tails), dtype=np.int32)) if len(tails) else np.zeros(0)

    # Hand the flows to people: each group's members in input order.
    members = np.argsort(group_of, kind="stable")
    next_member = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    choice = np.full(len(people), -1, dtype=np.int64)
    via_hub = np.zeros(len(people), dtype=bool)
    n_ranked, n_entry = len(ranked_tail), len(entry_tail)
    for i in np.flatnonzero(flows[:n_ranked]).tolist():
        g, count = int(group_index[i]), int(flows[i])
        start = next_member[g]
        choice[members[start : start + count]] = forum[i]
        next_member[g] += count
    waiting: dict[int, list[int]] = {}
    entry_flows = flows[n_ranked : n_ranked + n_entry]
    for i in np.flatnonzero(entry_flows).tolist():
        g, count = int(entering[i]), int(entry_flows[i])
        start = next_member[g]
        waiting.setdefault(int(hub_of[i]), []).extend(members[start : start + count].tolist())
        next_member[g] += count
    exit_flows = flows[n_ranked + n_entry : n_ranked + n_entry + len(exit_tail)]
    for i in np.flatnonzero(exit_flows).tolist():
        queue = waiting[int(exit_hub[i])]
        count = int(exit_flows[i])
        choice[queue[:count]] = exit_forum[i]
        via_hub[queue[:count]] = True
        del queue[:count]
    if any(waiting.values()):
        raise RuntimeError("hub flow is not conserved")
    return choice, via_hub
