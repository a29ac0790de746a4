"""Versions, snapshots and the cheap updates of a live room; the Slido-like features; bad
input (stale or forged versions, floods, closed rooms, another room's objects)."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from vernetzt.live import feeds, queries, services, state
from vernetzt.live.device import COOKIE
from vernetzt.live.models import LiveQuestion, Poll, PollBallot

from .factories import ChairRequestFactory, LiveQuestionFactory, LiveRoomFactory, PollFactory

pytestmark = pytest.mark.django_db

DEVICE = "device-aaaaaaaaaaaaaaaa"
OTHER = "device-bbbbbbbbbbbbbbbb"


@pytest.fixture
def room():
    return LiveRoomFactory(code="vers1", moderation=False)


def _phone(room):
    client = Client()
    assert client.get(reverse("live:phone", kwargs={"code": room.code})).status_code == 200
    assert COOKIE in client.cookies
    return client


@pytest.mark.django_db(transaction=True)  # versions move on when the writes commit
def test_every_kind_of_write_bumps_the_version(room):
    seen = [state.version(room.pk)]

    def bumped():
        now = state.version(room.pk)
        assert now > seen[-1]
        seen.append(now)

    question = services.ask_question(room=room, device_id=DEVICE, text="Eins?")
    bumped()
    services.vote_question(room=room, device_id=OTHER, question_id=question.pk)
    bumped()
    services.vote_question(room=room, device_id=OTHER, question_id=question.pk, withdraw=True)
    bumped()
    services.moderate_question(room=room, question_id=question.pk, action="pin")
    bumped()
    services.answer_question(room=room, question_id=question.pk, answer="Ja.")
    bumped()
    services.request_chair(room=room, device_id=DEVICE, name="Ada", topic="Räume")
    bumped()
    services.call_next_speaker(room=room)
    bumped()
    services.end_speaker(room=room)
    bumped()
    poll = services.create_poll(room=room, question="Wie?", kind="words", options=[])
    bumped()
    services.set_poll_status(room=room, poll_id=poll.pk, status="open")
    bumped()
    services.vote_poll(room=room, device_id=DEVICE, poll_id=poll.pk, option_ids=[], text="Gut")
    bumped()
    services.show_poll_results(room=room, poll_id=poll.pk, shown=False)
    bumped()
    services.block_device(room=room, device_id=DEVICE)
    bumped()
    LiveQuestion.objects.filter(room=room).update(votes_count=9)  # no signal: no bump
    assert state.version(room.pk) == seen[-1]
    LiveQuestionFactory(room=room)  # a write outside the services (signal)
    bumped()


def test_a_lost_version_restarts_above_the_old_numbers(room):
    from django.core.cache import cache

    before = state.version(room.pk)
    time.sleep(0.05)  # the seed is in milliseconds: later than the few bumps before
    cache.delete(f"live:v:{room.pk}")
    state.bump(room.pk)
    assert state.version(room.pk) > before


@pytest.mark.django_db(transaction=True)  # versions move on when writes commit
def test_snapshot_is_built_once_per_version_and_shared_by_all_phones(room, settings):
    LiveQuestionFactory(room=room, text="Geteilt")
    builds = []

    def build():
        builds.append(1)
        return {"n": len(builds)}

    for _ in range(5):
        snap = state.snapshot(room.pk, "test", build, min_interval=0)
    assert len(builds) == 1 and snap.data == {"n": 1}
    LiveQuestionFactory(room=room)
    assert state.snapshot(room.pk, "test", build, min_interval=0).data == {"n": 2}
    LiveQuestionFactory(room=room)
    # under a stream of writes a fresh snapshot is reused for a short while
    assert state.snapshot(room.pk, "test", build, min_interval=60).data == {"n": 2}


def test_phone_update_costs_few_queries_and_is_personal(room, django_assert_max_num_queries):
    mine = LiveQuestionFactory(room=room, text="Meine Frage", device_id=DEVICE)
    other = LiveQuestionFactory(room=room, text="Andere Frage", device_id=OTHER)
    services.vote_question(room=room, device_id=DEVICE, question_id=other.pk)
    # the page, filled on the server (the slots' variants for live.js follow it)
    html = feeds.phone_update(room.pk, DEVICE).html.split("<template")[0]
    assert "Your question." in html and f"/frage/{mine.pk}/unterstuetzen/" not in html
    assert "You support this question." in html and 'name="withdraw"' in html
    assert "csrfmiddlewaretoken" not in html  # the token is in the page's own form
    stranger = feeds.phone_update(room.pk, "device-cccccccccccccccc").html.split("<template")[0]
    assert stranger.count('form="live-action"') == 2 and "Your question." not in stranger


def test_an_update_is_the_shared_bytes_and_a_small_own_block_without_a_query(
    room, django_assert_num_queries
):
    mine = LiveQuestionFactory(room=room, text="Meine Frage", device_id=DEVICE)
    other = LiveQuestionFactory(room=room, text="Andere Frage", device_id=OTHER)
    services.vote_question(room=room, device_id=DEVICE, question_id=other.pk)
    feeds.phone_part(room.pk, DEVICE)  # the snapshot is built
    with django_assert_num_queries(0):
        body = feeds.phone_part(room.pk, DEVICE).body.decode()
        stranger = feeds.phone_part(room.pk, OTHER).body.decode()
    shared, own = body.split("<template data-live-own", 1)
    assert stranger.startswith(shared)  # every phone gets the same shared bytes
    assert f'data-own="{mine.pk}"' in own and len(own) < 200
    # which questions it supports: live.js keeps it (from the page and its own actions)
    assert "data-voted" not in own
    assert 'data-live-variant="can"' in shared and "Meine Frage" in shared
    page = feeds.phone_update(room.pk, DEVICE).html
    assert f'data-voted="{other.pk}"' in page and 'data-ballots=""' in page


def test_a_worker_reads_the_version_at_most_every_few_tenths_of_a_second(room, monkeypatch):
    """The hall's updates cost no cache round trip in the steady state (decision 0187)."""
    client = _phone(room)
    url = reverse("live:phone_part", kwargs={"code": room.code})
    first = client.get(url)
    monkeypatch.setattr(state, "VERSION_MEMORY", 60)
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    reads = []
    real_get = state.cache.get
    monkeypatch.setattr(state.cache, "get", lambda *a, **k: reads.append(a) or real_get(*a, **k))
    for _ in range(20):
        assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
        assert client.get(url).status_code == 200
    assert reads == []
    state.bump(room.pk)  # a write through another worker: seen once the memory is old
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    monkeypatch.setattr(state, "VERSION_MEMORY", 0)
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_stale_or_forged_versions_get_the_current_state(room):
    client = _phone(room)
    url = reverse("live:phone_part", kwargs={"code": room.code})
    for etag in ['"1"', '"999999999999999999"', "garbage" * 100, '"-1"', ""]:
        response = client.get(url, headers={"If-None-Match": etag})
        assert response.status_code == 200 and response["ETag"] == feeds.current_etag(room.pk)
    projector = reverse("live:projector_part", kwargs={"code": room.code})
    response = client.get(projector, headers={"If-None-Match": "forged"})
    assert response.status_code == 200
    again = client.get(projector, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304 and again["X-Server-Time"]


def test_a_flooding_device_is_slowed_down_and_others_are_not(room):
    flood, calm = _phone(room), _phone(room)
    url = reverse("live:phone_part", kwargs={"code": room.code})
    statuses = [flood.get(url).status_code for _ in range(120)]
    assert 429 in statuses and statuses.count(200) + statuses.count(304) <= 90
    assert calm.get(url).status_code == 200


def test_unknown_room_is_404_and_closed_room_still_updates_but_refuses(room, settings):
    client = _phone(room)
    assert client.get("/live/nixda/neu/").status_code == 404
    question = LiveQuestionFactory(room=room, device_id=OTHER)
    services.set_room_open(room=room, is_open=False)
    part = client.get(reverse("live:phone_part", kwargs={"code": room.code}))
    assert part.status_code == 200
    vote = reverse("live:vote", kwargs={"code": room.code, "pk": question.pk})
    assert client.post(vote).status_code == 400
    question.refresh_from_db()
    assert question.votes_count == 0


def test_moderator_actions_on_another_rooms_objects_are_404(room, client, django_user_model):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    other_poll = PollFactory()
    other_question = LiveQuestionFactory()
    poll_url = reverse("live:poll_action", kwargs={"code": room.code, "pk": other_poll.pk})
    assert client.post(poll_url, {"action": "hide"}).status_code == 404
    q_url = reverse("live:question_action", kwargs={"code": room.code, "pk": other_question.pk})
    assert client.post(q_url, {"action": "reply", "answer": "x"}).status_code == 404
    other_poll.refresh_from_db()
    other_question.refresh_from_db()
    assert other_poll.show_results and other_question.answer == ""


def test_support_withdraw_and_never_the_own_question(room):
    question = LiveQuestionFactory(room=room, device_id=DEVICE)
    with pytest.raises(services.Refused, match="own question"):
        services.vote_question(room=room, device_id=DEVICE, question_id=question.pk)
    services.vote_question(room=room, device_id=OTHER, question_id=question.pk)
    question.refresh_from_db()
    assert question.votes_count == 1
    for _ in range(2):  # withdrawing twice takes one vote away, not two
        services.vote_question(room=room, device_id=OTHER, question_id=question.pk, withdraw=True)
    question.refresh_from_db()
    assert question.votes_count == 0
    services.vote_question(room=room, device_id=OTHER, question_id=question.pk)  # again
    question.refresh_from_db()
    assert question.votes_count == 1


def test_sort_by_popular_or_new(room):
    old = LiveQuestionFactory(room=room, votes_count=5)
    new = LiveQuestionFactory(room=room, votes_count=0)
    assert queries.visible_questions(room, sort="popular") == [old, new]
    assert queries.visible_questions(room, sort="new") == [new, old]
    client = _phone(room)
    html = client.get(reverse("live:phone", kwargs={"code": room.code}) + "?sort=new")
    body = html.content.decode()
    assert body.index(f'id="q-{new.pk}"') < body.index(f'id="q-{old.pk}"')


def test_short_answer_is_shown_and_checked(room):
    question = LiveQuestionFactory(room=room)
    services.answer_question(room=room, question_id=question.pk, answer="  Ja,   ab Mai. ")
    question.refresh_from_db()
    assert question.answer == "Ja, ab Mai."
    assert "Ja, ab Mai." in feeds.phone_update(room.pk, None).html
    assert "Ja, ab Mai." in feeds.projector_update(room.pk).html
    with pytest.raises(services.Refused):
        services.answer_question(room=room, question_id=question.pk, answer="x" * 301)


@pytest.mark.django_db(transaction=True)  # versions move on when writes commit
def test_moderator_decides_when_results_are_shown(room):
    poll = PollFactory(room=room, status="open", answers=["Ja", "Nein"])
    services.show_poll_results(room=room, poll_id=poll.pk, shown=False)
    option = poll.options.first()
    services.vote_poll(room=room, device_id=DEVICE, poll_id=poll.pk, option_ids=[option.pk])
    phone = feeds.phone_update(room.pk, DEVICE).html
    assert "The moderation shows the results later." in phone and "<meter" not in phone
    assert "<meter" not in feeds.projector_update(room.pk).html
    services.show_poll_results(room=room, poll_id=poll.pk, shown=True)
    assert "<meter" in feeds.phone_update(room.pk, DEVICE).html
    assert "<meter" in feeds.projector_update(room.pk).html


def test_word_cloud_counts_after_normalising_case_and_spaces(room):
    poll = services.create_poll(room=room, question="Ein Wort?", kind=Poll.Kind.WORDS, options=[])
    services.set_poll_status(room=room, poll_id=poll.pk, status=Poll.Status.OPEN)
    answers = ["Zusammenhalt", "  zusammenhalt ", "ZUSAMMEN  HALT", "Mut", "zusammen halt"]
    for i, text in enumerate(answers):
        services.vote_poll(
            room=room, device_id=f"device-{i:020d}", poll_id=poll.pk, option_ids=[], text=text
        )
    results = queries.poll_results(poll)
    counts = {word["text"]: word["count"] for word in results["words"]}
    assert counts == {"zusammenhalt": 2, "zusammen halt": 2, "mut": 1}
    assert results["ballots"] == 5
    for bad in ["", "   ", "x" * 41]:
        with pytest.raises(services.Refused):
            services.vote_poll(
                room=room,
                device_id="device-zzzzzzzzzzzzzzzz",
                poll_id=poll.pk,
                option_ids=[],
                text=bad,
            )
    with pytest.raises(services.Refused, match="already"):
        services.vote_poll(
            room=room,
            device_id="device-00000000000000000000",
            poll_id=poll.pk,
            option_ids=[],
            text="noch mal",
        )
    assert PollBallot.objects.filter(poll=poll).count() == 5
    assert "zusammenhalt" in feeds.projector_update(room.pk).html


def test_word_cloud_poll_from_the_moderator_form(room, client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True, language="en"))
    url = reverse("live:poll_create", kwargs={"code": room.code})
    response = client.post(url, {"question": "Ein Wort?", "kind": "words", "options": ""})
    assert response.status_code == 302
    assert Poll.objects.get(room=room).kind == "words"
    bad = client.post(url, {"question": "Zwei?", "kind": "single", "options": "nur eins"})
    assert bad.status_code == 400 and "2 to 10" in bad.content.decode()


def test_queue_place_comes_from_the_snapshot(room):
    ChairRequestFactory(room=room, device_id=OTHER)
    services.request_chair(room=room, device_id=DEVICE, name="Ada", topic="Räume")
    update = feeds.phone_update(room.pk, DEVICE)
    assert update.in_queue and "number 2 in the queue" in update.html
    assert not feeds.phone_update(room.pk, "device-cccccccccccccccc").in_queue


@pytest.mark.django_db(transaction=True)  # real commits
def test_actions_from_live_js_answer_with_a_message_and_the_own_parts(room):
    question = LiveQuestionFactory(room=room, device_id=OTHER, text="Per Skript")
    client = _phone(room)
    headers = {"X-Requested-With": "live"}
    vote = reverse("live:vote", kwargs={"code": room.code, "pk": question.pk})
    answer = client.post(vote, headers=headers).json()
    assert answer["ok"] and answer["message"] == "You support this question."
    # what changed (live.js keeps the rest), without a query for the device's votes
    assert answer["own"]["add"] == {"voted": [question.pk]} and "html" not in answer
    assert "voted" not in answer["own"]
    again = client.post(vote, headers=headers)
    # a refusal the page did not expect: the device's votes as they are
    assert again.status_code == 400 and "already supported" in again.json()["message"]
    assert again.json()["own"]["voted"] == [question.pk]
    withdrawn = client.post(vote, {"withdraw": "1"}, headers=headers).json()
    assert withdrawn["ok"] and withdrawn["own"]["remove"] == {"voted": [question.pk]}
    ask = reverse("live:ask", kwargs={"code": room.code})
    empty = client.post(ask, {"ask-text": ""}, headers=headers)
    assert empty.status_code == 400 and empty.json()["message"]
    asked = client.post(ask, {"ask-text": "Noch eine?"}, headers=headers).json()
    assert asked["ok"] and "on the list" in asked["message"]
    # the version that has the question: live.js asks again until its list is that new
    assert asked["version"] == state.version(room.pk)
    assert len(client.post(vote, headers=headers).content) < 400  # a small answer


def test_a_question_keeps_the_language_of_the_phone_and_titles_are_content(room, settings):
    """Issue 13: a question is shown with the language of the interface it was asked in
    (and dir="auto"); the projector's title is content (German original marked)."""
    client = _phone(room)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    ask = reverse("live:ask", kwargs={"code": room.code})
    assert client.post(ask, {"ask-text": "ما هي الخطوة التالية؟"}).status_code == 302
    question = LiveQuestion.objects.get(room=room)
    assert question.language == "ar"
    for url in ("live:projector_part", "live:phone_part"):
        html = client.get(reverse(url, kwargs={"code": room.code})).content.decode()
        assert 'dir="auto" lang="ar">ما هي الخطوة التالية؟</p>' in html
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("live:projector", kwargs={"code": room.code})).content.decode()
    title = page.split('<h1 class="projector__title">')[1].split("</h1>")[0]
    assert 'lang="de"' in title and room.programme_item.title in title
    assert 'id="short-address" dir="ltr"' in page
