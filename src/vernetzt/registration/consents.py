"""Consents given at registration: the texts (versioned), recording and withdrawal.

A text that changes gets a new version key, so that each record says which words the person
agreed to. Withdrawing is one click on the personal page and deletes what the consent
covered at once (the sensitive answers; the photo consent turns to no).
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vernetzt.core.hooks import ask_apps

from . import enums
from .models import Consent, Question, Registration

SENSITIVE = Consent.Purpose.SENSITIVE_ANSWERS
PHOTOS = Consent.Purpose.PHOTOS
PURPOSES = {SENSITIVE, PHOTOS}

# purpose -> (version, text shown next to the questions)
TEXTS = {
    SENSITIVE: (
        "2026-11-sensitive-1",
        _(
            "I agree that the team of the competence centre uses my answers on food, access and "
            "interpretation to prepare the meeting. Only the team sees them. They are deleted "
            "%(weeks)d weeks after the meeting, or at once when I withdraw this consent on my "
            "personal page."
        ),
    ),
    PHOTOS: (
        "2026-11-photos-1",
        _(
            "I agree to be photographed at the meeting, and that photos showing me are "
            "published in the documentation. I can withdraw this on my personal page."
        ),
    ),
}


def purge_sensitive_copies(*, registration_ids=None, event_ids=None) -> int:
    """Ask every app with a `purge_sensitive_copies(registration_ids, event_ids)` hook to
    delete its copies of sensitive answers (of these registrations, or of these meetings)."""
    count = 0
    for answer in ask_apps(
        "purge_sensitive_copies", registration_ids=registration_ids, event_ids=event_ids
    ):
        count += answer or 0
    return count


def retention_weeks() -> int:
    return int(getattr(settings, "SENSITIVE_ANSWERS_WEEKS", 4))


def text_of(purpose: str) -> str:
    version, text = TEXTS[purpose]
    return str(text) % {"weeks": retention_weeks()} if "%(weeks)" in str(text) else str(text)


def sensitive_keys(event) -> set[str]:
    """The keys of this meeting's sensitive questions (built-in and staff's own)."""
    return set(
        Question.objects.filter(event=event, sensitive=True).values_list("key", flat=True)
    ) | set(enums.SENSITIVE_KEYS)


def purposes_needed(*, event, answers: dict) -> set[str]:
    """The consents the given answers need: sensitive answers given, photos agreed."""
    needed = set()
    keys = sensitive_keys(event)
    if any(answers.get(key) not in (None, "", []) for key in keys):
        needed.add(SENSITIVE)
    if answers.get(enums.PHOTO_CONSENT) == "yes":
        needed.add(PHOTOS)
    return needed


def record_consents(*, registration: Registration, purposes, language: str) -> list[Consent]:
    """Record consents (purpose, text version, language, now); one active per purpose."""
    recorded = []
    for purpose in purposes:
        if Consent.objects.filter(
            registration=registration, purpose=purpose, withdrawn_at__isnull=True
        ).exists():
            continue
        recorded.append(
            Consent.objects.create(
                registration=registration,
                purpose=purpose,
                text_version=TEXTS[purpose][0],
                language=language,
            )
        )
    return recorded


def has_consent(registration: Registration, purpose: str) -> bool:
    if registration.pk is None:
        return False
    return Consent.objects.filter(
        registration=registration, purpose=purpose, withdrawn_at__isnull=True
    ).exists()


def active_consents(registration: Registration):
    return list(
        Consent.objects.filter(registration=registration, withdrawn_at__isnull=True).order_by(
            "given_at"
        )
    )


@transaction.atomic
def withdraw_consent(*, registration: Registration, purpose: str) -> int:
    """Withdraw the active consent for `purpose` and delete what it covered, now.

    Sensitive answers: removed from the answers, their copies on the registration and every
    other app's copy (`purge_sensitive_copies` hook, e.g. the forums' assignment snapshots).
    Photos: the photo answer becomes "no". Returns how many consents were withdrawn (0 or 1).
    """
    now = timezone.now()
    count = Consent.objects.filter(
        registration=registration, purpose=purpose, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)
    current = Registration.objects.select_for_update().get(pk=registration.pk)
    answers = dict(current.answers or {})
    if purpose == SENSITIVE:
        for key in sensitive_keys(current.event):
            answers.pop(key, None)
        current.interpretation_language = ""
        current.accessibility_needs = []
    elif purpose == PHOTOS:
        answers[enums.PHOTO_CONSENT] = "no"
        current.photo_consent = False
    current.answers = answers
    if purpose == SENSITIVE:
        purge_sensitive_copies(registration_ids=[current.pk])
    current.save(
        update_fields=[
            "answers",
            "interpretation_language",
            "accessibility_needs",
            "photo_consent",
            "updated_at",
        ]  # fmt: skip
    )
    return count
