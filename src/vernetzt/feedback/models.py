"""Feedback surveys after a meeting.

Anonymity: an `Invitation` holds only the hash of the personal link's token and a `used`
flag (no time). A `Response` has no link to an invitation or a person and only the day it
was given, so an answer cannot be traced back to whoever gave it.
"""

import hashlib
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from vernetzt.core.translations import SOURCE, TranslationsField, translated_choices

MIN_RESPONSES = 5  # results are shown only from this many answers on


def new_token() -> str:
    return secrets.token_urlsafe(24)  # 192 bits


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Survey(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="surveys", verbose_name=_("meeting")
    )
    # German; other languages in `translations` (decision 0130), shown with {% tr %} / |trp
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True, max_length=3000)
    translations = TranslationsField()
    translated_fields = ("title", "intro")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # The link behind the QR code for people without email (one per survey).
    open_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.title} ({self.event})"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE = "scale", _("scale 1 to 5")
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        TEXT = "text", _("free text")

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="questions", verbose_name=_("survey")
    )
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_("Questions with the same key are compared across years."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SCALE)
    text = models.CharField(_("question"), max_length=300)
    # German choices in order; an answer stores the index, so an open survey's choices are only
    # reworded or appended, never removed or reordered (decision 0185)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    translations = TranslationsField()
    translated_fields = ("text", "choices")
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "key"], name="feedback_question_key_unique")
        ]

    def __str__(self):
        return self.text

    @property
    def has_choices(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)

    def base_choices(self) -> list[str]:
        return [str(choice) for choice in self.choices]

    def choice_labels(self) -> list[str]:
        """The choices in the current language (all German where the translation is missing or
        has another number of lines)."""
        return translated_choices(self, "choices")

    @property
    def choices_in_german(self) -> bool:
        """True when the choices are shown in German to a reader of another language (they are
        then marked lang="de")."""
        language = get_language() or SOURCE
        return language != SOURCE and self.choice_labels() == self.base_choices()


class Invitation(models.Model):
    """A personal link sent to one checked-in participant; only the token's hash is kept."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    registration = models.ForeignKey(
        "registration.Registration", on_delete=models.CASCADE, related_name="survey_invitations"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    used = models.BooleanField(default=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "registration"], name="feedback_one_invitation_per_person"
            )
        ]

    def __str__(self):
        return f"invitation {self.pk}"


class Response(models.Model):
    """One filled-in survey. No person, no invitation, no time of day."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    language = models.CharField(max_length=10, blank=True)
    submitted_on = models.DateField(default=timezone.localdate)

    def __str__(self):
        return f"response {self.pk}"


class Answer(models.Model):
    """One value: a scale point (`number`), a choice (`number` = index), or a text.

    A multiple-choice question gives one row per chosen option.
    """

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    number = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, max_length=5000)

    class Meta:
        indexes = [models.Index(fields=["question", "number"], name="feedback_answer_q_number")]

    def __str__(self):
        return f"answer {self.pk}"
