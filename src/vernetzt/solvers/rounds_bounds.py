"""Lower bounds for seating rounds, so that a plan can be shown to be the best possible.

`repeat_pairs` counts every meeting of a pair beyond its first (a pair meeting three times
counts 2); the bounds below are on that same number.
"""

import math
from collections import Counter


def forced_pairs(people: int, groups: int) -> int:
    """Pairs that share a group when `people` are spread as evenly as possible over `groups`
    (the fewest possible)."""
    if groups <= 0:
        return 0
    q, extra = divmod(people, groups)
    return extra * q * (q + 1) // 2 + (groups - extra) * q * (q - 1) // 2


def repeat_lower_bound(people: int, sizes: list[int], rounds: int) -> int:
    """The most of three counting arguments, each a valid lower bound on repeated meetings:

    - all seats: the plan has rounds * sum C(s, 2) meetings, and only C(n, 2) pairs exist;
    - each person: someone at tables of at least s_min for r rounds meets r (s_min - 1)
      partners among n - 1 others, and every partner beyond n - 1 is a repeat;
    - pigeonhole against round 1: a table of size s drawing on T round-1 tables repeats at
      least forced_pairs(s, T) round-1 pairs, in each later round.
    """
    if people < 2 or not sizes:
        return 0
    meetings = rounds * sum(size * (size - 1) // 2 for size in sizes)
    all_seats = meetings - people * (people - 1) // 2
    per_person_surplus = rounds * (min(sizes) - 1) - (people - 1)
    each_person = math.ceil(people * per_person_surplus / 2)
    pigeonhole = (rounds - 1) * sum(forced_pairs(size, len(sizes)) for size in sizes)
    return max(0, all_seats, each_person, pigeonhole)


def same_organisation_lower_bound(organisations: list[str | None], tables: int, rounds: int) -> int:
    """Organisations with more people than tables must seat some of them together."""
    sizes = Counter(org for org in organisations if org is not None)
    return rounds * sum(forced_pairs(size, tables) for size in sizes.values())


def violation_floor(organisations: list[str | None], sizes: list[int], rounds: int) -> int:
    """Violations (same-organisation pairs plus repeated meetings) no plan can avoid."""
    people = len(organisations)
    return same_organisation_lower_bound(organisations, len(sizes), rounds) + repeat_lower_bound(
        people, sizes, rounds
    )
