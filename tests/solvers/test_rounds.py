"""Networking rounds: valid seating always, hard constraints where feasible, deterministic."""

import json
import math
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
from vernetzt.solvers import SolverInputError, plan_rounds
from vernetzt.solvers.examples import networking_instance
from vernetzt.solvers.rounds_designs import field_tables

SRC = Path(__file__).resolve().parents[2] / "src"


def people(count, organisations=None):
    return [
        {"id": f"p{i}", "organisation": None if organisations is None else f"o{i % organisations}"}
        for i in range(count)
    ]


def recount(instance, result):
    """Recompute every reported figure from the plan, and check the seating shape."""
    ids = [p["id"] for p in instance["participants"]]
    org = {p["id"]: p.get("organisation") for p in instance["participants"]}
    met = {frozenset(pair) for pair in instance.get("met_before") or []}
    interest = Counter()
    for a, b, weight in instance.get("interest") or []:
        interest[frozenset((a, b))] += weight
    assert len(result["rounds"]) == instance["rounds"]
    tables = math.ceil(len(ids) / instance["table_size"])
    meetings, same_org = Counter(), 0
    for seating in result["rounds"]:
        assert sorted(p for table in seating for p in table) == sorted(ids)
        assert len(seating) == tables
        if seating:
            sizes = [len(table) for table in seating]
            assert max(sizes) - min(sizes) <= 1
            assert max(sizes) <= instance["table_size"]
        for table in seating:
            for i, a in enumerate(table):
                for b in table[i + 1 :]:
                    meetings[frozenset((a, b))] += 1
                    same_org += org[a] is not None and org[a] == org[b]
    assert result["repeat_pairs"] == sum(n - 1 for n in meetings.values())
    assert result["repeat_pairs_lower_bound"] <= result["repeat_pairs"]
    assert result["same_organisation_pairs"] == same_org
    assert result["new_pairs"] == sum(1 for pair in meetings if pair not in met)
    assert result["interest"] == pytest.approx(sum(interest[pair] for pair in meetings))


@st.composite
def instances(draw):
    count = draw(st.integers(0, 24))
    ids = [f"p{i}" for i in range(count)]
    participants = [
        {"id": pid, "organisation": draw(st.sampled_from([None, "o1", "o2", "o3", "o4"]))}
        for pid in ids
    ]
    pairs = st.lists(st.sampled_from(ids or ["-"]), min_size=2, max_size=2, unique=True)
    if count < 2:
        pairs = st.nothing()
    instance = {
        "participants": participants,
        "table_size": draw(st.integers(2, 6)),
        "rounds": draw(st.integers(1, 5)),
        "met_before": draw(st.lists(pairs, max_size=8 if count > 1 else 0)),
        "interest": [
            [a, b, draw(st.floats(-3, 3, allow_nan=False))]
            for a, b in draw(st.lists(pairs, max_size=8 if count > 1 else 0))
        ],
        "seed": draw(st.integers(0, 10)),
        "max_iterations": 300,
    }
    return instance


@settings(max_examples=examples(40), deadline=None, derandomize=True, database=None)
@given(instances())
def test_everyone_is_seated_once_per_round_and_counts_are_right(instance):
    recount(instance, plan_rounds(instance))


@pytest.mark.parametrize(
    ("count", "table_size", "rounds", "organisations"),
    [(12, 3, 2, None), (20, 4, 3, 5), (30, 5, 3, 6), (15, 3, 7, None), (26, 4, 4, 7)],
)
def test_no_repeats_and_no_colleagues_where_clearly_possible(
    count, table_size, rounds, organisations
):
    instance = {
        "participants": people(count, organisations),
        "table_size": table_size,
        "rounds": rounds,
    }
    result = plan_rounds(instance)
    recount(instance, result)
    assert result["repeat_pairs"] == 0
    assert result["same_organisation_pairs"] == 0
    assert result["stopped_by"] == "solved"


def test_realistic_meeting_has_no_repeats_and_no_colleagues():
    instance = networking_instance(participants=120, organisations=50, table_size=6, rounds=5)
    result = plan_rounds(instance)
    recount(instance, result)
    assert (result["repeat_pairs"], result["same_organisation_pairs"]) == (0, 0)


def test_people_who_met_before_are_split_up():
    group = [[f"p{i}", f"p{j}"] for i in range(4) for j in range(i + 1, 4)]
    instance = {"participants": people(8), "table_size": 4, "rounds": 1, "met_before": group}
    result = plan_rounds(instance)
    recount(instance, result)
    assert result["new_pairs"] == 12 - 2  # two tables of 4 hold 12 pairs; best split is 2 + 2


def test_interest_brings_people_together():
    interest = [["p0", "p5", 5], ["p1", "p4", 5], ["p2", "p3", 5]]
    instance = {"participants": people(6), "table_size": 2, "rounds": 1, "interest": interest}
    result = plan_rounds(instance)
    assert result["interest"] == 15
    assert sorted(result["rounds"][0]) == [["p0", "p5"], ["p1", "p4"], ["p2", "p3"]]


def test_uneven_numbers_give_tables_differing_by_one():
    instance = {"participants": people(10), "table_size": 4, "rounds": 2}
    result = plan_rounds(instance)
    assert sorted(len(t) for t in result["rounds"][0]) == [3, 3, 4]


def test_same_seed_same_plan():
    instance = networking_instance(participants=60, organisations=25, table_size=5, rounds=4)
    instance["met_before"] = [["p1", "p2"], ["p3", "p4"]]
    instance["interest"] = [["p1", "p9", 2.5], ["p5", "p6", 1]]
    instance["max_iterations"] = 1_500
    first, second = plan_rounds(instance), plan_rounds(dict(instance))
    assert first == second
    assert first["stopped_by"] in ("solved", "iteration_limit")
    assert (first["repeat_pairs"], first["same_organisation_pairs"]) == (0, 0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"table_size": 1}, "table_size must be at least 2"),
        ({"rounds": 0}, "rounds must be at least 1"),
        ({"rounds": 101}, "rounds must be at most 100"),
        ({"rounds": "3"}, "rounds must be a whole number"),
        ({"participants": [{"id": "a"}, {"id": "a"}]}, "duplicate id 'a'"),
        ({"met_before": [["p0", "zz"]]}, "unknown participant 'zz'"),
        ({"interest": [["p0", "p1"]]}, r"must be \[id, id, number\]"),
        ({"interest": [["p0", "p1", "high"]]}, "must be a finite number"),
        ({"met_before": [["p0", "p0"]]}, "with themselves"),
        ({"tablesize": 3}, "unknown field"),
    ],
)
def test_bad_input_raises_a_clear_error(change, message):
    instance = {"participants": people(4), "table_size": 2, "rounds": 2, **change}
    with pytest.raises(SolverInputError, match=message):
        plan_rounds(instance)


def run_cli(*args, stdin=""):
    return subprocess.run(
        [sys.executable, "-m", "vernetzt.solvers", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
        timeout=60,
    )


def test_cli_rounds_round_trip():
    instance = {"participants": people(9, 3), "table_size": 3, "rounds": 3, "seed": 4}
    completed = run_cli("rounds", stdin=json.dumps(instance))
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == plan_rounds(instance)


@pytest.mark.parametrize(
    "stdin",
    [
        "[1, 2",
        json.dumps({"participants": people(3), "table_size": 1, "rounds": 1}),
        json.dumps({"participants": people(3), "table_size": 2, "rounds": 200}),
        json.dumps({"participants": [{"id": "a"}, {"id": "a"}], "table_size": 2, "rounds": 1}),
        json.dumps(
            {"participants": people(3), "table_size": 2, "rounds": 1, "met_before": [["p0", "x"]]}
        ),
        json.dumps({"participants": "everyone", "table_size": 2, "rounds": 1}),
    ],
)
def test_cli_bad_input_exits_2(stdin):
    completed = run_cli("rounds", stdin=stdin)
    assert completed.returncode == 2
    assert completed.stderr.startswith("error: ")


# -- constructions and bounds ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "table_size", "rounds"),
    [(9, 3, 4), (16, 4, 5), (25, 5, 6), (49, 7, 8), (32, 4, 8), (1000, 8, 8), (35, 5, 7)],
)
def test_finite_field_designs_give_no_repeats_at_once(count, table_size, rounds):
    instance = {"participants": people(count), "table_size": table_size, "rounds": rounds}
    result = plan_rounds(instance)
    recount(instance, result)
    assert result["construction"] == "finite_field"
    assert (result["repeat_pairs"], result["repeat_pairs_best_possible"]) == (0, True)
    assert result["iterations"] == 0


def test_kirkman_15_3_7_and_golfers_32_4_9_have_no_repeats():
    for count, table_size, rounds in [(15, 3, 7), (32, 4, 9)]:
        instance = {"participants": people(count), "table_size": table_size, "rounds": rounds}
        instance["time_limit_s"] = 300  # only a safety cap: the design search counts work
        result = plan_rounds(instance)
        recount(instance, result)
        assert result["repeat_pairs"] == 0, (count, table_size, rounds)
        assert result["stopped_by"] == "solved"


def test_partial_finite_field_design_gives_golfers_32_4_9_at_once():
    instance = {"participants": people(32), "table_size": 4, "rounds": 9}
    result = plan_rounds(instance)
    recount(instance, result)
    assert result["construction"] == "finite_field_partial"
    assert (result["repeat_pairs"], result["iterations"]) == (0, 0)


def test_golfers_32_4_10_have_no_repeats_from_a_translation_invariant_design():
    instance = {"participants": people(32, 16), "table_size": 4, "rounds": 10}
    result = plan_rounds(instance)
    recount(instance, result)
    assert result["construction"] == "translation_invariant"
    assert (result["repeat_pairs"], result["same_organisation_pairs"]) == (0, 0)
    assert result["repeat_pairs_best_possible"] is True
    assert plan_rounds(instance) == result  # deterministic


def test_designs_keep_associations_apart():
    # 64 people of 8 associations of 8, tables of 8: each association fills one group of the
    # transversal design, whose members never meet
    instance = {"participants": people(64, 8), "table_size": 8, "rounds": 8}
    result = plan_rounds(instance)
    recount(instance, result)
    assert (result["repeat_pairs"], result["same_organisation_pairs"]) == (0, 0)


def test_kirkman_with_met_before_pairs_keeps_every_hard_constraint():
    met = [["p0", "p1"], ["p2", "p3"], ["p4", "p5"]]
    instance = {"participants": people(15), "table_size": 3, "rounds": 7, "met_before": met}
    result = plan_rounds(instance)
    recount(instance, result)
    # in 7 rounds every pair of 15 meets exactly once, so the three met pairs must meet too
    assert (result["repeat_pairs"], result["new_pairs"]) == (0, 105 - 3)
    assert result["stopped_by"] == "solved"


def test_uneven_numbers_use_a_design_with_one_empty_seat_per_table():
    instance = {"participants": people(46), "table_size": 7, "rounds": 7}  # 7 tables, 3 short
    result = plan_rounds(instance)
    recount(instance, result)
    assert result["construction"] == "finite_field"
    assert result["repeat_pairs"] == 0


def test_counting_bound_proves_the_best_possible():
    # 32 people at tables of 4 cannot meet 11 times 3 new people: 32 repeats at least
    instance = {"participants": people(32), "table_size": 4, "rounds": 11, "time_limit_s": 3}
    result = plan_rounds(instance)
    recount(instance, result)
    assert result["repeat_pairs_lower_bound"] == 32
    assert result["repeat_pairs"] >= 32


def test_a_pair_meeting_three_times_counts_twice():
    instance = {"participants": people(2), "table_size": 2, "rounds": 3}
    result = plan_rounds(instance)
    assert result["repeat_pairs"] == 2 == result["repeat_pairs_lower_bound"]
    assert result["repeat_pairs_best_possible"]


@pytest.mark.parametrize("q", [2, 3, 4, 5, 7, 8, 9, 16, 25, 27])
def test_finite_fields_are_fields(q):
    add, mul = field_tables(q)
    elements = np.arange(q)
    for a in range(1, q):
        assert sorted(mul[a]) == list(elements)  # every non-zero element has an inverse
    assert (mul[:, add] == add[mul[:, :, None], mul[:, None, :]]).all()  # distributive
