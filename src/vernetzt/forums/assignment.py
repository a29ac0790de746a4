"""Pure functions between the database and the solver: the instance dict and the report.

No database access here: `services` loads the rows and passes plain data in, so that these
functions are easy to test and the instance can be checked with the command-line solver
(`python -m vernetzt.solvers assign < instance.json`).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

STEP_FREE_NEED = "step_free"


@dataclass
class ForumData:
    id: int
    slot: int
    capacity: int
    step_free: bool
    languages: list[str]
    title: str = ""


@dataclass
class ParticipantData:
    id: int
    organisation: int | None
    needs_step_free: bool
    interpretation: str | None
    rankings: dict[int, list[int]] = field(default_factory=dict)  # slot -> forums best first
    pinned: dict[int, int] = field(default_factory=dict)  # slot -> forum
    registered_at: str = ""


def forum_key(pk) -> str:
    return f"f{pk}"


def participant_key(pk) -> str:
    return f"p{pk}"


def slot_key(pk) -> str:
    return f"s{pk}"


def build_instance(
    *,
    forums: list[ForumData],
    participants: list[ParticipantData],
    max_per_organisation: int | None,
) -> dict:
    """The solver's input (see the issue): ids are strings "f<pk>", "p<pk>", "s<pk>".

    Participants are listed in registration order, which first come, first served uses.
    Preferences list each slot's ranked forums best first, slot by slot.
    """
    ordered = sorted(participants, key=lambda p: (p.registered_at, p.id))
    return {
        "forums": [
            {
                "id": forum_key(forum.id),
                "slot": slot_key(forum.slot),
                "capacity": int(forum.capacity),
                "step_free": bool(forum.step_free),
                "languages": list(forum.languages),
            }
            for forum in forums
        ],
        "participants": [
            {
                "id": participant_key(p.id),
                "organisation": None if p.organisation is None else f"o{p.organisation}",
                "preferences": [
                    forum_key(forum) for slot in sorted(p.rankings) for forum in p.rankings[slot]
                ],
                "needs_step_free": bool(p.needs_step_free),
                "interpretation": p.interpretation or None,
                "pinned": {slot_key(slot): forum_key(forum) for slot, forum in p.pinned.items()},
            }
            for p in ordered
        ],
        "max_per_organisation": max_per_organisation,
    }


def _ranks(instance: dict) -> dict[str, dict[str, int]]:
    """participant -> forum -> rank within its slot (1 = first choice)."""
    slot_of = {f["id"]: f["slot"] for f in instance["forums"]}
    ranks = {}
    for participant in instance["participants"]:
        counter: Counter = Counter()
        mine = {}
        for forum in participant.get("preferences") or []:
            slot = slot_of.get(forum)
            if slot is None or forum in mine:
                continue
            counter[slot] += 1
            mine[forum] = counter[slot]
        ranks[participant["id"]] = mine
    return ranks


def _histogram(pairs, ranks) -> dict[str, int]:
    histogram = {"1": 0, "2": 0, "3": 0, "other": 0, "unranked": 0}
    for participant, forum in pairs:
        rank = ranks.get(participant, {}).get(forum)
        if rank is None:
            histogram["unranked"] += 1
        elif rank <= 3:
            histogram[str(rank)] += 1
        else:
            histogram["other"] += 1
    return histogram


def fairness_report(instance: dict, result: dict, baseline: dict | None) -> dict:
    """How many got their 1st, 2nd, 3rd choice or none, by slot and forum, beside first come,
    first served (`baseline`); the spread of each association; who was not placed and why, and
    whose needs the placement does not meet."""
    ranks = _ranks(instance)
    forums = {f["id"]: f for f in instance["forums"]}
    slots = sorted({f["slot"] for f in instance["forums"]})

    def summary(output):
        assignment = (output or {}).get("assignment") or {}
        pairs = [(p, forum) for p, per_slot in assignment.items() for forum in per_slot.values()]
        by_slot = {
            slot: _histogram([(p, f) for p, f in pairs if forums[f]["slot"] == slot], ranks)
            for slot in slots
        }
        by_forum = {
            forum: _histogram([(p, f) for p, f in pairs if f == forum], ranks) for forum in forums
        }
        load = Counter(f for _p, f in pairs)
        unassigned = list((output or {}).get("unassigned") or [])
        # Placed, but a need (interpretation, step-free access) is not met: staff organise it.
        # Rows keep the solver's code and params; the template words them in the reader's
        # language.
        unmet_needs = list((output or {}).get("unmet_needs") or [])
        return {
            "total": _histogram(pairs, ranks),
            "by_slot": by_slot,
            "by_forum": by_forum,
            "load": dict(load),
            "placed": len(pairs),
            "unassigned": unassigned,
            "unmet_needs": unmet_needs,
            "cost": (output or {}).get("cost"),
        }

    optimal = summary(result)
    report = {"optimal": optimal, "fcfs": summary(baseline) if baseline else None}
    # Per association: people, and the most of them in one forum.
    organisation_of = {p["id"]: p.get("organisation") for p in instance["participants"]}
    per_forum: dict = defaultdict(Counter)
    for participant, per_slot in (result.get("assignment") or {}).items():
        organisation = organisation_of.get(participant)
        if organisation is None:
            continue
        for forum in per_slot.values():
            per_forum[organisation][forum] += 1
    report["organisations"] = {
        organisation: {
            "people": sum(1 for o in organisation_of.values() if o == organisation),
            "forums": len(counts),
            "most_in_one_forum": max(counts.values()),
        }
        for organisation, counts in per_forum.items()
    }
    total = optimal["placed"] or 1
    report["first_choice_share"] = round(optimal["total"]["1"] / total, 4)
    if baseline:
        base_total = report["fcfs"]["placed"] or 1
        report["fcfs_first_choice_share"] = round(report["fcfs"]["total"]["1"] / base_total, 4)
    return report
