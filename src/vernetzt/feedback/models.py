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

from vernetzt.core.translations import Text

MIN_RESPONSES = 5  # results are shown only from this many answers on


def new_token() -> str:
    return secrets.token_urlsafe(24)  # 192 bits


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _localised(obj, base: str) -> Text:
    """The text in the current language, else German (a `Text` that knows which)."""
    language = (get_language() or "de")[:2]
    local = getattr(obj, f"{base}_{language}", "")
    if local:
        return Text(local, language)
    return Text(getattr(obj, f"{base}_de"), "de")


class Survey(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="surveys", verbose_name=_("meeting")
    )
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_ar = models.CharField(_("title (Arabic)"), max_length=200, blank=True)
    intro_de = models.TextField(_("introduction (German)"), blank=True, max_length=3000)
    intro_en = models.TextField(_("introduction (English)"), blank=True, max_length=3000)
    intro_ar = models.TextField(_("introduction (Arabic)"), blank=True, max_length=3000)
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
        return f"{self.title_de} ({self.event})"

    @property
    def title(self) -> str:
        return _localised(self, "title")

    @property
    def intro(self) -> str:
        return _localised(self, "intro")

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
    text_de = models.CharField(_("question (German)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    text_ar = models.CharField(_("question (Arabic)"), max_length=300, blank=True)
    choices_de = models.TextField(
        _("choices (German)"), blank=True, max_length=3000, help_text=_("One per line.")
    )
    choices_en = models.TextField(
        _("choices (English)"),
        blank=True,
        max_length=3000,
        help_text=_("One per line, in the same order."),
    )
    choices_ar = models.TextField(
        _("choices (Arabic)"),
        blank=True,
        max_length=3000,
        help_text=_("One per line, in the same order."),
    )
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
        return self.text_de

    @property
    def text(self) -> str:
        return _localised(self, "text")

    def base_choices(self) -> list[str]:
        return [line.strip() for line in self.choices_de.splitlines() if line.strip()]

    def choice_labels(self) -> list[str]:
        """The choices in the current language (German where a translation is missing)."""
        base = self.base_choices()
        language = (get_language() or "de")[:2]
        local = [
            line.strip()
            for line in (getattr(self, f"choices_{language}", "") or "").splitlines()
            if line.strip()
        ]
        return [local[i] if i < len(local) else text for i, text in enumerate(base)]


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
