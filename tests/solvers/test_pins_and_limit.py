"""The association limit together with pins: a pinned colleague counts against the limit.

Deterministic examples that fail when the solver ignores pins in the limit, and a property
test over instances built for exactly this case (derandomised under CI, see
tests/hypothesis_profiles.py), checked against the hard constraints and an integer program.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
from vernetzt.solvers import assign_forums, first_come_first_served

from .test_assignment import check_hard_constraints, exact_optimum, forum, person, placed_count


def test_a_pinned_colleague_fills_the_association_limit():
    instance = {
        "forums": [forum("F", capacity=3), forum("G", capacity=3)],
        "participants": [
            person("speaker", ["G"], organisation="o1", pinned={"s1": "F"}),
            person("colleague", ["F", "G"], organisation="o1"),
            person("other", ["F", "G"], organisation="o2"),
        ],
        "max_per_organisation": 1,
    }
    for solve in (assign_forums, first_come_first_served):
        result = solve(instance)
        check_hard_constraints(instance, result)
        assert result["assignment"]["speaker"] == {"s1": "F"}  # the pin stays
        assert result["assignment"]["colleague"] == {"s1": "G"}  # not F: o1 is there already
        assert result["assignment"]["other"] == {"s1": "F"}


def test_pins_beyond_the_limit_stay_but_nobody_else_of_the_association_joins():
    instance = {
        "forums": [forum("F", capacity=5), forum("G", capacity=5)],
        "participants": [
            person("a", [], organisation="o1", pinned={"s1": "F"}),
            person("b", [], organisation="o1", pinned={"s1": "F"}),
            person("c", ["F"], organisation="o1"),
        ],
        "max_per_organisation": 1,
    }
    result = assign_forums(instance)
    check_hard_constraints(instance, result)
    assert result["assignment"]["a"] == result["assignment"]["b"] == {"s1": "F"}
    assert result["assignment"]["c"] == {"s1": "G"}


@st.composite
def pinned_association_instances(draw):
    slots = draw(st.integers(1, 2))
    forums = [
        forum(f"f{s}{i}", slot=f"s{s}", capacity=draw(st.integers(1, 4)))
        for s in range(slots)
        for i in range(draw(st.integers(2, 3)))
    ]
    ids = [f["id"] for f in forums]
    people = []
    for n in range(draw(st.integers(2, 10))):
        entry = person(
            f"p{n}",
            draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)),
            organisation=draw(st.sampled_from(["o1", "o1", "o2", None])),
        )
        if draw(st.booleans()):  # pins are common here
            pinned = draw(st.sampled_from(forums))
            entry["pinned"] = {pinned["slot"]: pinned["id"]}
        people.append(entry)
    return {
        "forums": forums,
        "participants": people,
        "max_per_organisation": draw(st.sampled_from([1, 2])),
    }


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pinned_association_instances())
def test_limit_with_pins_holds_and_stays_optimal(instance):
    result = assign_forums(instance)
    check_hard_constraints(instance, result)
    assert (placed_count(result), len(result["unmet_needs"]), result["cost"]) == exact_optimum(
        instance
    )
    check_hard_constraints(instance, first_come_first_served(instance))
