"""Nobody is left out for a need the meeting cannot meet: placed, and shown to staff."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory
from tests.registration.factories import EventFactory, RegistrationFactory
from vernetzt.events.models import Event
from vernetzt.forums import services
from vernetzt.forums.models import Placement

from .factories import ForumFactory, SlotFactory

pytestmark = pytest.mark.django_db


def test_a_need_no_forum_meets_still_gets_a_place_and_staff_see_it_translated(
    staff_client, django_capture_on_commit_callbacks
):
    event = EventFactory()
    slot = SlotFactory(event=event, title="Nachmittag")
    arabic = ForumFactory(slot=slot, title="Forum Arabisch", capacity=5)
    arabic.interpretation = ["ar"]
    arabic.save()
    other = ForumFactory(slot=slot, title="Forum Andere", capacity=5)
    tigrinya = RegistrationFactory(event=event, interpretation_language="ti")
    wanted = RegistrationFactory(event=event, interpretation_language="ar")
    services.set_rankings(registration=tigrinya, choices={slot.pk: [other.pk]})
    services.set_rankings(registration=wanted, choices={slot.pk: [other.pk]})
    with django_capture_on_commit_callbacks(execute=True):
        run = services.start_assignment(event=event)
    run.refresh_from_db()
    # the need decides where a forum can meet it; otherwise the ranking does, and it is flagged
    assert Placement.objects.get(registration=wanted).forum_id == arabic.pk
    assert Placement.objects.get(registration=tigrinya).forum_id == other.pk
    assert run.report["optimal"]["unassigned"] == []
    flags = run.report["optimal"]["unmet_needs"]
    assert [(f["participant"], f["code"], f["params"]) for f in flags] == [
        (f"p{tigrinya.pk}", "interpretation_not_offered", {"language": "ti"})
    ]
    url = reverse("forums:assignment", kwargs={"slug": event.slug})
    page = staff_client.get(url).content.decode()
    assert "needs interpretation into ti: not offered in this slot" in page
    assert tigrinya.full_name in page
    german = Client()
    german.force_login(UserFactory(is_staff=True, is_superuser=True, language="de"))
    with translation.override("de"):
        page = german.get(url).content.decode()
    assert "braucht Dolmetschen in ti: in diesem Zeitfenster nicht angeboten" in page


def test_the_2026_demo_places_the_people_who_need_interpretation(
    django_capture_on_commit_callbacks,
):
    call_command("demo", stdout=io.StringIO())
    event = Event.objects.get(slug="vernetzungstreffen-2026")
    with django_capture_on_commit_callbacks(execute=True):
        run = services.start_assignment(event=event)
    run.refresh_from_db()
    needing = {
        f"p{pk}"
        for pk in event.registrations.exclude(interpretation_language="")
        .exclude(interpretation_language="ar")
        .values_list("pk", flat=True)
    }
    assert needing  # the demo has people asking for Tigrinya or English
    assigned = run.result["assignment"]
    slots = {forum["slot"] for forum in run.instance["forums"]}
    for person in needing & set(assigned):
        assert set(assigned[person]) == slots  # a forum in every slot
    flagged = {flag["participant"] for flag in run.result["unmet_needs"]}
    assert needing & set(assigned) <= flagged
    assert not any(row["participant"] in needing for row in run.result["unassigned"])
