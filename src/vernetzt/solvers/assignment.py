"""Forum assignment: place as many (participant, slot) pairs as possible, then minimise rank cost.

The exact optimum is a min-cost maximum flow (see docs/decisions/0005-solver-libraries.md):

    source -> (participant, slot) [cap 1] -> (organisation, forum) [cost rank²]
           -> forum [cap organisation limit] -> sink [cap capacity]

Each participant belongs to at most one organisation, so the (organisation, forum) node caps
exactly the people of that organisation in that forum; integral flows are optimal assignments.
"""

from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ._checks import (
    optional_id,
    reject_unknown_keys,
    require_bool,
    require_id,
    require_int,
    require_list,
    require_object,
    unique_ids,
)
from .errors import SolverInputError

TOP_LEVEL_KEYS = ("forums", "participants", "max_per_organisation")


@dataclass(frozen=True)
class Forum:
    id: str
    slot: str
    capacity: int
    step_free: bool = False
    languages: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Participant:
    id: str
    organisation: str | None
    preferences: tuple[str, ...]
    needs_step_free: bool
    interpretation: str | None
    pinned: dict[str, str]
    slots: tuple[str, ...]


@dataclass
class AssignmentInstance:
    forums: dict[str, Forum]
    participants: list[Participant]
    max_per_organisation: int | None
    slots: list[str]
    forums_by_slot: dict[str, list[Forum]]
    # rank[(participant id, forum id)] for ranked forums only; unranked cost is per slot.
    rank: dict[tuple[str, str], int] = field(default_factory=dict)
    # ranked[(participant id, slot)] = [(forum id, rank), ...] best first
    ranked: dict[tuple[str, str], list[tuple[str, int]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def unranked_cost(self, slot: str) -> int:
        return (len(self.forums_by_slot[slot]) + 1) ** 2

    def cost(self, participant: Participant, forum: Forum) -> int:
        rank = self.rank.get((participant.id, forum.id))
        return self.unranked_cost(forum.slot) if rank is None else rank * rank

    def is_suitable(self, participant: Participant, forum: Forum) -> bool:
        if participant.needs_step_free and not forum.step_free:
            return False
        return participant.interpretation is None or participant.interpretation in forum.languages


def parse_assignment_instance(data: Any) -> AssignmentInstance:
    """Validate the JSON-shaped input; every problem becomes a SolverInputError."""
    data = require_object(data, "instance")
    reject_unknown_keys(data, TOP_LEVEL_KEYS, "instance")
    raw_forums = require_list(data.get("forums"), "forums")
    raw_participants = require_list(data.get("participants", []), "participants")
    limit = data.get("max_per_organisation")
    if limit is not None:
        limit = require_int(limit, "max_per_organisation", 0)

    for index, raw in enumerate(raw_forums):
        require_object(raw, f"forums[{index}]")
    unique_ids(raw_forums, "forums")
    forums: dict[str, Forum] = {}
    forums_by_slot: dict[str, list[Forum]] = {}
    for index, raw in enumerate(raw_forums):
        where = f"forums[{index}]"
        languages = require_list(raw.get("languages", []), f"{where}.languages")
        forum = Forum(
            id=raw["id"],
            slot=require_id(raw.get("slot"), f"{where}.slot"),
            capacity=require_int(raw.get("capacity"), f"{where}.capacity", 0),
            step_free=require_bool(raw.get("step_free", False), f"{where}.step_free"),
            languages=frozenset(
                require_id(lang, f"{where}.languages[{i}]") for i, lang in enumerate(languages)
            ),
        )
        forums[forum.id] = forum
        forums_by_slot.setdefault(forum.slot, []).append(forum)
    slots = list(forums_by_slot)

    for index, raw in enumerate(raw_participants):
        require_object(raw, f"participants[{index}]")
    unique_ids(raw_participants, "participants")
    participants = []
    rank: dict[tuple[str, str], int] = {}
    ranked: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for index, raw in enumerate(raw_participants):
        participant = _parse_participant(raw, f"participants[{index}]", forums, slots)
        participants.append(participant)
        position_in_slot: dict[str, int] = defaultdict(int)
        for forum_id in participant.preferences:
            slot = forums[forum_id].slot
            position_in_slot[slot] += 1
            rank[(participant.id, forum_id)] = position_in_slot[slot]
            ranked[(participant.id, slot)].append((forum_id, position_in_slot[slot]))
    return AssignmentInstance(forums, participants, limit, slots, forums_by_slot, rank, ranked)


def _parse_participant(
    raw: dict, where: str, forums: dict[str, Forum], slots: list[str]
) -> Participant:
    preferences = require_list(raw.get("preferences", []), f"{where}.preferences")
    seen: set[str] = set()
    for i, forum_id in enumerate(preferences):
        require_id(forum_id, f"{where}.preferences[{i}]")
        if forum_id not in forums:
            raise SolverInputError(f"{where}.preferences names unknown forum {forum_id!r}")
        if forum_id in seen:
            raise SolverInputError(f"{where}.preferences lists forum {forum_id!r} twice")
        seen.add(forum_id)

    if raw.get("slots") is None:
        own_slots = tuple(slots)
    else:
        chosen = require_list(raw["slots"], f"{where}.slots")
        for i, slot in enumerate(chosen):
            require_id(slot, f"{where}.slots[{i}]")
            if slot not in slots:
                raise SolverInputError(f"{where}.slots names slot {slot!r} that has no forums")
        own_slots = tuple(slot for slot in slots if slot in set(chosen))

    pinned_raw = require_object(raw.get("pinned") or {}, f"{where}.pinned")
    pinned: dict[str, str] = {}
    for slot, forum_id in pinned_raw.items():
        require_id(forum_id, f"{where}.pinned[{slot!r}]")
        if forum_id not in forums:
            raise SolverInputError(f"{where} is pinned to unknown forum {forum_id!r}")
        if forums[forum_id].slot != slot:
            raise SolverInputError(
                f"{where} is pinned in slot {slot!r} to forum {forum_id!r}, "
                f"which belongs to slot {forums[forum_id].slot!r}"
            )
        if slot not in own_slots:
            raise SolverInputError(f"{where} is pinned in slot {slot!r} but does not take part")
        pinned[slot] = forum_id

    return Participant(
        id=raw["id"],
        organisation=optional_id(raw.get("organisation"), f"{where}.organisation"),
        preferences=tuple(preferences),
        needs_step_free=require_bool(raw.get("needs_step_free", False), f"{where}.needs_step_free"),
        interpretation=optional_id(raw.get("interpretation"), f"{where}.interpretation"),
        pinned=pinned,
        slots=own_slots,
    )


@dataclass
class _Placement:
    """Running state shared by both methods so reasons and loads are computed one way."""

    instance: AssignmentInstance
    chosen: dict[tuple[str, str], str] = field(default_factory=dict)
    load: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    org_load: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    pin_conflicts: list[dict] = field(default_factory=list)

    def place(self, participant: Participant, forum: Forum) -> None:
        self.chosen[(participant.id, forum.slot)] = forum.id
        self.load[forum.id] += 1
        if participant.organisation is not None:
            self.org_load[(participant.organisation, forum.id)] += 1

    def has_room(self, participant: Participant, forum: Forum) -> bool:
        if self.load[forum.id] >= forum.capacity:
            return False
        limit = self.instance.max_per_organisation
        if participant.organisation is None or limit is None:
            return True
        return self.org_load[(participant.organisation, forum.id)] < limit

    def place_pins(self) -> None:
        """Pins are honoured even when they break a rule; the breach is reported, not fixed."""
        instance = self.instance
        for participant in instance.participants:
            for slot, forum_id in participant.pinned.items():
                forum = instance.forums[forum_id]
                problems = []
                if participant.needs_step_free and not forum.step_free:
                    problems.append("forum is not step-free")
                wanted = participant.interpretation
                if wanted is not None and wanted not in forum.languages:
                    problems.append(f"forum offers no interpretation into {wanted}")
                if self.load[forum_id] >= forum.capacity:
                    problems.append("forum is over capacity")
                limit = instance.max_per_organisation
                org = participant.organisation
                if (
                    org is not None
                    and limit is not None
                    and self.org_load[(org, forum_id)] >= limit
                ):
                    problems.append(f"more than {limit} people from organisation {org}")
                self.place(participant, forum)
                for problem in problems:
                    self.pin_conflicts.append(
                        {
                            "participant": participant.id,
                            "slot": slot,
                            "forum": forum_id,
                            "problem": problem,
                        }
                    )

    def open_pairs(self) -> list[tuple[Participant, str]]:
        return [
            (participant, slot)
            for participant in self.instance.participants
            for slot in participant.slots
            if (participant.id, slot) not in self.chosen
        ]

    def reason_unplaced(self, participant: Participant, slot: str) -> str:
        """The most specific explanation: missing facilities first, then room, then org limit."""
        forums = self.instance.forums_by_slot[slot]
        language = participant.interpretation
        kind = "step-free forum" if participant.needs_step_free else "forum"
        if language is not None:
            kind += f" offering interpretation into {language}"
        suitable = [f for f in forums if self.instance.is_suitable(participant, f)]
        if not suitable:
            if participant.needs_step_free and not any(f.step_free for f in forums):
                return f"no step-free forum in slot {slot}"
            return f"no {kind} in slot {slot}"
        with_room = [f for f in suitable if self.load[f.id] < f.capacity]
        if not with_room:
            return "all forums full" if kind == "forum" else f"no {kind} with room"
        return (
            f"organisation {participant.organisation} already has "
            f"{self.instance.max_per_organisation} people in every {kind} with room"
        )

    def result(self) -> dict:
        instance = self.instance
        assignment: dict[str, dict[str, str]] = {p.id: {} for p in instance.participants}
        histogram: dict[str, int] = defaultdict(int)
        cost = 0
        by_id = {p.id: p for p in instance.participants}
        for (participant_id, slot), forum_id in self.chosen.items():
            assignment[participant_id][slot] = forum_id
            participant, forum = by_id[participant_id], instance.forums[forum_id]
            cost += instance.cost(participant, forum)
            rank = instance.rank.get((participant_id, forum_id))
            histogram["unranked" if rank is None else str(rank)] += 1
        ranks = sorted(int(key) for key in histogram if key != "unranked")
        return {
            "assignment": {pid: dict(sorted(slots.items())) for pid, slots in assignment.items()},
            "unassigned": [
                {"participant": p.id, "slot": slot, "reason": self.reason_unplaced(p, slot)}
                for p, slot in self.open_pairs()
            ],
            "cost": cost,
            "rank_histogram": {
                **{str(rank): histogram[str(rank)] for rank in ranks},
                "unranked": histogram["unranked"],
            },
            "pin_conflicts": self.pin_conflicts,
        }


@dataclass
class FlowNetwork:
    """Arrays for any min-cost-flow library; node 0 is the source, node 1 the sink.

    Arcs [0, len(choices)) are ranked choices of one participant; the next len(hub_entries)
    arcs lead a participant into an unranked hub; the next len(exit_hubs) arcs lead from hub
    exit_hubs[i] towards forum exit_forums[i]. Later arcs carry no meaning of their own.
    """

    num_nodes: int
    tails: np.ndarray
    heads: np.ndarray
    capacities: np.ndarray
    costs: np.ndarray
    # People with the same options share one node; choices and entries name the group.
    groups: list[list[Participant]]
    choices: list[tuple[int, Forum]]
    hub_entries: list[tuple[int, int]]
    exit_hubs: np.ndarray
    exit_forums: list[Forum]


def build_flow_network(
    placement: _Placement, slot: str, open_people: list[Participant]
) -> FlowNetwork:
    """A smaller network for one slot with the same optimum as one arc per (person, forum).

    Slots share no constraint, so each is solved on its own (flow solvers scale worse than
    linearly). All unranked forums of a slot cost the same, so a participant reaches them
    through one shared "hub" per needs profile -- or per (organisation, needs profile) where
    the organisation limit can bind. An optimal flow never sends someone via a hub to a forum
    they ranked (their own ranked arc would be strictly cheaper), so any split of a hub's flow
    among its participants is optimal. An organisation limit can only bind where the
    organisation has more open people in the slot than the limit allows next to its pins;
    elsewhere no (organisation, forum) node is needed, and also where only one arc of the
    organisation reaches the forum (that arc then carries the limit itself).
    """
    instance = placement.instance
    limit = instance.max_per_organisation
    slot_forums = instance.forums_by_slot[slot]
    forum_count = len(slot_forums)
    index_of = {forum.id: i for i, forum in enumerate(slot_forums)}
    capacity = np.array([f.capacity for f in slot_forums], dtype=np.int64)
    room = capacity - np.array([placement.load[f.id] for f in slot_forums], dtype=np.int64)
    next_node = 2 + forum_count

    # Before a slot is solved, the organisation loads in its forums come from pins only.
    org_left: dict[str, np.ndarray] = {}
    for (org, forum_id), count in placement.org_load.items():
        if forum_id in index_of and count:
            left = org_left.setdefault(org, np.full(forum_count, limit or 0, dtype=np.int64))
            left[index_of[forum_id]] -= count
    open_count: dict[str, int] = defaultdict(int)
    for participant in open_people:
        if participant.organisation is not None:
            open_count[participant.organisation] += 1
    binding_orgs = set()
    if limit is not None:
        for org, count in open_count.items():
            pinned = limit - org_left[org].min() if org in org_left else 0
            if count + pinned > limit:
                binding_orgs.add(org)

    profile_forums: dict[tuple, np.ndarray] = {}
    allowed_cache: dict[tuple, tuple[np.ndarray, set[str]]] = {}
    choice_arcs: list[tuple[int, int, int, int]] = []
    entry_arcs: list[tuple[int, int, int, int]] = []
    other_arcs: list[tuple[int, int, int, int]] = []
    choices: list[tuple[int, Forum]] = []
    hub_entries: list[tuple[int, int]] = []
    # Ranked arcs of groups whose organisation limit binds: org -> [(node, forum, cost, group)]
    bound_ranked: dict[str, list[tuple[int, int, int, int]]] = defaultdict(list)
    hub_node: dict[tuple, int] = {}
    hubs_of_org: dict[str | None, list[tuple[int, np.ndarray]]] = defaultdict(list)
    unranked_cost = instance.unranked_cost(slot)
    ranked_by_pair = instance.ranked

    # People with the same organisation key, needs and ranking are interchangeable: one node.
    grouped: dict[tuple, list[Participant]] = {}
    for participant in open_people:
        org = participant.organisation if participant.organisation in binding_orgs else None
        ranking = tuple(ranked_by_pair.get((participant.id, slot), ()))
        group_key = (org, participant.needs_step_free, participant.interpretation, ranking)
        grouped.setdefault(group_key, []).append(participant)
    groups = list(grouped.values())

    for group_index, group in enumerate(groups):
        participant = group[0]
        size = len(group)
        profile = (participant.needs_step_free, participant.interpretation)
        org = participant.organisation
        binds = org in binding_orgs
        key = (org if binds else None, *profile)
        cached = allowed_cache.get(key)
        if cached is None:
            forums = profile_forums.get(profile)
            if forums is None:
                forums = profile_forums[profile] = np.array(
                    [
                        i
                        for i, f in enumerate(slot_forums)
                        if instance.is_suitable(participant, f) and room[i] > 0
                    ],
                    dtype=np.int64,
                )
            if binds and org in org_left:
                forums = forums[org_left[org][forums] > 0]
            cached = allowed_cache[key] = (forums, {slot_forums[i].id for i in forums})
        forums, allowed = cached
        if not len(forums):
            continue
        pair_node = next_node
        next_node += 1
        other_arcs.append((0, pair_node, size, 0))
        ranked = 0
        for forum_id, rank in ranked_by_pair.get((participant.id, slot), ()):
            if forum_id not in allowed:
                continue
            ranked += 1
            if binds:
                bound_ranked[org].append((pair_node, index_of[forum_id], rank * rank, group_index))
            else:
                choice_arcs.append((pair_node, 2 + index_of[forum_id], size, rank * rank))
                choices.append((group_index, instance.forums[forum_id]))
        if ranked == len(forums):
            continue  # no unranked forum is possible
        hub = hub_node.get(key)
        if hub is None:
            hub = hub_node[key] = next_node
            next_node += 1
            hubs_of_org[key[0]].append((hub, forums))
        entry_arcs.append((pair_node, hub, size, unranked_cost))
        hub_entries.append((group_index, hub))

    exit_blocks: list[np.ndarray] = []  # rows: hub, forum index, head, capacity
    for hub, forums in hubs_of_org.pop(None, []):
        exit_blocks.append(
            np.column_stack([np.full(len(forums), hub), forums, 2 + forums, capacity[forums]])
        )
    for org in sorted(set(hubs_of_org) | set(bound_ranked)):
        hubs, ranked_arcs = hubs_of_org.get(org, []), bound_ranked.get(org, [])
        left = org_left.get(org, np.full(forum_count, limit, dtype=np.int64))
        sources = np.zeros(forum_count, dtype=np.int64)
        for _hub, forums in hubs:
            sources[forums] += 1
        for _node, forum_index, _cost, _participant in ranked_arcs:
            sources[forum_index] += 1
        # Several arcs of one organisation into a forum meet first in an (org, forum) node.
        shared = np.flatnonzero(sources > 1)
        head = 2 + np.arange(forum_count)
        head[shared] = next_node + np.arange(len(shared))
        next_node += len(shared)
        other_arcs.extend(
            zip(
                head[shared].tolist(),
                (2 + shared).tolist(),
                left[shared].tolist(),
                [0] * len(shared),
                strict=True,
            )
        )
        single_capacity = np.where(sources > 1, capacity, left)
        for hub, forums in hubs:
            exit_blocks.append(
                np.column_stack(
                    [np.full(len(forums), hub), forums, head[forums], single_capacity[forums]]
                )
            )
        for node, forum_index, cost, group_index in ranked_arcs:
            size = len(groups[group_index])
            if sources[forum_index] == 1:  # the arc itself carries the organisation limit
                size = min(size, int(left[forum_index]))
            choice_arcs.append((node, int(head[forum_index]), size, cost))
            choices.append((group_index, slot_forums[forum_index]))

    for i in np.flatnonzero(room > 0):
        other_arcs.append((2 + int(i), 1, int(room[i]), 0))

    exits = np.concatenate(exit_blocks) if exit_blocks else np.zeros((0, 4), dtype=np.int64)
    exit_arcs = np.column_stack([exits[:, 0], exits[:, 2], exits[:, 3], np.zeros(len(exits))])
    listed = choice_arcs + entry_arcs
    arcs = np.concatenate(
        [
            np.array(listed, dtype=np.int64).reshape(-1, 4),
            exit_arcs.astype(np.int64),
            np.array(other_arcs, dtype=np.int64).reshape(-1, 4),
        ]
    )
    return FlowNetwork(
        num_nodes=next_node,
        tails=arcs[:, 0].astype(np.int32),
        heads=arcs[:, 1].astype(np.int32),
        capacities=arcs[:, 2],
        costs=arcs[:, 3],
        groups=groups,
        choices=choices,
        hub_entries=hub_entries,
        exit_hubs=exits[:, 0],
        exit_forums=[slot_forums[i] for i in exits[:, 1]],
    )


def apply_flows(placement: _Placement, network: FlowNetwork, flows: np.ndarray) -> None:
    """Turn arc flows into placements; hub flow is handed out in input order (any split is
    optimal, see build_flow_network)."""
    flows = np.asarray(flows)
    choice_count, entry_count = len(network.choices), len(network.hub_entries)
    members = [deque(group) for group in network.groups]
    for i in np.flatnonzero(flows[:choice_count]):
        group_index, forum = network.choices[i]
        for _ in range(int(flows[i])):
            placement.place(members[group_index].popleft(), forum)
    waiting: dict[int, deque[Participant]] = defaultdict(deque)
    for i in np.flatnonzero(flows[choice_count : choice_count + entry_count]):
        group_index, hub = network.hub_entries[i]
        for _ in range(int(flows[choice_count + i])):
            waiting[hub].append(members[group_index].popleft())
    exit_flows = flows[
        choice_count + entry_count : choice_count + entry_count + len(network.exit_hubs)
    ]
    for i in np.flatnonzero(exit_flows):
        queue = waiting[int(network.exit_hubs[i])]
        for _ in range(int(exit_flows[i])):
            placement.place(queue.popleft(), network.exit_forums[i])
    if any(waiting.values()):
        raise RuntimeError("hub flow is not conserved")


def _solve_with_ortools(network: FlowNetwork) -> np.ndarray:
    """Flows of the network's arcs, in order, up to the last arc that leaves a real node.

    Arcs out of the source become node supplies instead: fewer arcs, same optimum.
    """
    from ortools.graph.python import min_cost_flow

    solver = min_cost_flow.SimpleMinCostFlow()
    from_source = network.tails == 0
    solver.add_arcs_with_capacity_and_unit_cost(
        network.tails[~from_source],
        network.heads[~from_source],
        network.capacities[~from_source],
        network.costs[~from_source],
    )
    group_sizes = network.capacities[from_source]
    # Supplies bound the flow; solve_max_flow_with_min_cost then sends as much as fits.
    solver.set_nodes_supplies(network.heads[from_source], group_sizes)
    solver.set_node_supply(1, -int(group_sizes.sum()))
    status = solver.solve_max_flow_with_min_cost()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status}")
    return solver.flows(np.arange(solver.num_arcs(), dtype=np.int32))


def assign_forums(instance: dict) -> dict:
    """Optimal assignment: most placements first, then least total rank cost (pins included)."""
    placement = _Placement(parse_assignment_instance(instance))
    placement.place_pins()
    open_by_slot: dict[str, list[Participant]] = defaultdict(list)
    for participant, slot in placement.open_pairs():
        open_by_slot[slot].append(participant)
    for slot in placement.instance.slots:
        network = build_flow_network(placement, slot, open_by_slot[slot])
        if len(network.tails):
            apply_flows(placement, network, _solve_with_ortools(network))
    return placement.result()


def first_come_first_served(instance: dict, order: list[str] | None = None) -> dict:
    """The baseline a fairness report compares against: each person in turn takes their best.

    Pins are placed first. Without a ranked forum left, a person gets the first suitable forum
    with room in input order.
    """
    parsed = parse_assignment_instance(instance)
    by_id = {p.id: p for p in parsed.participants}
    if order is None:
        sequence = parsed.participants
    else:
        order = require_list(order, "order")
        if sorted(map(str, order)) != sorted(by_id) or len(set(order)) != len(order):
            raise SolverInputError("order must list every participant id exactly once")
        sequence = [by_id[participant_id] for participant_id in order]
    placement = _Placement(parsed)
    placement.place_pins()
    for participant in sequence:
        for slot in participant.slots:
            if (participant.id, slot) in placement.chosen:
                continue
            forums = parsed.forums_by_slot[slot]
            ranked = [
                parsed.forums[fid]
                for fid in participant.preferences
                if parsed.forums[fid].slot == slot
            ]
            ranked_ids = {f.id for f in ranked}
            candidates = ranked + [f for f in forums if f.id not in ranked_ids]
            for forum in candidates:
                if parsed.is_suitable(participant, forum) and placement.has_room(
                    participant, forum
                ):
                    placement.place(participant, forum)
                    break
    return placement.result()
