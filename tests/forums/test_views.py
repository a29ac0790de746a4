"""Forum pages through the Django test client: messages, permissions, exports, queries."""

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.registration.factories import EventFactory, RegistrationFactory
from vernetzt.forums import services
from vernetzt.forums.models import Placement, Ranking, ResultItem

from .factories import ForumFactory, ForumHostFactory, ResultItemFactory, SlotFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    event = EventFactory()
    slot = SlotFactory(event=event, title="Nachmittag")
    forums = [ForumFactory(slot=slot, title=f"Forum {n}", capacity=5) for n in "ABC"]
    return event, slot, forums


def test_personal_page_shows_the_ranking_and_saves_it(client, meeting):
    event, slot, forums = meeting
    registration = RegistrationFactory(event=event)
    page = client.get(registration.get_absolute_url())
    assert "First choice" in page.content.decode() or "Erste Wahl" in page.content.decode()
    url = reverse("forums:rank", kwargs={"slug": event.slug, "token": registration.manage_token})
    response = client.post(url, {f"slot-{slot.pk}": [forums[1].pk, forums[0].pk, ""]})
    assert response.status_code == 302
    assert list(Ranking.objects.order_by("rank").values_list("forum_id", flat=True)) == [
        forums[1].pk,
        forums[0].pk,
    ]


def test_bad_rankings_give_a_message_and_keep_the_old_choice(client, meeting):
    event, slot, forums = meeting
    registration = RegistrationFactory(event=event)
    services.set_rankings(registration=registration, choices={slot.pk: [forums[0].pk]})
    url = reverse("forums:rank", kwargs={"slug": event.slug, "token": registration.manage_token})
    other = ForumFactory()
    for data in (
        {f"slot-{slot.pk}": [forums[1].pk, forums[1].pk]},
        {f"slot-{slot.pk}": [other.pk]},
        {f"slot-{slot.pk}": ["abc"]},
        {f"slot-{other.slot.pk}": [other.pk]},
    ):
        response = client.post(url, data, follow=True)
        assert response.status_code == 200
        assert response.context["messages"]
        assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert list(Ranking.objects.values_list("forum_id", flat=True)) == [forums[0].pk]


def test_a_host_of_another_forum_cannot_record_or_see_the_list(client, meeting):
    event, _slot, forums = meeting
    host = UserFactory(is_forum_host=True)
    ForumHostFactory(forum=forums[0], user=host)
    client.force_login(host)
    own = reverse("forums:record", kwargs={"slug": event.slug, "pk": forums[0].pk})
    other = reverse("forums:record", kwargs={"slug": event.slug, "pk": forums[1].pk})
    assert client.get(own).status_code == 200
    assert client.get(other).status_code == 403
    assert (
        client.get(
            reverse("forums:host_list", kwargs={"slug": event.slug, "pk": forums[1].pk})
        ).status_code
        == 403
    )
    response = client.post(own, {"kind": "demand", "text": "Mehr Geld für Räume"})
    assert response.status_code == 302
    assert ResultItem.objects.get().text == "Mehr Geld für Räume"
    response = client.post(own, {"kind": "demand", "text": ""})
    assert response.status_code == 200 and "error-summary" in response.content.decode()


def test_run_page_refuses_a_second_run_with_a_message(staff_client, meeting):
    from vernetzt.forums.models import AssignmentRun

    event, _slot, _forums = meeting
    AssignmentRun.objects.create(event=event, status=AssignmentRun.Status.RUNNING)
    response = staff_client.post(reverse("forums:run", kwargs={"slug": event.slug}), follow=True)
    assert "already running" in response.content.decode()
    assert AssignmentRun.objects.count() == 1


def test_staff_move_shows_warnings(staff_client, meeting):
    event, _slot, forums = meeting
    forums[0].capacity = 1
    forums[0].save()
    first, second = RegistrationFactory(event=event), RegistrationFactory(event=event)
    services.move_participant(registration=first, forum=forums[0])
    response = staff_client.post(
        reverse("forums:move", kwargs={"slug": event.slug, "pk": second.pk}),
        {"forum": forums[0].pk},
        follow=True,
    )
    assert "over capacity" in response.content.decode()
    assert Placement.objects.filter(forum=forums[0]).count() == 2


def test_needs_view_public_sees_only_published(client, meeting):
    from django.test import Client

    from tests.factories import UserFactory

    _event, _slot, forums = meeting
    ResultItemFactory(forum=forums[0], text="Öffentlich sichtbar", kind="demand")
    ResultItemFactory(forum=forums[0], text="Noch intern", is_published=False)
    public = client.get(reverse("forums:needs")).content.decode()
    assert "Öffentlich sichtbar" in public and "Noch intern" not in public
    staff_client = Client()
    staff_client.force_login(UserFactory(is_staff=True))
    staff = staff_client.get(reverse("forums:needs")).content.decode()
    assert "Noch intern" in staff
    exported = client.get(reverse("forums:needs_csv")).content.decode()
    rows = list(csv.reader(io.StringIO(exported)))
    assert len(rows) == 2 and rows[1][4] == "Öffentlich sichtbar"
    xlsx = client.get(reverse("forums:needs_xlsx"))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_needs_view_query_count_does_not_grow(client, meeting, django_assert_max_num_queries):
    _event, _slot, forums = meeting
    tag = services.get_or_create_tag(name="Räume")
    for _ in range(3):
        ResultItemFactory(forum=forums[0]).tags.add(tag)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("forums:needs"))
    for _ in range(20):
        ResultItemFactory(forum=forums[1]).tags.add(tag)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("forums:needs"))


def test_published_placement_shows_on_the_personal_page(client, meeting):
    event, slot, forums = meeting
    registration = RegistrationFactory(event=event)
    services.move_participant(registration=registration, forum=forums[2])
    services.publish_assignment(event=event)
    page = client.get(registration.get_absolute_url()).content.decode()
    assert 'id="my-forums"' in page and forums[2].title in page


def test_support_from_the_personal_link(client, meeting):
    event, _slot, forums = meeting
    registration = RegistrationFactory(event=event)
    item = ResultItemFactory(forum=forums[0])
    url = reverse(
        "forums:support",
        kwargs={"slug": event.slug, "token": registration.manage_token, "pk": item.pk},
    )
    client.post(url)
    client.post(url)
    assert item.supports.count() == 1


def test_run_instance_and_result_download_as_json(staff_client, meeting):
    from vernetzt.forums.models import AssignmentRun

    event, _slot, _forums = meeting
    run = AssignmentRun.objects.create(
        event=event, status="done", instance={"forums": [], "participants": []}, result={"cost": 0}
    )
    url = reverse("forums:run_json", kwargs={"slug": event.slug, "pk": run.pk, "part": "instance"})
    assert staff_client.get(url).json() == {"forums": [], "participants": []}
    url = reverse("forums:run_json", kwargs={"slug": event.slug, "pk": run.pk, "part": "x"})
    assert staff_client.get(url).status_code == 404


def test_a_refused_ranking_comes_back_as_typed_with_the_reason_next_to_it(client, meeting):
    event, slot, forums = meeting
    registration = RegistrationFactory(event=event)
    url = reverse("forums:rank", kwargs={"slug": event.slug, "token": registration.manage_token})
    page = client.post(url, {f"slot-{slot.pk}": [forums[2].pk, forums[2].pk]}, follow=True)
    html = page.content.decode()
    assert 'id="forum-choice-error"' in html
    # the choices stay (German titles carry lang="de" after `selected`)
    assert html.count(f'<option value="{forums[2].pk}" selected') == 2
    again = client.get(registration.get_absolute_url()).content.decode()
    assert 'id="forum-choice-error"' not in again  # shown once
