"""Realistic random instances for benchmarks, tests and demo data (seeded, so reproducible)."""

import numpy as np

LANGUAGES = ("ar", "fa", "tr", "uk", "ru", "ti")


def meeting_instance(
    participants: int = 300,
    slots: int = 3,
    forums_per_slot: tuple[int, int] = (4, 6),
    organisations: int = 100,
    max_per_organisation: int | None = 2,
    room: float = 1.15,
    seed: int = 0,
    choices_per_slot: int | None = None,
) -> dict:
    """A yearly meeting: popular forums are wanted by many (Zipf-like), some need access needs.

    Capacities add up to `room` times the head count per slot, so the popular forums overflow.
    Organisation sizes are skewed too: a few large ones, many with one or two people.
    Each person ranks 1-3 forums per slot, or exactly `choices_per_slot`.
    """
    rng = np.random.default_rng(seed)
    forums = []
    for slot_index in range(slots):
        count = int(rng.integers(forums_per_slot[0], forums_per_slot[1] + 1))
        shares = rng.dirichlet(np.full(count, 3.0))
        capacities = np.maximum(1, np.round(shares * participants * room)).astype(int)
        for forum_index in range(count):
            languages = ["de"] + [lang for lang in LANGUAGES if rng.random() < 0.3]
            forums.append(
                {
                    "id": f"s{slot_index + 1}-f{forum_index + 1}",
                    "slot": f"s{slot_index + 1}",
                    "capacity": int(capacities[forum_index]),
                    "step_free": bool(rng.random() < 0.6),
                    "languages": languages,
                }
            )
    by_slot: dict[str, list[str]] = {}
    for forum in forums:
        by_slot.setdefault(forum["slot"], []).append(forum["id"])
    popularity = {slot: rng.permutation(len(ids)) for slot, ids in by_slot.items()}

    members = _organisation_sizes(rng, participants, organisations, largest=8)
    org_of = np.repeat(np.arange(organisations), members)
    rng.shuffle(org_of)
    people = []
    for index in range(participants):
        preferences = []
        for slot, ids in by_slot.items():
            weights = 1.0 / (1.0 + popularity[slot]) ** 1.2
            weights /= weights.sum()
            if choices_per_slot is None:
                wanted = int(rng.integers(1, min(3, len(ids)) + 1))
            else:
                wanted = min(choices_per_slot, len(ids))
            picks = rng.choice(len(ids), size=wanted, replace=False, p=weights)
            preferences.extend(ids[i] for i in picks)
        people.append(
            {
                "id": f"p{index + 1}",
                "organisation": None if rng.random() < 0.05 else f"o{int(org_of[index]) + 1}",
                "preferences": preferences,
                "needs_step_free": bool(rng.random() < 0.05),
                "interpretation": str(rng.choice(LANGUAGES)) if rng.random() < 0.1 else None,
            }
        )
    return {"forums": forums, "participants": people, "max_per_organisation": max_per_organisation}


def _organisation_sizes(
    rng: np.random.Generator, participants: int, organisations: int, largest: int
) -> np.ndarray:
    """Every organisation sends one person; extra places go mostly to the bigger ones."""
    organisations = min(organisations, participants)
    sizes = np.ones(organisations, dtype=int)
    weights = 1.0 / np.arange(1, organisations + 1)
    while sizes.sum() < participants:
        open_orgs = np.flatnonzero(sizes < largest)
        if not len(open_orgs):
            raise ValueError("too many participants for so few organisations")
        chosen = rng.choice(open_orgs, p=weights[open_orgs] / weights[open_orgs].sum())
        sizes[chosen] += 1
    return sizes


def networking_instance(
    participants: int = 300,
    organisations: int = 120,
    table_size: int = 6,
    rounds: int = 6,
    seed: int = 0,
) -> dict:
    """Participants spread over organisations so that some have 3-5 people, most 1-2."""
    rng = np.random.default_rng(seed)
    sizes = _organisation_sizes(rng, participants, organisations, largest=5)
    people = []
    for org, size in enumerate(sizes):
        for _ in range(size):
            if len(people) < participants:
                people.append({"id": f"p{len(people) + 1}", "organisation": f"o{org + 1}"})
    return {"participants": people, "table_size": table_size, "rounds": rounds, "seed": seed}
