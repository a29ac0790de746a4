"""Local search for seating rounds: tabu search over swaps within a round.

After Dotú & Van Hentenryck, "Scheduling social golfers locally": each step swaps two people
of one round, picked around a conflict, with a short tabu tenure and aspiration. When the best
plan has not improved for a while the search restarts from it, shaken; after a longer stall it
starts afresh from a new greedy plan (after Triska & Musliu: big organisations first), keeping
the best plan seen. It stops at a proven lower bound, the step limit or the time limit.
"""

import time

import numpy as np

from .rounds_bounds import violation_floor
from .rounds_instance import RoundsInstance, table_sizes

# Start afresh from a new greedy plan after this many steps without a new best plan.
STALL_STOP = 20_000
# Restart from the best plan, slightly shaken, after this many steps without improvement.
STALL_RESTART = 10_000
# Evaluate swaps for at most this many conflicting (round, person) positions per step.
CONFLICT_SAMPLE = 64
TABU_TENURE = (2, 8)
# Once violations are gone, each step tries this many people of one round.
POLISH_SAMPLE = 8


class _IndexedSet:
    """A set with O(1) add, remove and uniform choice, in an order fixed by the operations."""

    def __init__(self) -> None:
        self.items: list = []
        self.position: dict = {}

    def add(self, item) -> None:
        if item not in self.position:
            self.position[item] = len(self.items)
            self.items.append(item)

    def discard(self, item) -> None:
        index = self.position.pop(item, None)
        if index is None:
            return
        last = self.items.pop()
        if index < len(self.items):
            self.items[index] = last
            self.position[last] = index

    def __len__(self) -> int:
        return len(self.items)


class Search:
    """Plan state: seats[r, t, s] holds a person; unused seats hold "ghost" people >= n
    who cost nothing and never move, so every table keeps its size."""

    def __init__(self, instance: RoundsInstance) -> None:
        self.instance = instance
        self.rng = np.random.default_rng(instance.seed)
        n = self.n = len(instance.ids)
        sizes = table_sizes(n, instance.table_size)
        self.sizes = sizes
        self.tables = len(sizes)
        self.width = max(sizes)
        total = self.tables * self.width
        self.rounds = instance.rounds

        org_codes: dict[str, int] = {}
        org = np.full(total, -1, dtype=np.int64)
        for person, name in enumerate(instance.organisations):
            if name is not None:
                org[person] = org_codes.setdefault(name, len(org_codes))
        same_org = (org[:, None] == org[None, :]) & (org[:, None] >= 0)
        np.fill_diagonal(same_org, False)
        self.same_org = same_org.astype(np.int64)
        self.org = org

        seats_per_round = sum(size * (size - 1) // 2 for size in sizes)
        # One violation must outweigh every possible change further down the priorities.
        self.violation_weight = float(self.rounds * seats_per_round + 2)
        self.secondary = None
        if instance.met_before or instance.interest:
            secondary = np.zeros((total, total))
            for low, high in instance.met_before:
                secondary[low, high] = secondary[high, low] = 1.0
            scale = 0.5 / (sum(abs(w) for w in instance.interest.values()) + 1e-9)
            for (low, high), weight in instance.interest.items():
                secondary[low, high] -= weight * scale
                secondary[high, low] -= weight * scale
            self.secondary = secondary

        self.count = np.zeros((total, total), dtype=np.int64)
        self.seats = np.zeros((self.rounds, self.tables, self.width), dtype=np.int64)
        self.table_of = np.zeros((self.rounds, total), dtype=np.int64)
        self.violations = 0
        self.secondary_total = 0.0
        self.bad_pairs = _IndexedSet()
        # tabu[(round, person)][other] = iteration until which swapping them back is tabu
        self.tabu: dict[tuple[int, int], dict[int, int]] = {}
        self.flat_seat = np.zeros((self.rounds, total), dtype=np.int64)
        self.iterations = 0
        self.stopped_by = "solved"
        self.floor = violation_floor(instance.organisations, sizes, self.rounds)
        # Rounds from a design that every fresh greedy plan keeps (seats, one round each).
        self.prefix = np.zeros((0, self.tables, self.width), dtype=np.int64)

    # -- marginal costs of one more / one fewer meeting of pairs (u, v), vectorised ----------

    def cost_to_add(self, u, v) -> np.ndarray:
        count = self.count[u, v]
        cost = self.violation_weight * (self.same_org[u, v] + (count >= 1))
        if self.secondary is not None:
            cost = cost + (count == 0) * self.secondary[u, v]
        return cost

    def cost_to_remove(self, u, v) -> np.ndarray:
        count = self.count[u, v]
        cost = self.violation_weight * (self.same_org[u, v] + (count >= 2))
        if self.secondary is not None:
            cost = cost + (count == 1) * self.secondary[u, v]
        return -cost

    def change_pair(self, u: int, v: int, step: int) -> None:
        before = int(self.count[u, v])
        after = before + step
        self.count[u, v] = self.count[v, u] = after
        same = int(self.same_org[u, v])
        self.violations += same * step + max(0, after - 1) - max(0, before - 1)
        if self.secondary is not None and (before == 0) != (after == 0):
            self.secondary_total += self.secondary[u, v] * (1 if after else -1)
        key = (u, v) if u < v else (v, u)
        if after >= 2 or (same and after >= 1):
            self.bad_pairs.add(key)
        else:
            self.bad_pairs.discard(key)

    # -- construction ------------------------------------------------------------------------

    def empty_tables(self) -> np.ndarray:
        """Seats of one round with -1 for people; smaller tables get one ghost each, for good."""
        empty = np.full((self.tables, self.width), -1, dtype=np.int64)
        ghost = self.n
        for t, size in enumerate(self.sizes):
            for s in range(size, self.width):
                empty[t, s] = ghost
                ghost += 1
        return empty

    def load(self, plan: list[list[list[int]]]) -> None:
        """Start from a given plan (from a design): tables of each round, any order."""
        seats = np.zeros_like(self.seats)
        for r, tables in enumerate(plan):
            round_seats = self.empty_tables()
            ordered = sorted(tables, key=len, reverse=True)
            for t, table in enumerate(ordered):
                round_seats[t, : len(table)] = table
            seats[r] = round_seats
        self.restore(seats)

    def extend(self, plan: list[list[list[int]]]) -> None:
        """Start from the given first rounds (from a partial design) and complete the plan
        greedily; restarts after a long stall keep these rounds too."""
        self.load(plan + [plan[0]] * (self.rounds - len(plan)))
        self.prefix = self.seats[: len(plan)].copy()
        self.construct()

    def construct(self) -> None:
        """Greedy: per round, people from big organisations first, each to the cheapest table.
        Rounds of `prefix` (from a partial design) come first, as they are."""
        n = self.n
        org_size = np.bincount(self.org[:n] + 1, minlength=1)[self.org[:n] + 1]
        org_size = np.where(self.org[:n] >= 0, org_size, 1)
        empty = self.empty_tables()
        self.count[:] = 0
        self.violations, self.secondary_total = 0, 0.0
        self.bad_pairs = _IndexedSet()
        self.tabu = {}
        for r, seats in enumerate(self.prefix):
            self.seats[r] = seats
            for t in range(self.tables):
                row = [int(x) for x in seats[t] if x < n]
                self.table_of[r, seats[t]] = t
                self.flat_seat[r, seats[t]] = t * self.width + np.arange(self.width)
                for i, u in enumerate(row):
                    for v in row[i + 1 :]:
                        self.change_pair(u, v, 1)
        for r in range(len(self.prefix), self.rounds):
            seats = empty.copy()
            filled = np.zeros(self.tables, dtype=np.int64)
            capacity = np.array(self.sizes)
            order = self.rng.permutation(n)
            order = order[np.argsort(-org_size[order], kind="stable")]
            for person in order:
                occupied = seats >= 0
                partners = np.where(occupied, seats, 0)
                cost = np.where(occupied, self.cost_to_add(person, partners), 0.0).sum(axis=1)
                cost = np.where(filled < capacity, cost, np.inf)
                best = np.flatnonzero(cost == cost.min())
                table = best[np.argmin(filled[best])]
                for other in seats[table, : filled[table]]:
                    self.change_pair(person, int(other), 1)
                seats[table, filled[table]] = person
                filled[table] += 1
            self.seats[r] = seats
            for t in range(self.tables):
                self.table_of[r, seats[t]] = t
                self.flat_seat[r, seats[t]] = t * self.width + np.arange(self.width)

    # -- local search ------------------------------------------------------------------------

    def swap_deltas(self, rounds: np.ndarray, persons: np.ndarray) -> np.ndarray:
        """Cost change of swapping person[i] with every seat of round rounds[i], all at once;
        shape (positions, tables * width), inf where not allowed (same table, ghost seat)."""
        used, which = np.unique(rounds, return_inverse=True)
        used_seats = self.seats[used]
        removal_own = self.cost_to_remove(used_seats[:, :, :, None], used_seats[:, :, None, :])
        removal_own = removal_own.sum(axis=3)[which]  # (k, tables, width)
        seats = used_seats[which]  # (k, tables, width)
        own = self.table_of[rounds, persons]
        own_rows = seats[np.arange(len(persons)), own]  # (k, width), each holds the person
        removal_person = removal_own.reshape(len(persons), -1)[
            np.arange(len(persons)), self.flat_seat[rounds, persons]
        ]
        mates = self.cost_to_add(seats[:, :, :, None], own_rows[:, None, None, :])
        mates = np.where(own_rows[:, None, None, :] == persons[:, None, None, None], 0.0, mates)
        with_person = self.cost_to_add(persons[:, None, None], seats)
        delta = (
            removal_person[:, None, None]
            + removal_own
            + mates.sum(axis=3)
            + with_person.sum(axis=2)[:, :, None]
            - with_person
        )
        delta[np.arange(len(persons)), own] = np.inf
        delta[seats >= self.n] = np.inf
        return delta.reshape(len(persons), -1)

    def swap(self, r: int, a: int, b: int) -> None:
        table_a, table_b = self.table_of[r, a], self.table_of[r, b]
        row_a, row_b = self.seats[r, table_a], self.seats[r, table_b]
        for x in row_a:
            if x != a and x < self.n:
                self.change_pair(a, int(x), -1)
                self.change_pair(b, int(x), 1)
        for y in row_b:
            if y != b and y < self.n:
                self.change_pair(b, int(y), -1)
                self.change_pair(a, int(y), 1)
        row_a[row_a == a] = b
        row_b[row_b == b] = a
        self.table_of[r, a], self.table_of[r, b] = table_b, table_a
        self.flat_seat[r, a], self.flat_seat[r, b] = self.flat_seat[r, b], self.flat_seat[r, a]

    def score(self) -> tuple[int, float]:
        return self.violations, self.secondary_total

    def conflict_positions(self) -> tuple[np.ndarray, np.ndarray]:
        """(rounds, persons) of everyone in a violating pair, at most a seeded sample."""
        pairs = np.array(self.bad_pairs.items, dtype=np.int64).reshape(-1, 2)
        together = self.table_of[:, pairs[:, 0]] == self.table_of[:, pairs[:, 1]]
        rounds, which = np.nonzero(together)
        rounds = np.concatenate([rounds, rounds])
        persons = np.concatenate([pairs[which, 0], pairs[which, 1]])
        # one entry per (round, person), in a fixed order
        keys = np.unique(rounds * (self.n + 1) + persons)
        rounds, persons = keys // (self.n + 1), keys % (self.n + 1)
        if len(keys) > CONFLICT_SAMPLE:
            chosen = np.sort(self.rng.choice(len(keys), CONFLICT_SAMPLE, replace=False))
            rounds, persons = rounds[chosen], persons[chosen]
        return rounds, persons

    def best_move(
        self, rounds: np.ndarray, persons: np.ndarray, best_score: tuple[int, float]
    ) -> tuple[int, int, int]:
        """The best non-tabu swap over the given (round, person) positions; tabu moves count
        only if they beat the best plan so far (aspiration)."""
        current = self.violations * self.violation_weight + self.secondary_total
        best_total = best_score[0] * self.violation_weight + best_score[1]
        delta = self.swap_deltas(rounds, persons)
        for row, (r, a) in enumerate(zip(rounds.tolist(), persons.tolist(), strict=True)):
            for b, until in (self.tabu.get((r, a)) or {}).items():
                seat = self.flat_seat[r, b]
                if until > self.iterations and current + delta[row, seat] >= best_total - 1e-9:
                    delta[row, seat] = np.inf
        lowest = delta.min()
        if not np.isfinite(lowest):
            return -1, -1, -1
        rows, cols = np.nonzero(delta <= lowest + 1e-12)
        pick = int(self.rng.integers(len(rows)))
        r, a = int(rounds[rows[pick]]), int(persons[rows[pick]])
        return r, a, int(self.seats[r].ravel()[cols[pick]])

    def search(self, deadline: float, max_iterations: int | None = None) -> None:
        """Improve until a proven bound, the step limit or the deadline (time.monotonic())."""
        limit = self.instance.max_iterations
        limit = limit if max_iterations is None else min(limit, max_iterations)
        floor = self.floor
        self.stopped_by = "solved"
        best_score, best_seats = self.score(), self.seats.copy()
        since_best = 0
        has_secondary = self.secondary is not None
        polish_left = 3 * self.n + 500 if has_secondary else 0
        while True:
            if self.iterations >= limit:
                self.stopped_by = "iteration_limit"
                break
            if self.iterations % 64 == 0 and time.monotonic() > deadline:
                self.stopped_by = "time_limit"
                break
            conflict_phase = self.violations > floor
            if not conflict_phase:
                if polish_left <= 0:
                    break
                polish_left -= 1
            elif since_best >= STALL_STOP:
                # A long stall: start afresh from a new greedy plan; the best plan is kept.
                self.construct()
                since_best = 0
                if self.score() < best_score:
                    best_score, best_seats = self.score(), self.seats.copy()
                continue
            if conflict_phase:
                rounds, persons = self.conflict_positions()
            else:  # polishing: the best swap for a few people of one round
                persons = self.rng.choice(self.n, size=min(self.n, POLISH_SAMPLE), replace=False)
                rounds = np.full(len(persons), self.rng.integers(self.rounds))
            self.iterations += 1
            r, a, b = self.best_move(rounds, persons, best_score)
            if b < 0:
                continue
            self.swap(r, a, b)
            if not conflict_phase and self.violations > floor:
                self.swap(r, a, b)  # polishing never gives up a hard constraint
                continue
            until = self.iterations + int(self.rng.integers(TABU_TENURE[0], TABU_TENURE[1]))
            self.tabu.setdefault((r, a), {})[b] = until
            self.tabu.setdefault((r, b), {})[a] = until
            if self.score() < best_score:
                best_score, best_seats = self.score(), self.seats.copy()
                since_best = 0
            else:
                since_best += 1
                if since_best % STALL_RESTART == 0:
                    self.restore(best_seats)
                    self.shake()
        self.restore(best_seats)

    def restore(self, seats: np.ndarray) -> None:
        """Reset to a saved plan, rebuilding the counts from the seats."""
        self.seats = seats.copy()
        self.count[:] = 0
        self.violations, self.secondary_total = 0, 0.0
        self.bad_pairs = _IndexedSet()
        self.tabu = {}
        for r in range(self.rounds):
            for t in range(self.tables):
                row = [int(x) for x in self.seats[r, t] if x < self.n]
                self.table_of[r, self.seats[r, t]] = t
                self.flat_seat[r, self.seats[r, t]] = t * self.width + np.arange(self.width)
                for i, u in enumerate(row):
                    for v in row[i + 1 :]:
                        self.change_pair(u, v, 1)

    def shake(self) -> None:
        for _ in range(max(2, self.n // 16)):
            r = int(self.rng.integers(self.rounds))
            a, b = (int(x) for x in self.rng.choice(self.n, size=2, replace=False))
            if self.table_of[r, a] != self.table_of[r, b]:
                self.swap(r, a, b)
