"""Forum services: rankings, the assignment run, moves and pins, publishing, results."""

import pytest
from django.db import IntegrityError, transaction

from tests.factories import OrganisationFactory, UserFactory
from tests.registration.factories import EventFactory, RegistrationFactory
from vernetzt.forums import assignment, queries, services
from vernetzt.forums.forms import ForumForm
from vernetzt.forums.models import AssignmentRun, Forum, Placement, Ranking, ResultItem, Support

from .factories import ForumFactory, ForumHostFactory, ResultItemFactory, SlotFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def start(django_capture_on_commit_callbacks):
    """Start a run and let the (immediate) task run as it would after the commit."""

    def run(event):
        with django_capture_on_commit_callbacks(execute=True):
            return services.start_assignment(event=event)

    return run


@pytest.fixture
def meeting():
    event = EventFactory()
    slot = SlotFactory(event=event, title="Nachmittag")
    forums = [
        ForumFactory(slot=slot, title=f"Forum {name}", capacity=2) for name in ("A", "B", "C")
    ]
    return event, slot, forums


# --- Rankings ------------------------------------------------------------------------------


def test_rankings_are_saved_and_replaced(meeting):
    event, slot, forums = meeting
    registration = RegistrationFactory(event=event)
    services.set_rankings(
        registration=registration, choices={slot.pk: [forums[2].pk, forums[0].pk, ""]}
    )
    assert queries.rankings_of(registration) == {slot.pk: [forums[2].pk, forums[0].pk]}
    services.set_rankings(registration=registration, choices={slot.pk: [forums[1].pk]})
    assert queries.rankings_of(registration) == {slot.pk: [forums[1].pk]}


def test_ranking_a_forum_of_another_meeting_is_refused(meeting):
    event, slot, forums = meeting
    other = ForumFactory()
    registration = RegistrationFactory(event=event)
    services.set_rankings(registration=registration, choices={slot.pk: [forums[0].pk]})
    with pytest.raises(services.ForumError, match="does not belong to this meeting"):
        services.set_rankings(
            registration=registration, choices={slot.pk: [forums[1].pk, other.pk]}
        )
    with pytest.raises(services.ForumError, match="does not belong"):
        services.set_rankings(registration=registration, choices={other.slot.pk: [other.pk]})
    # nothing lost
    assert queries.rankings_of(registration) == {slot.pk: [forums[0].pk]}


def test_ranking_the_same_forum_twice_is_refused(meeting):
    event, slot, forums = meeting
    registration = RegistrationFactory(event=event)
    with pytest.raises(services.ForumError, match="twice"):
        services.set_rankings(
            registration=registration, choices={slot.pk: [forums[0].pk, forums[0].pk]}
        )
    assert not Ranking.objects.exists()


def test_ranking_a_forum_of_another_slot_is_refused(meeting):
    event, slot, forums = meeting
    later = ForumFactory(slot=SlotFactory(event=event, title="Abend"))
    registration = RegistrationFactory(event=event)
    with pytest.raises(services.ForumError, match="does not take place"):
        services.set_rankings(registration=registration, choices={slot.pk: [later.pk]})


def test_ranking_after_the_choice_closed_is_refused(meeting):
    event, slot, forums = meeting
    registration = RegistrationFactory(event=event)
    services.set_rankings(registration=registration, choices={slot.pk: [forums[0].pk]})
    services.set_choice_open(event=event, is_open=False)
    with pytest.raises(services.ForumError, match="closed"):
        services.set_rankings(registration=registration, choices={slot.pk: [forums[1].pk]})
    assert queries.rankings_of(registration) == {slot.pk: [forums[0].pk]}


def test_the_database_refuses_a_double_ranking(meeting):
    event, slot, forums = meeting
    registration = RegistrationFactory(event=event)
    Ranking.objects.create(registration=registration, slot=slot, forum=forums[0], rank=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ranking.objects.create(registration=registration, slot=slot, forum=forums[0], rank=2)


# --- Forum form: capacity ------------------------------------------------------------------


def test_a_capacity_of_zero_is_refused_with_a_message(meeting):
    event, slot, _forums = meeting
    form = ForumForm(
        data={"slot": slot.pk, "title": "Leer", "capacity": "0", "languages_text": "de"},
        event=event,
    )
    assert not form.is_valid()
    assert "at least 1 place" in str(form.errors["capacity"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Forum.objects.create(event=event, slot=slot, title="Leer", capacity=0)


def test_forum_form_saves_languages_and_hosts(meeting):
    event, slot, _forums = meeting
    host = UserFactory(is_forum_host=True)
    form = ForumForm(
        data={
            "slot": slot.pk,
            "title": "Neu",
            "capacity": "12",
            "languages_text": "de, EN",
            "interpretation_text": "ar",
            "rapporteurs": [host.pk],
            "step_free": "on",
            "position": "0",
        },
        event=event,
    )
    assert form.is_valid(), form.errors
    forum = form.save()
    assert forum.languages == ["de", "en"]
    assert forum.all_languages == ["de", "en", "ar"]
    assert list(forum.hosts.all()) == [host]
    assert forum.host_links.get().role == "rapporteur"


# --- Instance and report (pure) -------------------------------------------------------------


def test_build_instance_follows_the_solver_format():
    instance = assignment.build_instance(
        forums=[
            assignment.ForumData(id=1, slot=7, capacity=3, step_free=True, languages=["de"]),
            assignment.ForumData(id=2, slot=7, capacity=3, step_free=False, languages=["de", "ar"]),
        ],
        participants=[
            assignment.ParticipantData(
                id=5,
                organisation=9,
                needs_step_free=True,
                interpretation="ar",
                rankings={7: [2, 1]},
                pinned={7: 1},
                registered_at="2026-01-02",
            ),
            assignment.ParticipantData(
                id=4,
                organisation=None,
                needs_step_free=False,
                interpretation=None,
                registered_at="2026-01-01",
            ),
        ],
        max_per_organisation=2,
    )
    assert instance == {
        "forums": [
            {"id": "f1", "slot": "s7", "capacity": 3, "step_free": True, "languages": ["de"]},
            {
                "id": "f2",
                "slot": "s7",
                "capacity": 3,
                "step_free": False,
                "languages": ["de", "ar"],
            },
        ],
        "participants": [
            {
                "id": "p4",
                "organisation": None,
                "preferences": [],
                "needs_step_free": False,
                "interpretation": None,
                "pinned": {},
            },
            {
                "id": "p5",
                "organisation": "o9",
                "preferences": ["f2", "f1"],
                "needs_step_free": True,
                "interpretation": "ar",
                "pinned": {"s7": "f1"},
            },
        ],
        "max_per_organisation": 2,
    }


def test_fairness_report_counts_choices_by_slot_and_forum():
    instance = {
        "forums": [
            {"id": "f1", "slot": "s1", "capacity": 1, "step_free": True, "languages": ["de"]},
            {"id": "f2", "slot": "s1", "capacity": 1, "step_free": True, "languages": ["de"]},
        ],
        "participants": [
            {"id": "p1", "organisation": "o1", "preferences": ["f1", "f2"], "pinned": {}},
            {"id": "p2", "organisation": "o1", "preferences": ["f1"], "pinned": {}},
            {"id": "p3", "organisation": None, "preferences": [], "pinned": {}},
        ],
        "max_per_organisation": None,
    }
    result = {
        "assignment": {"p1": {"s1": "f2"}, "p2": {"s1": "f1"}},
        "unassigned": [{"participant": "p3", "slot": "s1", "reason": "full"}],
    }
    baseline = {
        "assignment": {"p1": {"s1": "f1"}, "p2": {"s1": "f2"}},
        "unassigned": [{"participant": "p3", "slot": "s1", "reason": "full"}],
    }
    report = assignment.fairness_report(instance, result, baseline)
    assert report["optimal"]["total"] == {"1": 1, "2": 1, "3": 0, "other": 0, "unranked": 0}
    assert report["fcfs"]["total"] == {"1": 1, "2": 0, "3": 0, "other": 0, "unranked": 1}
    assert report["optimal"]["by_forum"]["f2"]["2"] == 1
    assert report["optimal"]["unassigned"][0]["participant"] == "p3"
    assert report["organisations"]["o1"] == {"people": 2, "forums": 2, "most_in_one_forum": 1}
    assert report["first_choice_share"] == 0.5


# --- Assignment runs -----------------------------------------------------------------------


def _rank(registration, slot, *forums):
    services.set_rankings(registration=registration, choices={slot.pk: [f.pk for f in forums]})


def test_run_places_people_by_their_choices_and_keeps_hosts(start, meeting):
    event, slot, forums = meeting
    host = RegistrationFactory(event=event)
    forums[2].host_registrations.add(host)
    people = [RegistrationFactory(event=event) for _ in range(4)]
    for person in people[:2]:
        _rank(person, slot, forums[0], forums[1])
    for person in people[2:]:
        _rank(person, slot, forums[1], forums[0])
    _rank(host, slot, forums[0])
    run = start(event)
    run.refresh_from_db()
    assert run.status == AssignmentRun.Status.DONE, run.error
    placed = {p.registration_id: p.forum_id for p in Placement.objects.all()}
    assert placed[host.pk] == forums[2].pk
    assert Placement.objects.get(registration=host).pinned
    for person in people[:2]:
        assert placed[person.pk] == forums[0].pk
    for person in people[2:]:
        assert placed[person.pk] == forums[1].pk
    assert run.report["optimal"]["total"]["1"] == 4
    assert run.report["fcfs"] is not None
    assert run.duration_ms is not None


def test_run_respects_step_free_and_interpretation(start, meeting):
    event, slot, forums = meeting
    forums[0].step_free = False
    forums[0].save()
    forums[1].interpretation = ["ar"]
    forums[1].save()
    wheel = RegistrationFactory(event=event, accessibility_needs=["step_free"])
    arabic = RegistrationFactory(event=event, interpretation_language="ar")
    _rank(wheel, slot, forums[0])
    _rank(arabic, slot, forums[0], forums[2])
    start(event)
    assert Placement.objects.get(registration=wheel).forum_id != forums[0].pk
    assert Placement.objects.get(registration=arabic).forum_id == forums[1].pk


def test_a_second_run_is_refused_while_one_runs(start, meeting):
    event, _slot, _forums = meeting
    AssignmentRun.objects.create(event=event, status=AssignmentRun.Status.RUNNING)
    with pytest.raises(services.ForumError, match="already running"):
        start(event)
    assert AssignmentRun.objects.filter(event=event).count() == 1
    # the database refuses a second active run even past the check
    with pytest.raises(IntegrityError), transaction.atomic():
        AssignmentRun.objects.create(event=event, status=AssignmentRun.Status.QUEUED)


def test_a_stale_run_does_not_block_for_ever(start, meeting):
    from datetime import timedelta

    from django.utils import timezone

    event, _slot, _forums = meeting
    stale = AssignmentRun.objects.create(event=event, status=AssignmentRun.Status.RUNNING)
    AssignmentRun.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - timedelta(minutes=30)
    )
    start(event)
    stale.refresh_from_db()
    assert stale.status == AssignmentRun.Status.FAILED


def test_manual_move_warns_and_survives_a_rerun(start, meeting):
    event, slot, forums = meeting
    people = [RegistrationFactory(event=event) for _ in range(3)]
    for person in people:
        _rank(person, slot, forums[0])
    start(event)
    mover = people[0]
    services.move_participant(registration=mover, forum=forums[1])
    services.move_participant(registration=people[1], forum=forums[1])
    warnings = services.move_participant(registration=people[2], forum=forums[1])
    assert any("over capacity" in w for w in warnings)
    start(event)
    placement = Placement.objects.get(registration=mover)
    assert placement.forum_id == forums[1].pk and placement.pinned and placement.manual
    services.unpin(registration=mover, slot=slot)
    assert not Placement.objects.get(registration=mover).pinned


def test_move_warns_about_broken_constraints(meeting):
    event, _slot, forums = meeting
    forums[0].step_free = False
    forums[0].save()
    setup = services.get_setup(event=event)
    setup.max_per_organisation = 1
    setup.save()
    organisation = OrganisationFactory()
    first = RegistrationFactory(event=event, organisation=organisation)
    services.move_participant(registration=first, forum=forums[0])
    second = RegistrationFactory(
        event=event,
        organisation=organisation,
        accessibility_needs=["step_free"],
        interpretation_language="ti",
    )
    warnings = services.move_participant(registration=second, forum=forums[0])
    assert len(warnings) == 3
    with pytest.raises(services.ForumError):
        services.move_participant(registration=second, forum=ForumFactory())


def test_publish_emails_everybody_in_their_language(
    start, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    event, slot, forums = meeting
    german = RegistrationFactory(event=event, language="de")
    english = RegistrationFactory(event=event, language="en")
    for person in (german, english):
        _rank(person, slot, forums[0])
    with pytest.raises(services.ForumError, match="Nobody is placed"):
        services.publish_assignment(event=event)
    start(event)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.publish_assignment(event=event) == 2
    subjects = sorted(message.subject for message in mailoutbox)
    assert subjects == [f"Ihre Foren: {event.title}", f"Your forums: {event.title}"]
    assert all(forums[0].title in message.body for message in mailoutbox)
    setup = services.get_setup(event=event)
    assert setup.published_at and not setup.choice_open


# --- Results -------------------------------------------------------------------------------


def test_only_hosts_of_the_forum_record(meeting):
    _event, _slot, forums = meeting
    host = UserFactory(is_forum_host=True)
    ForumHostFactory(forum=forums[0], user=host)
    item = services.record_item(forum=forums[0], by=host, kind="demand", text="Mehr Räume")
    assert item.kind == "demand"
    with pytest.raises(services.ForumError, match="Only the hosts"):
        services.record_item(forum=forums[1], by=host, kind="need", text="Etwas")
    with pytest.raises(services.ForumError):
        services.record_item(forum=forums[0], by=host, kind="need", text="   ")


def test_support_once_per_participant(meeting):
    event, _slot, forums = meeting
    item = ResultItemFactory(forum=forums[0])
    registration = RegistrationFactory(event=event)
    assert services.support_item(item=item, registration=registration) is True
    assert services.support_item(item=item, registration=registration) is False
    assert item.supports.count() == 1
    with pytest.raises(services.ForumError):
        services.support_item(item=item, registration=RegistrationFactory())


def test_merge_moves_supports_and_tags(meeting):
    event, _slot, forums = meeting
    tag = services.get_or_create_tag(name="Räume")
    source = ResultItemFactory(forum=forums[0])
    source.tags.add(tag)
    target = ResultItemFactory(forum=forums[1])
    both = RegistrationFactory(event=event)
    only_source = RegistrationFactory(event=event)
    for registration in (both, only_source):
        services.support_item(item=source, registration=registration)
    services.support_item(item=target, registration=both)
    services.merge_items(source=source, target=target)
    source.refresh_from_db()
    assert source.merged_into == target and not source.is_published
    assert target.supports.count() == 2
    assert list(target.tags.all()) == [tag]
    assert Support.objects.count() == 2
    with pytest.raises(services.ForumError):
        services.merge_items(source=target, target=target)


def test_needs_query_filters_and_hides_unpublished(meeting):
    _event, _slot, forums = meeting
    tag = services.get_or_create_tag(name="Finanzierung")
    shown = ResultItemFactory(forum=forums[0], kind="demand")
    shown.tags.add(tag)
    ResultItemFactory(forum=forums[0], kind="need", is_published=False)
    ResultItemFactory(forum=forums[0], kind="idea")
    public = list(queries.needs(published_only=True, filters={}))
    assert public == [shown]
    assert len(queries.needs(published_only=False, filters={})) == 2
    assert list(queries.needs(published_only=True, filters={"tag": tag.slug})) == [shown]
    assert len(queries.needs(published_only=True, filters={"kind": "idea"})) == 1
    trend = queries.trend(public)
    assert trend["rows"][0]["tag"] == "Finanzierung"


def test_answer_item_sets_status_and_answer(meeting):
    _event, _slot, forums = meeting
    item = ResultItemFactory(forum=forums[0], kind="demand")
    services.answer_item(item=item, status="done", public_answer="Erledigt.", is_published=True)
    item.refresh_from_db()
    assert item.status == ResultItem.Status.DONE and item.answered_at
    with pytest.raises(services.ForumError):
        services.answer_item(item=item, status="maybe", public_answer="", is_published=True)


def test_copying_a_meeting_copies_its_forums(meeting):
    from datetime import timedelta

    from vernetzt.events.services import copy_event

    event, slot, forums = meeting
    forums[0].host_organisations.add(OrganisationFactory())
    setup = services.get_setup(event=event)
    setup.max_per_organisation = 3
    setup.save()
    copy = copy_event(
        source=event, title="Kopie", slug="kopie", starts_at=event.starts_at + timedelta(days=365)
    )
    assert copy.forums.count() == 3
    assert copy.forum_slots.get().title == slot.title
    assert services.get_setup(event=copy).max_per_organisation == 3
    assert copy.forums.get(title=forums[0].title).host_organisations.count() == 1


def test_demand_counts_choices_and_placements_without_doubling(meeting):
    event, slot, forums = meeting
    people = [RegistrationFactory(event=event) for _ in range(3)]
    for person in people:
        _rank(person, slot, forums[0], forums[1])
        services.move_participant(registration=person, forum=forums[0])
    cancelled = RegistrationFactory(event=event, status="cancelled")
    Ranking.objects.create(registration=cancelled, slot=slot, forum=forums[0], rank=1)
    demand = queries.demand(event)
    first = {f.pk: f for f in demand["slots"][0]["forums"]}
    assert (first[forums[0].pk].first, first[forums[0].pk].placed) == (3, 3)
    assert first[forums[1].pk].second == 3
    assert demand["ranked"] == 3 and demand["confirmed"] == 3


def test_run_spreads_associations_and_lists_who_could_not_be_placed(start, meeting):
    event, slot, forums = meeting  # three forums of 2 places
    setup = services.get_setup(event=event)
    setup.max_per_organisation = 1
    setup.save()
    organisation = OrganisationFactory()
    same = [RegistrationFactory(event=event, organisation=organisation) for _ in range(3)]
    for person in same:
        _rank(person, slot, forums[0])
    others = [RegistrationFactory(event=event) for _ in range(4)]  # 7 people, 6 places
    for person in others:
        _rank(person, slot, forums[1], forums[2])
    run = start(event)
    run.refresh_from_db()
    per_forum = [
        Placement.objects.filter(forum=f, registration__organisation=organisation).count()
        for f in forums
    ]
    assert max(per_forum) <= 1
    assert Placement.objects.count() == 6
    unassigned = run.report["optimal"]["unassigned"]
    assert len(unassigned) == 1 and unassigned[0]["reason"]
    assert run.result["cost"] == run.report["optimal"]["cost"]
