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
of capacity "limit minus pins" in the next solve. A relaxation's optimum that keeps every
limit is optimal for the full problem, so the result is exact; each round binds at least one
more organisation, so it ends.
"""

from dataclasses import dataclass

import numpy as np

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
    bound: set[tuple[int, int]] = set()  # (organisation, local forum) limits in the network
    org = instance.organisation[data.people]
    while True:
        choice = _solve(instance, data, bound)
        if limit is None:
            return choice
        placed = (choice >= 0) & (org >= 0)
        if not placed.any():
            return choice
        forum_count = len(data.forums)
        key = org[placed] * forum_count + choice[placed]
        keys, counts = np.unique(key, return_counts=True)
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
        # Bind every forum of each organisation that breaks the limit or is at it in some
        # forum (rerouting could push it over): fewer rounds.
        tight = np.unique(keys[counts >= allowed] // forum_count)
        bound |= {(int(o), f) for o in tight.tolist() for f in range(forum_count)}


def _solve(instance: AssignmentInstance, data: SlotData, bound: set[tuple[int, int]]) -> np.ndarray:
    from ortools.graph.python import min_cost_flow

    people, ranking, room = data.people, data.ranking, data.room
    forum_count = len(data.forums)
    org = instance.organisation[people]
    bound_pairs = np.array(sorted(bound), dtype=np.int64).reshape(-1, 2)
    bound_orgs = np.unique(bound_pairs[:, 0])
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
    hub_keys, hub_of = np.unique(
        np.column_stack([group_org, group_profile])[may_go_unranked], axis=0, return_inverse=True
    )
    hub_of = hub_of.reshape(-1)
    first_hub = first_group + group_count
    first_org_node = first_hub + len(hub_keys)
    # One node per bound (organisation, forum) pair, in the order of bound_pairs.
    pair_node = np.full((len(bound_orgs) + 1, forum_count), -1, dtype=np.int64)
    org_row = np.searchsorted(bound_orgs, bound_pairs[:, 0])
    pair_node[org_row, bound_pairs[:, 1]] = first_org_node + np.arange(len(bound_pairs))

    def head_for(orgs: np.ndarray, forums: np.ndarray) -> np.ndarray:
        row = np.searchsorted(bound_orgs, orgs)
        row = np.where(
            (row < len(bound_orgs)) & (bound_orgs[np.minimum(row, len(bound_orgs) - 1)] == orgs)
            if len(bound_orgs)
            else False,
            row,
            len(bound_orgs),
        )
        node = pair_node[row, forums]
        return np.where(node >= 0, node, 2 + forums)

    # Ranked arcs.
    group_index, column = np.nonzero(ranked_open)
    forum = group_ranking[group_index, column]
    ranked_tail = first_group + group_index
    ranked_head = head_for(group_org[group_index], forum)
    ranked_cost = (column + 1) ** 2 + data.penalty * data.unmet[group_profile[group_index], forum]
    ranked_capacity = sizes[group_index]
    # Hub entries.
    entering = np.flatnonzero(may_go_unranked)
    entry_tail = first_group + entering
    entry_head = first_hub + hub_of
    entry_capacity = sizes[entering]
    # Hub exits: every hub to every forum with room.
    exit_hub = np.repeat(np.arange(len(hub_keys)), len(open_forums))
    exit_forum = np.tile(open_forums, len(hub_keys))
    exit_tail = first_hub + exit_hub
    exit_head = head_for(hub_keys[exit_hub, 0] if len(hub_keys) else exit_hub, exit_forum)
    exit_cost = (
        data.penalty * data.unmet[hub_keys[exit_hub, 1], exit_forum]
        if len(hub_keys)
        else np.zeros(0, dtype=np.int64)
    )
    # (organisation, forum) -> forum, and forum -> sink.
    org_tail = first_org_node + np.arange(len(bound_pairs))
    org_head = 2 + bound_pairs[:, 1]
    limit = instance.max_per_organisation
    org_capacity = np.array(
        [data.org_left[o][f] if o in data.org_left else limit for o, f in bound_pairs.tolist()],
        dtype=np.int64,
    )
    tails = np.concatenate([ranked_tail, entry_tail, exit_tail, org_tail, 2 + open_forums]).astype(
        np.int32
    )
    heads = np.concatenate(
        [ranked_head, entry_head, exit_head, org_head, np.ones(len(open_forums))]
    ).astype(np.int32)
    capacities = np.concatenate(
        [
            ranked_capacity,
            entry_capacity,
            np.full(len(exit_tail), len(people)),
            org_capacity,
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
        del queue[:count]
    if any(waiting.values()):
        raise RuntimeError("hub flow is not conserved")
    return choice
