"""Seating plans invariant under the translations of GF(2^e), found by CP-SAT on orbits.

For n = 4q people at tables of 4, q = 2^e (e >= 2): points (i, y) for 4 groups i and y in
GF(q); the additive group of GF(q) acts by (i, y) -> (i, y + g). Every round is invariant
under it, so a round is a union of table orbits, and only three kinds of orbit cover a round:

- a transversal round: tables {(i, o_i + g)} for offsets o (as in the finite-field design);
  it meets group pairs (i, j) at difference o_i + o_j;
- a mixed orbit on two groups i, j: tables {(i, g), (i, g + c), (j, g + d), (j, g + d + c)}
  (c != 0); it meets the differences c inside both groups and d, d + c between them;
- a split of one group into the cosets of a 2-dimensional subspace L (its 3 differences).

CP-SAT chooses A transversal rounds and rounds - A rounds of mixed orbits and splits so that
every difference class (a pair orbit) is used at most once; then no pair meets twice. The
model has a few thousand variables instead of one per person, seat and round. This reaches
the social golfer 8-4-10 (32 people, 10 rounds) in a fraction of a second. General method,
no stored answer; deterministic (single worker, deterministic work budget).
"""

from itertools import combinations

# Deterministic CP-SAT work units per number of transversal rounds tried.
INVARIANT_BUDGET = 5.0
INVARIANT_MAX_PEOPLE = 32  # 64 people (q = 16) would need many larger models


def invariant_rounds(people: int, table_size: int, rounds: int, seed: int = 0):
    """Rounds without a repeated pair (lists of tables of points 0..people-1), or None."""
    q = people // 4
    if table_size != 4 or people != 4 * q or q < 4 or q & (q - 1) or people > INVARIANT_MAX_PEOPLE:
        return None
    if rounds <= q + 1 or 3 * rounds > people - 1:
        return None  # the finite-field design does it; or the counting bound forbids it
    for transversal in range(min(rounds, q), -1, -1):
        plan = _solve(q, rounds, transversal, seed)
        if plan is not None:
            return plan
    return None


def _solve(q: int, rounds: int, transversal: int, seed: int):
    # CP-SAT takes about 1.7 s to load and only this search needs it: loaded on first use.
    from ortools.sat.python import cp_model  # noqa: PLC0415

    groups = range(4)
    group_pairs = list(combinations(groups, 2))
    flexible = rounds - transversal
    if flexible > q - 1:
        return None  # every flexible round uses at least one difference inside each group
    model = cp_model.CpModel()
    across: dict[tuple, list] = {}
    inside: dict[tuple, list] = {}
    offset = {
        (t, i, a): model.new_bool_var("")
        for t in range(transversal)
        for i in groups
        for a in range(q)
    }
    for t in range(transversal):
        for i in groups:
            model.add_exactly_one(offset[t, i, a] for a in range(q))
            if t == 0 or i == 0:
                model.add(offset[t, i, 0] == 1)  # translating a group is a symmetry
        for i, j in group_pairs:
            for a in range(q):
                for d in range(q):
                    meet = model.new_bool_var("")
                    model.add_bool_and([offset[t, i, a], offset[t, j, a ^ d]]).only_enforce_if(meet)
                    model.add_bool_or([offset[t, i, a].Not(), offset[t, j, a ^ d].Not(), meet])
                    across.setdefault((i, j, d), []).append(meet)
    pairs_of_units = ((u, v) for u in range(1, q) for v in range(u + 1, q))
    lines = sorted({frozenset((u, v, u ^ v)) for u, v in pairs_of_units}, key=sorted)
    mixed, split = {}, {}
    for r in range(flexible):
        member: dict[int, list] = {i: [] for i in groups}
        for i, j in group_pairs:
            for c in range(1, q):
                for d in range(q):
                    var = mixed[r, i, j, c, d] = model.new_bool_var("")
                    member[i].append(var)
                    member[j].append(var)
                    across.setdefault((i, j, d), []).append(var)
                    across.setdefault((i, j, d ^ c), []).append(var)
                    inside.setdefault((i, c), []).append(var)
                    inside.setdefault((j, c), []).append(var)
        for i in groups:
            for index, line in enumerate(lines):
                var = split[r, i, index] = model.new_bool_var("")
                member[i].append(var)
                for c in line:
                    inside.setdefault((i, c), []).append(var)
        for i in groups:
            model.add_exactly_one(member[i])
    for variables in list(across.values()) + list(inside.values()):
        model.add_at_most_one(variables)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    solver.parameters.max_deterministic_time = INVARIANT_BUDGET
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None

    def point(i: int, y: int) -> int:
        return i * q + y

    def orbit(table: list[tuple[int, int]]) -> list[list[int]]:
        tables = {tuple(sorted(point(i, y ^ g) for i, y in table)) for g in range(q)}
        return [list(t) for t in sorted(tables)]

    plan = []
    for t in range(transversal):
        offsets = [next(a for a in range(q) if solver.value(offset[t, i, a])) for i in groups]
        plan.append(orbit([(i, offsets[i]) for i in groups]))
    for r in range(flexible):
        tables = []
        for (rr, i, j, c, d), var in mixed.items():
            if rr == r and solver.value(var):
                tables += orbit([(i, 0), (i, c), (j, d), (j, d ^ c)])
        for (rr, i, index), var in split.items():
            if rr == r and solver.value(var):
                u, v, _ = sorted(lines[index])
                tables += orbit([(i, 0), (i, u), (i, v), (i, u ^ v)])
        plan.append(tables)
    return plan
