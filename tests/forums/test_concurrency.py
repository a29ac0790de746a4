"""Two staff press "run" at once on PostgreSQL: one run, the other refused; nothing doubled."""

import threading
import time

import pytest
from django.db import connection

from tests.registration.factories import EventFactory, RegistrationFactory
from vernetzt.forums import services
from vernetzt.forums.models import AssignmentRun, Placement

from .factories import ForumFactory, SlotFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_simultaneous_runs_are_refused_not_doubled(monkeypatch):
    import vernetzt.solvers.assignment as solver

    real = solver.assign_forums

    def slow(instance):  # the solver takes a moment: the first run is still running
        time.sleep(0.5)
        return real(instance)

    monkeypatch.setattr(solver, "assign_forums", slow)
    event = EventFactory()
    slot = SlotFactory(event=event)
    forums = [ForumFactory(slot=slot, capacity=5) for _ in range(2)]
    people = [RegistrationFactory(event=event) for _ in range(6)]
    for person in people:
        services.set_rankings(registration=person, choices={slot.pk: [forums[0].pk]})

    barrier = threading.Barrier(4)
    outcomes = []

    def press():
        try:
            barrier.wait()
            services.start_assignment(event=event)
            outcomes.append("ran")
        except services.ForumError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=press) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert outcomes.count("ran") == 1, outcomes
    assert outcomes.count("refused") == 3
    assert AssignmentRun.objects.filter(event=event).count() == 1
    assert AssignmentRun.objects.get(event=event).status == AssignmentRun.Status.DONE
    assert Placement.objects.filter(slot=slot).count() == 6
