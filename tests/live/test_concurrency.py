"""Votes and the free chair under concurrent requests, on real PostgreSQL."""

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from vernetzt.live import services
from vernetzt.live.models import ChairRequest, LiveQuestion, QuestionVote

from .factories import ChairRequestFactory, LiveQuestionFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 12


def _rush(work, count=THREADS):
    barrier = threading.Barrier(count)

    def run(i):
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=5)
            work(i)
            return "ok"
        except services.Refused:
            return "refused"
        finally:
            connection.close()

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


def test_one_device_voting_many_times_at_once_counts_once():
    question = LiveQuestionFactory()

    def vote(i):
        services.vote_question(
            room=question.room, device_id="same-device-xxxxxxx", question_id=question.pk
        )

    results = _rush(vote)
    assert results.count("ok") == 1
    assert QuestionVote.objects.filter(question=question).count() == 1
    assert LiveQuestion.objects.get(pk=question.pk).votes_count == 1


def test_many_devices_voting_at_once_all_count():
    question = LiveQuestionFactory()

    def vote(i):
        services.vote_question(
            room=question.room, device_id=f"device-{i:04d}-xxxxxxx", question_id=question.pk
        )

    assert _rush(vote).count("ok") == THREADS
    assert LiveQuestion.objects.get(pk=question.pk).votes_count == THREADS


def test_calling_next_from_two_screens_at_once_keeps_one_speaker():
    first = ChairRequestFactory()
    for _ in range(3):
        ChairRequestFactory(room=first.room)

    def call(i):
        services.call_next_speaker(room=first.room)

    _rush(call, 4)
    assert ChairRequest.objects.filter(room=first.room, status="speaking").count() == 1
