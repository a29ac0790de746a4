"""The forum-assignment input, validated into index-based arrays.

Forums, people, slots and organisations become integer indices; rankings become flat arrays
(person, forum, rank within the forum's slot), so that the flow network is built in bulk.
Every problem in the input becomes a SolverInputError that names the field.
"""

from dataclasses import dataclass
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


@dataclass
class AssignmentInstance:
    forum_ids: list[str]
    forum_slot: np.ndarray  # slot index per forum
    capacity: np.ndarray
    step_free: np.ndarray  # bool per forum
    languages: list[frozenset[str]]
    slots: list[str]
    forums_in_slot: list[np.ndarray]  # forum indices of each slot, in input order
    people: list[str]
    organisation: np.ndarray  # organisation index per person, -1 for none
    organisations: list[str]
    needs_step_free: np.ndarray  # bool per person
    interpretation: list[str | None]
    takes_part: np.ndarray  # bool, people x slots
    pins: dict[tuple[int, int], int]  # (person, slot) -> forum
    pref_person: np.ndarray  # flat rankings: person, forum, rank within the forum's slot
    pref_forum: np.ndarray
    pref_rank: np.ndarray
    max_per_organisation: int | None

    def unranked_cost(self, slot: int) -> int:
        return (len(self.forums_in_slot[slot]) + 1) ** 2

    def unmet_needs(self, person: int, forum: int) -> list[str]:
        """ "step_free" and/or "interpretation" where the forum does not meet the person's need."""
        unmet = []
        if self.needs_step_free[person] and not self.step_free[forum]:
            unmet.append("step_free")
        language = self.interpretation[person]
        if language is not None and language not in self.languages[forum]:
            unmet.append("interpretation")
        return unmet


def parse_assignment_instance(data: Any) -> AssignmentInstance:
    """Validate the JSON-shaped input; every problem becomes a SolverInputError."""
    data = require_object(data, "instance")
    reject_unknown_keys(data, TOP_LEVEL_KEYS, "instance")
    raw_forums = require_list(data.get("forums"), "forums")
    raw_people = require_list(data.get("participants", []), "participants")
    limit = data.get("max_per_organisation")
    if limit is not None:
        limit = require_int(limit, "max_per_organisation", 0)

    for index, raw in enumerate(raw_forums):
        require_object(raw, f"forums[{index}]")
    forum_ids = unique_ids(raw_forums, "forums")
    slot_index: dict[str, int] = {}
    forum_slot, capacity, step_free, languages = [], [], [], []
    for index, raw in enumerate(raw_forums):
        where = f"forums[{index}]"
        slot = require_id(raw.get("slot"), f"{where}.slot")
        forum_slot.append(slot_index.setdefault(slot, len(slot_index)))
        capacity.append(require_int(raw.get("capacity"), f"{where}.capacity", 0))
        step_free.append(require_bool(raw.get("step_free", False), f"{where}.step_free"))
        spoken = require_list(raw.get("languages", []), f"{where}.languages")
        languages.append(
            frozenset(require_id(lang, f"{where}.languages[{i}]") for i, lang in enumerate(spoken))
        )
    slots = list(slot_index)
    forum_slot_array = np.array(forum_slot, dtype=np.int64)
    forum_index = {forum_id: i for i, forum_id in enumerate(forum_ids)}

    for index, raw in enumerate(raw_people):
        require_object(raw, f"participants[{index}]")
    people = unique_ids(raw_people, "participants")
    organisation_index: dict[str, int] = {}
    organisation = np.full(len(people), -1, dtype=np.int64)
    needs_step_free = np.zeros(len(people), dtype=bool)
    interpretation: list[str | None] = []
    takes_part = np.ones((len(people), len(slots)), dtype=bool)
    pins: dict[tuple[int, int], int] = {}
    pref_person: list[int] = []
    pref_forum: list[int] = []
    for person, raw in enumerate(raw_people):
        where = f"participants[{person}]"
        org = optional_id(raw.get("organisation"), f"{where}.organisation")
        if org is not None:
            organisation[person] = organisation_index.setdefault(org, len(organisation_index))
        needs_step_free[person] = require_bool(
            raw.get("needs_step_free", False), f"{where}.needs_step_free"
        )
        interpretation.append(optional_id(raw.get("interpretation"), f"{where}.interpretation"))
        chosen = _preferences(raw, where, forum_index)
        pref_person.extend([person] * len(chosen))
        pref_forum.extend(chosen)
        if raw.get("slots") is not None:
            takes_part[person] = False
            for i, slot in enumerate(require_list(raw["slots"], f"{where}.slots")):
                require_id(slot, f"{where}.slots[{i}]")
                if slot not in slot_index:
                    raise SolverInputError(f"{where}.slots names slot {slot!r} that has no forums")
                takes_part[person, slot_index[slot]] = True
        for slot, forum_id in require_object(raw.get("pinned") or {}, f"{where}.pinned").items():
            require_id(forum_id, f"{where}.pinned[{slot!r}]")
            if forum_id not in forum_index:
                raise SolverInputError(f"{where} is pinned to unknown forum {forum_id!r}")
            forum = forum_index[forum_id]
            if slots[forum_slot[forum]] != slot:
                raise SolverInputError(
                    f"{where} is pinned in slot {slot!r} to forum {forum_id!r}, "
                    f"which belongs to slot {slots[forum_slot[forum]]!r}"
                )
            if not takes_part[person, forum_slot[forum]]:
                raise SolverInputError(f"{where} is pinned in slot {slot!r} but does not take part")
            pins[(person, int(forum_slot[forum]))] = forum

    pref_person_array = np.array(pref_person, dtype=np.int64)
    pref_forum_array = np.array(pref_forum, dtype=np.int64)
    return AssignmentInstance(
        forum_ids=forum_ids,
        forum_slot=forum_slot_array,
        capacity=np.array(capacity, dtype=np.int64),
        step_free=np.array(step_free, dtype=bool),
        languages=languages,
        slots=slots,
        forums_in_slot=[np.flatnonzero(forum_slot_array == s) for s in range(len(slots))],
        people=people,
        organisation=organisation,
        organisations=list(organisation_index),
        needs_step_free=needs_step_free,
        interpretation=interpretation,
        takes_part=takes_part,
        pins=pins,
        pref_person=pref_person_array,
        pref_forum=pref_forum_array,
        pref_rank=_ranks_within_slot(pref_person_array, forum_slot_array[pref_forum_array]),
        max_per_organisation=limit,
    )


def _preferences(raw: dict, where: str, forum_index: dict[str, int]) -> list[int]:
    preferences = require_list(raw.get("preferences", []), f"{where}.preferences")
    chosen = [forum_index.get(forum_id) for forum_id in preferences]
    if None in chosen or len(set(preferences)) != len(preferences):
        seen: set[str] = set()  # the slow path, only to say exactly what is wrong
        for i, forum_id in enumerate(preferences):
            require_id(forum_id, f"{where}.preferences[{i}]")
            if forum_id not in forum_index:
                raise SolverInputError(f"{where}.preferences names unknown forum {forum_id!r}")
            if forum_id in seen:
                raise SolverInputError(f"{where}.preferences lists forum {forum_id!r} twice")
            seen.add(forum_id)
    return chosen


def _ranks_within_slot(person: np.ndarray, slot: np.ndarray) -> np.ndarray:
    """1 for a person's first listed forum of a slot, 2 for the next one of that slot, ..."""
    if not len(person):
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((np.arange(len(person)), slot, person))
    key = person[order] * (int(slot.max()) + 1) + slot[order]
    starts = np.r_[True, key[1:] != key[:-1]]
    group_start = np.maximum.accumulate(np.where(starts, np.arange(len(key)), 0))
    ranks = np.empty(len(person), dtype=np.int64)
    ranks[order] = np.arange(len(key)) - group_start + 1
    return ranks
