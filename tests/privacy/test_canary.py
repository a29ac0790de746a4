"""The canary: plant a unique value in every personal field of a person, use vernetzt as they
would, erase them, and find the value nowhere (every table, sessions, cache, media folder).

Runs on SQLite and, with DATABASE_URL, on PostgreSQL (the same test: it dumps whatever
database the suite uses).
"""

import secrets

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django_tasks_db.models import DBTaskResult

from tests.factories import OrganisationFactory, UserFactory
from tests.forums.factories import ForumFactory, SlotFactory
from tests.live.factories import LiveRoomFactory
from tests.publishing.factories import photo_for
from tests.registration.factories import EventFactory, RegistrationFactory
from vernetzt.forums import services as forum_services
from vernetzt.live.networking import create_plan
from vernetzt.registration import services as registration_services
from vernetzt.registration.models import Question, Registration

from .dump import database_hits, folder_hits, session_hits


def _run_queued_tasks():
    """What `manage.py db_worker` does, once over everything queued."""
    call_command("db_worker", batch=True, interval=0, verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_erased_person_leaves_no_trace(client, media, database_tasks):
    canary = "Kanari" + secrets.token_hex(4)  # unique per run
    email = f"{canary.lower()}@example.org"

    event = EventFactory(slug="kanarien-treffen")
    Question.objects.create(
        event=event, key="wunsch", label="Ihr Wunsch an den Tag", kind=Question.Kind.TEXT
    )
    Question.objects.create(
        event=event,
        key="glaube",
        label="Worauf sollen wir achten?",
        kind=Question.Kind.TEXT,
        sensitive=True,
    )
    organisation = OrganisationFactory(
        name="Beispielverein Kanarien e.V.", is_published=True, contact_email=email
    )
    slot = SlotFactory(event=event)
    forum_a = ForumFactory(event=event, slot=slot, capacity=10)
    forum_b = ForumFactory(event=event, slot=slot, capacity=10)
    room = LiveRoomFactory(programme_item__event=event, moderation=False)
    others = [RegistrationFactory(event=event) for _ in range(3)]

    # The person has an account too, and is logged in on this phone.
    user = UserFactory(email=email, first_name=f"Vorname{canary}", last_name=f"Nachname{canary}")
    client.force_login(user)

    # 1. Register with the form, a canary in every field that takes text.
    response = client.post(
        reverse("registration:register", kwargs={"slug": event.slug}),
        {
            "first_name": f"Vorname{canary}",
            "last_name": f"Nachname{canary}",
            "email": email,
            "pronouns": canary,
            "organisation": organisation.pk,
            "language": "de",
            "q_wunsch": f"Wunsch {canary}",
            "q_glaube": f"Glaube {canary}",
            "q_dietary": ["halal"],
            "q_accessibility": ["step_free"],
            "q_interpretation": "ar",
            "q_photo_consent": "yes",
            "consent_sensitive_answers": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    registration = Registration.objects.get(email_normalised=email)
    assert registration.answers["wunsch"] == f"Wunsch {canary}"

    # 2. A message to an association through the directory's contact form.
    response = client.post(
        reverse("directory:contact", kwargs={"slug": organisation.slug}),
        {"name": f"Vorname{canary}", "email": email, "message": f"Hallo {canary}"},
    )
    assert response.status_code in (200, 302)

    # 3. In the hall: a question and a free-chair request from the phone, then the personal
    #    page on the same phone.
    client.get(reverse("live:phone", kwargs={"code": room.code}))
    client.post(
        reverse("live:ask", kwargs={"code": room.code}),
        {"ask-text": f"Frage {canary}?", "ask-name": f"Vorname{canary}"},
    )
    client.post(
        reverse("live:chair", kwargs={"code": room.code}),
        {"chair-name": f"Vorname{canary}", "chair-topic": f"Thema {canary}"},
    )
    assert client.get(registration.get_absolute_url()).status_code == 200

    # 4. Forums: ranked, assigned, published (emails queued).
    forum_services.set_rankings(
        registration=registration, choices={slot.pk: [forum_b.pk, forum_a.pk]}
    )
    run = forum_services.start_assignment(event=event)
    forum_services.execute_run(run_id=run.pk)
    forum_services.publish_assignment(event=event)

    # 5. Checked in, seated in networking rounds.
    registration_services.check_in(event=event, registration=registration)
    create_plan(event=event, who="confirmed", table_size=2, rounds=2)

    # 6. Most emails went out (finished task rows); a reminder still waits in the queue.
    _run_queued_tasks()
    assert any(email in message.to for message in mail.outbox)
    registration_services.queue_reminders(now=event.starts_at - timezone.timedelta(days=1))

    # 7. Traces staff and the system leave: the admin log, a file named after the person,
    #    a cached value.
    LogEntry.objects.create(
        user=UserFactory(is_staff=True),
        content_type=ContentType.objects.get_for_model(Registration),
        object_id=str(registration.pk),
        object_repr=str(registration),
        action_flag=CHANGE,
        change_message=f"Name korrigiert: {registration.full_name}",
    )
    photo_for(event, caption=f"{registration.full_name} am freien Stuhl")
    default_storage.save(
        f"exports/teilnahme-{slugify(registration.full_name)}.pdf", ContentFile(b"%PDF-1.4 x")
    )

    assert database_hits(canary), "the canary was not planted"
    about_person = [
        row
        for row in DBTaskResult.objects.all()
        if (row.args_kwargs.get("args") or [None])[0] == registration.pk
    ]
    assert {row.status for row in about_person} >= {"SUCCESSFUL", "READY"}
    assert folder_hits(media, canary), "the canary file was not planted"

    call_command("erase_person", email, "--yes", verbosity=0)

    assert database_hits(canary) == []
    # Queued and finished emails about the person are gone (they held the registration id).
    assert not [
        row
        for row in DBTaskResult.objects.all()
        if (row.args_kwargs.get("args") or [None])[0] == registration.pk
        and "registration" in row.task_path
    ]
    assert session_hits(canary) == []
    assert folder_hits(media, canary) == []
    cached = [
        v
        for v in getattr(cache, "_cache", {}).values()
        if canary.lower().encode() in bytes(v).lower()
    ]
    assert cached == []
    # What identifies nobody stays: the other people, the forums, the counts.
    assert Registration.objects.filter(pk__in=[r.pk for r in others]).count() == 3
    assert Registration.objects.filter(pk=registration.pk).exists()
