"""Every email a registrant gets is in their chosen email language (issue 13): confirmation,
waiting list, promotion, reminder, personal link, cancellation and forum placement; the
meeting's and forums' titles in that language, and no German sentence in another language."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from django.utils.html import escape

from tests.forums.factories import ForumFactory, SlotFactory
from tests.registration.factories import EventFactory, RegistrationFactory
from vernetzt.core.i18n_tools import german_letters, vocabularies
from vernetzt.core.translations import Status, store
from vernetzt.forums.models import Placement
from vernetzt.forums.tasks import send_placement
from vernetzt.registration import emails

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SRC = Path(__file__).resolve().parents[2] / "src" / "vernetzt"
TITLES = {
    "de": "Vernetzungstreffen 2026",
    "en": "Networking meeting 2026",
    "ar": "لقاء التشبيك 2026",
    "tr": "Ağ buluşması 2026",
    "uk": "Зустріч мережі 2026",
    "fa": "نشست شبکه ۲۰۲۶",
}


@pytest.fixture(scope="module")
def vocabulary():
    return vocabularies(SRC)


def translated_event():
    event = EventFactory(title=TITLES["de"])
    for code, title in TITLES.items():
        if code != "de":
            store(event, "title", code, title, Status.HUMAN)
    event.save()
    return event


def send_every_kind(event, language):
    """Each kind of email once, from the function that sends it; returns {kind: message}."""
    confirmed = RegistrationFactory(event=event, language=language, status="confirmed")
    waiting = RegistrationFactory(
        event=event, language=language, status="waiting", waiting_position=1
    )
    senders = {
        "confirmation": lambda: emails.send_confirmation(confirmed),
        "waiting list": lambda: emails.send_confirmation(waiting),
        "promotion": lambda: emails.send_confirmation(confirmed, promoted=True),
        "reminder": lambda: emails.send_reminder(confirmed),
        "personal link": lambda: emails.send_link(confirmed),
        "cancellation": lambda: emails.send_cancellation(confirmed),
        "forum placement": lambda: send_placement.call(confirmed.pk),
    }
    slot = SlotFactory(event=event, title="Zeitfenster am Vormittag")
    forum = ForumFactory(slot=slot, title="Forum Jugendarbeit")
    for code in TITLES:
        if code != "de":
            store(slot, "title", code, f"Slot-{code}", Status.HUMAN)
            store(forum, "title", code, f"Forum-{code}", Status.HUMAN)
    slot.save()
    forum.save()
    Placement.objects.create(registration=confirmed, slot=slot, forum=forum)
    messages = {}
    for kind, send in senders.items():
        before = len(mail.outbox)
        with translation.override("de"):  # the language of the request does not matter
            send()
        assert len(mail.outbox) == before + 1, kind
        messages[kind] = mail.outbox[-1]
    return messages


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_email_is_in_the_registrants_language(language, vocabulary):
    event = translated_event()
    messages = send_every_kind(event, language)
    german, english = vocabulary
    for kind, message in messages.items():
        assert TITLES[language] in message.subject, (kind, message.subject)
        assert TITLES[language] in message.body, kind
        if language != "de":
            text = re.sub(r"https?://\S+", "", message.body)  # addresses: German slugs
            html = f"<html><body><p>{escape(message.subject)}</p><pre>{escape(text)}</pre>"
            _unmarked, _total, words = german_letters(html, german, english, language)
            assert words == [], (kind, words)
    # the calendar file names the meeting in the same language
    name, ics, _mimetype = messages["confirmation"].attachments[0]
    assert name == "meeting.ics"
    ics_text = ics.decode() if isinstance(ics, bytes) else ics
    assert TITLES[language] in ics_text.replace("\r\n ", "")
    if language != "de":
        assert f"Slot-{language}: Forum-{language}" in messages["forum placement"].body
