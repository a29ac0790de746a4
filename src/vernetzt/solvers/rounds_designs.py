"""Seating plans without a repeated pair, built from designs instead of searched for.

Three general methods, each for the instances where it applies (never stored answers):

- **Resolvable transversal designs from a finite field** GF(q), q a prime power: k groups of q
  points, point (i, y) with i a distinct field element x_i; round m has the tables
  {(i, m·x_i + b)} for b in GF(q). Two points of different groups meet in exactly one round,
  points of one group never. This seats k·q people at q tables of k for up to q rounds; with
  k = q the groups themselves are one more round, which makes the affine plane AG(2, q)
  (9-3-4, 16-4-5, 25-5-6, 49-7-8). Fewer people than k·q: the empty seats all lie in one
  group, so each table lacks at most one person.
- **Cyclic development**: w rounds that are the images of one base round under the shift
  x -> x + 1 (mod w) of points in orbits of size w, plus up to one fixed point per table.
  A base round whose pairs fall into distinct pair orbits gives w rounds without repeats
  (Kirkman's 15-3-7 from Z_7, the social golfer 8-4-10 from Z_10). The base round is found
  by CP-SAT within a deterministic time budget, so the outcome does not depend on the machine.
"""

from itertools import combinations, product

import numpy as np

# Deterministic CP-SAT work units per attempt at a cyclic base round (about seconds on a
# laptop, but counted by the solver, not by the clock).
CYCLIC_DETERMINISTIC_BUDGET = 10.0
CYCLIC_MAX_PEOPLE = 64


def prime_power(q: int) -> tuple[int, int] | None:
    """(p, k) with q = p**k for a prime p, or None."""
    if q < 2:
        return None
    for p in range(2, q + 1):
        if q % p == 0:
            k, rest = 0, q
            while rest % p == 0:
                rest //= p
                k += 1
            return (p, k) if rest == 1 else None
    return None


def _poly_mod(coeffs: list[int], modulus: list[int], p: int) -> list[int]:
    """Remainder of a polynomial (coefficients lowest first) by a monic modulus over GF(p)."""
    coeffs = coeffs[:]
    degree = len(modulus) - 1
    for shift in range(len(coeffs) - 1 - degree, -1, -1):
        factor = coeffs[shift + degree] % p
        if factor:
            for i, c in enumerate(modulus):
                coeffs[shift + i] = (coeffs[shift + i] - factor * c) % p
    return [c % p for c in coeffs[:degree]] + [0] * max(0, degree - len(coeffs))


def _irreducible(p: int, k: int) -> list[int]:
    """The first monic polynomial of degree k over GF(p) without a root-free factorisation,
    found by checking that it has no factor of degree <= k/2 (fine for the small k here)."""
    for tail in product(range(p), repeat=k):
        modulus = list(tail) + [1]
        if modulus[0] == 0:
            continue
        reducible = False
        for degree in range(1, k // 2 + 1):
            for low in product(range(p), repeat=degree):
                divisor = list(low) + [1]
                if not any(_poly_mod(modulus, divisor, p)):
                    reducible = True
                    break
            if reducible:
                break
        if not reducible:
            return modulus
    raise ValueError(f"no irreducible polynomial of degree {k} over GF({p})")


def field_tables(q: int) -> tuple[np.ndarray, np.ndarray]:
    """Addition and multiplication tables of GF(q); element e is the polynomial whose
    coefficients are the base-p digits of e."""
    p, k = prime_power(q) or (0, 0)
    if not p:
        raise ValueError(f"{q} is not a prime power")
    digits = np.array([[(e // p**i) % p for i in range(k)] for e in range(q)], dtype=np.int64)
    weights = p ** np.arange(k)
    add = ((digits[:, None, :] + digits[None, :, :]) % p) @ weights
    if k == 1:
        return add, np.outer(np.arange(q), np.arange(q)) % q
    modulus = _irreducible(p, k)
    mul = np.zeros((q, q), dtype=np.int64)
    for a in range(q):
        for b in range(a, q):
            product_coeffs = [0] * (2 * k - 1)
            for i in range(k):
                for j in range(k):
                    product_coeffs[i + j] += int(digits[a, i] * digits[b, j])
            value = int(np.dot(_poly_mod(product_coeffs, modulus, p), weights))
            mul[a, b] = mul[b, a] = value
    return add, mul


def transversal_rounds(
    people: int, table_size: int, rounds: int, partial_ok: bool = False
) -> list[list[list[int]]] | None:
    """Rounds from a resolvable transversal design (see the module docstring), or None.

    Applies when the number of tables T = ceil(people / table_size) is a prime power with
    table_size <= T, rounds <= T (or T + 1 for an affine plane with every seat taken), and
    the empty seats fit into one group (at most one per table). With `partial_ok`, more
    rounds may be asked for when every seat is taken and table_size divides T: then the plan
    has T + 1 rounds (the groups split into tables make the last) and, if asked for more, a
    T + 2nd round that splits the groups the other way (with a few repeated pairs); the
    caller completes the plan. Points are numbered group by
    group, so people 0..people-1 fill the groups in order and the empty seats are the last.
    """
    if table_size < 2 or people < 2:
        return None
    q = -(-people // table_size)
    k = table_size
    empty = q * k - people
    if prime_power(q) is None or k > q or empty >= q:
        return None
    affine_extra = k == q and empty <= 1
    if rounds > q + affine_extra and (not partial_ok or empty or q % k):
        return None
    add, mul = field_tables(q)
    plan = []
    # Slopes 1..q-1 and 0 first: every slope gives a round; x_i = i as field elements.
    for slope in list(range(1, q)) + [0]:
        tables = []
        for b in range(q):
            table = [i * q + int(add[mul[slope, i], b]) for i in range(k)]
            tables.append([point for point in table if point < people])
        plan.append(tables)
    if affine_extra:
        plan.append([[i * q + y for y in range(q) if i * q + y < people] for i in range(k)])
    elif rounds > q and not empty and q % k == 0:
        # One more round: each group split into tables of k (its members never met before).
        split = [[i * q + y for y in range(c, c + k)] for i in range(k) for c in range(0, q, k)]
        plan.append(split)
        if rounds > q + 1:
            # And the transposed split: each table takes evenly from the tables of the first
            # split, so that few pairs meet a second time (the search then repairs them).
            chunks = q // k
            plan.append(
                [[i * q + y for y in range(c, q, chunks)] for i in range(k) for c in range(chunks)]
            )
    # Prefer the groups round last: it is the only one where group members meet.
    return plan[:rounds]


def cyclic_rounds(
    people: int, table_size: int, rounds: int, seed: int, wall_limit: float = 60.0
) -> list[list[list[int]]] | None:
    """Rounds that are the images of a few base rounds under a cyclic shift, or None.

    For each order m dividing `rounds` (largest first): points in orbits of size m,
    point (o, a) = o*m + a, plus `fixed` fixed points numbered after them; the shift maps
    (o, a) to (o, a+1 mod m), and rounds/m base rounds each give m rounds. Applies when every
    table is full (people = T * table_size) and the fixed points fit one per table. CP-SAT
    looks for base rounds whose pairs fall into distinct pair orbits, within a deterministic
    budget of work, so the answer does not depend on the machine's speed (`wall_limit` in
    seconds is only a safety cap against a very slow machine).
    """
    if people > CYCLIC_MAX_PEOPLE or people % table_size or rounds < 2:
        return None
    for order in sorted((m for m in range(2, rounds + 1) if rounds % m == 0), reverse=True):
        plan = _cyclic_with_order(people, table_size, rounds, order, seed, wall_limit)
        if plan is not None:
            return plan
    return None


def _cyclic_with_order(
    people: int, k: int, rounds: int, m: int, seed: int, wall_limit: float
) -> list[list[list[int]]] | None:
    tables = people // k
    orbits, fixed = divmod(people, m)
    if fixed > tables or orbits == 0:
        return None
    bases = rounds // m
    moving = orbits * m
    pair_orbit: dict[tuple[int, int], tuple] = {}
    short: set[tuple] = set()
    for u, v in combinations(range(people), 2):
        if u >= moving:
            continue  # two fixed points would meet in every round
        if v >= moving:
            pair_orbit[(u, v)] = ("fixed", v, u // m)
            continue
        (ou, au), (ov, av) = divmod(u, m), divmod(v, m)
        if ou == ov:
            d = (av - au) % m
            d = min(d, m - d)
            key = ("in", ou, d)
            if 2 * d == m:
                short.add(key)
        else:
            key = ("across", ou, ov, (av - au) % m)
        pair_orbit[(u, v)] = key
    available = len(set(pair_orbit.values()) - short)
    needed = bases * tables * k * (k - 1) // 2
    if needed > available:
        return None

    # CP-SAT takes about 1.7 s to load and only these designs need it: loaded on first use.
    from ortools.sat.python import cp_model  # noqa: PLC0415

    model = cp_model.CpModel()
    seat = {
        (b, u, t): model.new_bool_var("")
        for b in range(bases)
        for u in range(people)
        for t in range(tables)
    }
    together_by_orbit: dict[tuple, list] = {}
    for b in range(bases):
        for u in range(people):
            model.add_exactly_one(seat[b, u, t] for t in range(tables))
        for t in range(tables):
            model.add(sum(seat[b, u, t] for u in range(people)) == k)
        for index, u in enumerate(range(moving, people)):
            model.add(seat[b, u, index] == 1)  # fixed points at distinct tables
        for (u, v), key in pair_orbit.items():
            for t in range(tables):
                if key in short:
                    model.add_bool_or([seat[b, u, t].Not(), seat[b, v, t].Not()])
                    continue
                both = model.new_bool_var("")
                model.add_bool_or([seat[b, u, t].Not(), seat[b, v, t].Not(), both])
                model.add_implication(both, seat[b, u, t])
                model.add_implication(both, seat[b, v, t])
                together_by_orbit.setdefault(key, []).append(both)
        # Tables are interchangeable: point 0 sits at the first table without a fixed point.
        model.add(seat[b, 0, min(fixed, tables - 1)] == 1)
    for variables in together_by_orbit.values():
        if needed == available:
            model.add_exactly_one(variables)
        else:
            model.add_at_most_one(variables)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    solver.parameters.max_deterministic_time = CYCLIC_DETERMINISTIC_BUDGET
    solver.parameters.max_time_in_seconds = max(0.1, wall_limit)  # a safety cap only
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None

    def shift(point: int, by: int) -> int:
        if point >= moving:
            return point
        o, a = divmod(point, m)
        return o * m + (a + by) % m

    plan = []
    for b in range(bases):
        base = [[u for u in range(people) if solver.value(seat[b, u, t])] for t in range(tables)]
        plan.extend([[shift(u, r) for u in table] for table in base] for r in range(m))
    return plan
