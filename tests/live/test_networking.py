"""Networking rounds: the solver's instance from the database, and plans back into it."""

import pytest

from tests.factories import OrganisationFactory
from tests.registration.factories import EventFactory, RegistrationFactory
from vernetzt.live import networking
from vernetzt.live.models import NetworkingPlan, Seat


def test_build_instance_is_sorted_and_drops_unknown_ids():
    instance = networking.build_instance(
        participants=[{"id": "r2", "organisation": "o1"}, {"id": "r1", "organisation": None}],
        table_size=4,
        rounds=3,
        met_before=[("r2", "r1"), ("r1", "r9"), ("r1", "r2")],
        interest={("r1", "r2"): 1.5, ("r1", "r9"): 3, ("r2", "r2"): 1},
        time_limit_s=5,
        seed=7,
    )
    assert instance == {
        "participants": [{"id": "r1", "organisation": None}, {"id": "r2", "organisation": "o1"}],
        "table_size": 4,
        "rounds": 3,
        "met_before": [["r1", "r2"]],
        "interest": [["r1", "r2", 1.5]],
        "time_limit_s": 5,
        "seed": 7,
    }


class _Profile:
    def __init__(self, **fields):
        self.__dict__.update(fields)


def test_interest_works_with_and_without_fields_of_activity():
    plain = networking.organisation_profile(_Profile(municipality=None))
    assert plain == {"fields": set(), "district": None}
    a = networking.organisation_profile(
        _Profile(fields_of_activity=["youth", "women"], municipality=None)
    )
    b = networking.organisation_profile(_Profile(fields_of_activity=["youth"], municipality=None))
    assert networking.pair_interest(a, b) == 1.0
    assert networking.pair_interest(plain, plain) == 0


@pytest.mark.django_db
def test_met_before_comes_from_earlier_plans_across_meetings():
    earlier, now = EventFactory(), EventFactory()
    old = [RegistrationFactory(event=earlier, email=f"p{i}@example.org") for i in range(3)]
    new = [RegistrationFactory(event=now, email=f"p{i}@example.org") for i in range(3)]
    plan = NetworkingPlan.objects.create(event=earlier, title="x", table_size=2, rounds_count=1)
    Seat.objects.create(plan=plan, round_number=1, table_number=1, registration=old[0])
    Seat.objects.create(plan=plan, round_number=1, table_number=1, registration=old[1])
    Seat.objects.create(plan=plan, round_number=1, table_number=2, registration=old[2])
    met = networking.gather_met_before(new)
    assert met == {frozenset((f"r{new[0].pk}", f"r{new[1].pk}"))}


@pytest.mark.django_db
def test_instance_from_checked_in_people_with_organisations():
    event = EventFactory()
    org_a, org_b = OrganisationFactory(), OrganisationFactory()
    here = [
        RegistrationFactory(event=event, organisation=org, checked_in_at=event.starts_at)
        for org in (org_a, org_a, org_b, None)
    ]
    RegistrationFactory(event=event)  # confirmed, not checked in
    people = networking.select_participants(event, who="checked_in")
    assert people == here
    instance = networking.instance_for(people, table_size=2, rounds=1)
    assert {p["id"]: p["organisation"] for p in instance["participants"]} == {
        f"r{here[0].pk}": f"o{org_a.pk}",
        f"r{here[1].pk}": f"o{org_a.pk}",
        f"r{here[2].pk}": f"o{org_b.pk}",
        f"r{here[3].pk}": None,
    }
    assert len(networking.select_participants(event, who="confirmed")) == 5


@pytest.mark.django_db
def test_create_plan_refuses_bad_input():
    event = EventFactory()
    with pytest.raises(networking.PlanError):
        networking.create_plan(event=event, who="confirmed", table_size=1, rounds=2)
    with pytest.raises(networking.PlanError):
        networking.create_plan(event=event, who="confirmed", table_size=4, rounds=101)
    with pytest.raises(networking.PlanError, match="two people"):
        networking.create_plan(event=event, who="confirmed", table_size=4, rounds=2)


@pytest.mark.django_db
def test_create_plan_with_the_solver_respects_the_hard_constraints():
    import vernetzt.solvers.rounds  # noqa: F401 - fails (never skips) if it does not import

    event = EventFactory()
    orgs = [OrganisationFactory() for _ in range(6)]
    people = [
        RegistrationFactory(event=event, organisation=orgs[i % 6], checked_in_at=event.starts_at)
        for i in range(18)
    ]
    plan = networking.create_plan(
        event=event, who="checked_in", table_size=3, rounds=3, time_limit_s=5
    )
    assert plan.figures["repeat_pairs"] == 0
    assert plan.figures["same_organisation_pairs"] == 0
    rounds = networking.plan_tables(plan)
    assert len(rounds) == 3
    pairs = set()
    for round_ in rounds:
        seated = [p for table in round_["tables"] for p in table["people"]]
        assert sorted(p.pk for p in seated) == sorted(p.pk for p in people)
        for table in round_["tables"]:
            assert len({p.organisation_id for p in table["people"]}) == len(table["people"])
            ids = sorted(p.pk for p in table["people"])
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    assert (a, b) not in pairs
                    pairs.add((a, b))
    # the next plan knows who met
    assert len(networking.gather_met_before(people)) == len(pairs)


@pytest.mark.django_db
def test_people_of_one_forum_at_an_earlier_meeting_have_met():
    from tests.forums.factories import ForumFactory
    from vernetzt.forums.models import Placement

    earlier, now = EventFactory(), EventFactory()
    old = [RegistrationFactory(event=earlier, email=f"f{i}@example.org") for i in range(3)]
    new = [RegistrationFactory(event=now, email=f"f{i}@example.org") for i in range(3)]
    forum_a = ForumFactory(event=earlier)
    forum_b = ForumFactory(event=earlier, slot=forum_a.slot)
    for registration, forum in zip(old, (forum_a, forum_a, forum_b), strict=True):
        Placement.objects.create(registration=registration, slot=forum.slot, forum=forum)
    assert networking.gather_met_before(new) == {frozenset((f"r{new[0].pk}", f"r{new[1].pk}"))}


@pytest.mark.django_db
def test_shared_fields_of_activity_raise_the_interest():
    from vernetzt.directory.models import Organisation

    # The directory's fields of activity must exist: a missing field fails, never skips.
    assert "fields" in {f.name for f in Organisation._meta.many_to_many}
    from vernetzt.directory.models import Term, TermKind

    term = Term.objects.create(kind=TermKind.FIELD, slug="jugend-live-test")
    event = EventFactory()
    a, b, c = OrganisationFactory(), OrganisationFactory(), OrganisationFactory()
    a.fields.add(term)
    b.fields.add(term)
    people = [
        RegistrationFactory(event=event, organisation=org, checked_in_at=event.starts_at)
        for org in (a, b, c)
    ]
    interest = networking.gather_interest(networking.select_participants(event, who="checked_in"))
    shared = interest[(f"r{people[0].pk}", f"r{people[1].pk}")]
    assert shared >= 1.0
    assert shared > interest.get((f"r{people[0].pk}", f"r{people[2].pk}"), 0)
