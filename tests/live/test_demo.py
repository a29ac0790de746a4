import pytest
from django.core.management import call_command

from vernetzt.live.models import ChairRequest, LiveQuestion, LiveRoom, NetworkingPlan, Seat


@pytest.mark.django_db
def test_demo_is_idempotent_and_has_a_room_and_rounds_for_2025():
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    def counts():
        return [
            m.objects.count() for m in (LiveRoom, LiveQuestion, ChairRequest, NetworkingPlan, Seat)
        ]

    first = counts()
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == first
    room = LiveRoom.objects.get(code="podium25")
    assert room.programme_item.kind == "panel"
    assert room.questions.filter(status="pending").exists()
    assert room.chair_requests.filter(status="waiting").count() >= 2
    plan = NetworkingPlan.objects.get(event__slug="vernetzungstreffen-2025")
    assert plan.figures["repeat_pairs"] == 0
    assert plan.figures["same_organisation_pairs"] == 0
    assert plan.seats.filter(round_number=1).count() == plan.participants_count
