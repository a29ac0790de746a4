"""Registrations for a meeting, the questions asked, tickets and check-in.

Invariants (kept by `services.py` under a row lock on the event):
- confirmed public registrations never exceed `Event.capacity`; reserved ones (staff only)
  never exceed `Event.reserved_places`;
- waiting registrations have positions 1..n without gaps, in the order they came;
- one active (confirmed or waiting) registration per event and normalised email, enforced
  by a conditional unique constraint;
- the secrets (personal link, ticket code) are random (`secrets.token_urlsafe`), never
  derived from ids.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from vernetzt.core.translations import Text, TranslationsField, translated, translated_choices

from . import enums


def new_secret() -> str:
    """192 random bits, URL-safe (32 characters)."""
    return secrets.token_urlsafe(24)


class Question(models.Model):
    """A question asked at registration. Built-in ones have a fixed `key` (see enums.Builtin)."""

    class Kind(models.TextChoices):
        TEXT = "text", _("text")
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        YES_NO = "yes_no", _("yes or no")

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("meeting"),
    )
    key = models.SlugField(_("key"), max_length=60)
    label = models.CharField(_("question"), max_length=300)
    translations = TranslationsField()
    translated_fields = ("label", "help_text", "choices")
    help_text = models.TextField(_("explanation"), blank=True, max_length=2000)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TEXT)
    choices = models.JSONField(
        _("choices"),
        default=list,
        blank=True,
        help_text=_("For choice questions: the possible answers."),
    )
    required = models.BooleanField(_("required"), default=False)
    builtin = models.BooleanField(_("built-in"), default=False)
    sensitive = models.BooleanField(
        _("sensitive"),
        default=False,
        help_text=_("Staff only, left out of exports unless asked for, deleted after the meeting."),
    )
    show_at_checkin = models.BooleanField(
        _("show at the check-in"),
        default=False,
        help_text=_(
            "The door staff see the answer next to the name, e.g. step-free access or "
            "interpretation."
        ),
    )
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "key"], name="question_key_unique_per_event")
        ]

    def __str__(self):
        return self.label

    def _builtin_text(self, index: int, field: str):
        """Built-in texts follow the visitor's language unless staff changed them; other texts
        are the content translation in the visitor's language, else German (a `Text`)."""
        stored = getattr(self, field)
        if self.builtin:
            for entry in enums.BUILTIN_QUESTIONS:
                if entry[0] == self.key:
                    original = entry[index]
                    with translation.override("en"):
                        english = str(original)
                    if stored in ("", english):
                        return Text(str(original), translation.get_language() or "de", "human")
        return translated(self, field)

    @property
    def needs_translation(self) -> bool:
        """Built-in questions are translated in the interface catalogues."""
        return not self.builtin

    @property
    def display_label(self):
        return self._builtin_text(1, "label")

    @property
    def display_help_text(self):
        return self._builtin_text(2, "help_text")

    def choice_pairs(self) -> list[tuple[str, str]]:
        """(value, label) pairs; the value is the German text, the label follows the language."""
        builtin = enums.BUILTIN_CHOICES.get(self.key) if self.builtin else None
        if builtin is not None:
            return [(value, str(label)) for value, label in builtin]
        labels = translated_choices(self, "choices")
        return [(str(choice), label) for choice, label in zip(self.choices, labels, strict=True)]


class Registration(models.Model):
    """One person registered for one meeting."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("waiting list")
        CANCELLED = "cancelled", _("cancelled")

    ACTIVE_STATUSES = (Status.CONFIRMED, Status.WAITING)

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("meeting"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED
    )
    waiting_position = models.PositiveIntegerField(_("place on the waiting list"), null=True)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    pronouns = models.CharField(_("pronouns"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    # lower-cased, stripped email; NULL for people registered without an email address.
    email_normalised = models.CharField(max_length=254, null=True, blank=True, editable=False)
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("association"),
    )
    language = models.CharField(
        _("language for emails"), max_length=10, choices=settings.LANGUAGES, default="de"
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # Copies of built-in answers other apps read (live, publishing, forums).
    photo_consent = models.BooleanField(_("agrees to be photographed"), default=False)
    interpretation_language = models.CharField(
        _("interpretation language"), max_length=20, blank=True
    )
    accessibility_needs = models.JSONField(_("accessibility needs"), default=list, blank=True)
    is_reserved = models.BooleanField(
        _("reserved place"),
        default=False,
        help_text=_("Given by staff (speakers, ministry), outside every quota."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    manage_token = models.CharField(max_length=64, unique=True, default=new_secret, editable=False)
    ticket_code = models.CharField(max_length=64, unique=True, default=new_secret, editable=False)
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    sensitive_purged_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Set when the person was erased (vernetzt.privacy): names, email, answers are gone.
    erased_at = models.DateTimeField(
        _("personal data erased"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email_normalised"],
                condition=Q(status__in=["confirmed", "waiting"])
                & Q(email_normalised__isnull=False),
                name="registration_one_active_per_email",
            ),
            models.UniqueConstraint(
                fields=["event", "idempotency_key"],
                condition=Q(idempotency_key__isnull=False),
                name="registration_idempotency_key_unique",
            ),
            models.CheckConstraint(
                condition=(Q(status="waiting") & Q(waiting_position__isnull=False))
                | (~Q(status="waiting") & Q(waiting_position__isnull=True)),
                name="registration_waiting_position_iff_waiting",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status", "waiting_position"], name="reg_event_status"),
            models.Index(fields=["event", "organisation", "status"], name="reg_event_org"),
        ]

    def __str__(self):
        return f"{self.full_name} – {self.event}"

    def get_absolute_url(self):
        """The personal link (no login: the token is the key)."""
        return reverse(
            "registration:manage",
            kwargs={"slug": self.event.slug, "token": self.manage_token},
        )

    @property
    def full_name(self) -> str:
        if self.erased_at and not (self.first_name or self.last_name):
            return str(_("erased person"))
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES


class Consent(models.Model):
    """A consent given at registration: what for, which text, in which language, when.

    `text_version` names the wording the person saw (see `consents.TEXTS`); withdrawing sets
    `withdrawn_at` (the record stays as proof of what was given and taken back).
    """

    class Purpose(models.TextChoices):
        SENSITIVE_ANSWERS = (
            "sensitive_answers",
            _("use of the answers on food, access and interpretation"),
        )
        PHOTOS = "photos", _("being photographed for the documentation")

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=40, choices=Purpose.choices)
    text_version = models.CharField(_("text version"), max_length=40)
    language = models.CharField(_("language"), max_length=10)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["given_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="consent_one_active_per_purpose",
            )
        ]

    def __str__(self):
        return f"{self.registration_id}: {self.purpose}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
