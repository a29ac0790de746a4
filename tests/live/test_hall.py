"""What keeps a full hall cheap (decision 0187): the updates are answered before most
middleware, in the visitor's language; the moderator's lists cost the same at any size; a
phone's action finds its room in the worker's memory until the room's settings change."""

import pytest
from django.test import Client
from django.urls import reverse

from vernetzt.live import rooms, services, state
from vernetzt.live.device import COOKIE

from .factories import LiveQuestionFactory, LiveRoomFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def room():
    return LiveRoomFactory(code="halle1", moderation=False)


def test_updates_skip_sessions_and_pages_middleware_but_keep_language_and_headers(
    room, settings, django_assert_num_queries
):
    LiveQuestionFactory(room=room, text="Was kostet ein Raum?")
    client = Client()
    client.get(reverse("live:phone", kwargs={"code": room.code}))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    client.cookies["sessionid"] = "not-a-session"  # never looked up for an update
    url = reverse("live:phone_part", kwargs={"code": room.code})
    client.get(url)  # the snapshot is built
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 200 and response["Content-Language"] == "ar"
    assert "Was kostet ein Raum?" in response.content.decode()
    assert "Cookie" in response["Vary"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"  # SecurityMiddleware still runs
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies
    projector = client.get(reverse("live:projector_part", kwargs={"code": room.code}))
    assert projector.status_code == 200 and projector["Content-Language"] == "ar"
    assert client.get("/live/gibtsnicht/neu/").status_code == 404
    assert client.get(url, headers={"Host": "evil.example"}).status_code == 400
    assert client.head(url).status_code == 405  # only GET takes the short way (and is allowed)


@pytest.mark.parametrize("count", [60, 120])
def test_moderator_lists_cost_the_same_at_any_size(room, count, django_assert_num_queries):
    from tests.factories import UserFactory

    for i in range(count):
        LiveQuestionFactory(room=room, text=f"Frage {i}", status="approved")
    staff = UserFactory(is_staff=True, is_superuser=True, language="en")
    client = Client()
    client.force_login(staff)
    url = reverse("live:moderate_part", kwargs={"code": room.code})
    client.get(url)
    with django_assert_num_queries(12):
        html = client.get(url).content.decode()
    assert html.count('class="live-mod-question') == 50
    assert f"And {count - 50} more questions." in html


@pytest.mark.django_db(transaction=True)  # the room's version moves on when the close commits
def test_an_action_finds_its_room_in_memory_until_the_room_changes(room, django_assert_num_queries):
    question = LiveQuestionFactory(room=room, device_id="device-bbbbbbbbbbbbbbbb")
    rooms.room_for_device(room.code, "device-aaaaaaaaaaaaaaaa")
    with django_assert_num_queries(0):
        again = rooms.room_for_device(room.code, "device-aaaaaaaaaaaaaaaa")
    assert again.is_open and not again.device_blocked
    services.block_device(room=room, device_id="device-aaaaaaaaaaaaaaaa")
    assert rooms.room_for_device(room.code, "device-aaaaaaaaaaaaaaaa").device_blocked
    assert not rooms.room_for_device(room.code, "device-cccccccccccccccc").device_blocked
    services.set_room_open(room=room, is_open=False)
    client = Client()
    client.get(reverse("live:phone", kwargs={"code": room.code}))
    vote = reverse("live:vote", kwargs={"code": room.code, "pk": question.pk})
    response = client.post(vote, headers={"X-Requested-With": "live"})
    assert response.status_code == 400 and "closed" in response.json()["message"]
    assert state.version(room.pk, "room") > 0
    assert COOKIE in client.cookies
