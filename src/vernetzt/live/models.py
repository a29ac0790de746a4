"""The meeting day, live: rooms for programme items, audience questions, the free chair,
polls, and seating plans for networking rounds.

The audience has no accounts: a phone is known by a random device id in a signed cookie
(see `device.py`). Invariants:
- one vote per question and device, one ballot per poll and device (unique constraints);
- a free-chair request is `waiting`, `speaking` (at most one per room, a conditional unique
  constraint), `done` or `withdrawn`;
- seats of a networking plan: one per registration and round (unique constraint).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to type from a screen

QUESTION_MAX_LENGTH = 500
ANSWER_MAX_LENGTH = 300
WORD_MAX_LENGTH = 40
NAME_MAX_LENGTH = 80
TOPIC_MAX_LENGTH = 120


def new_room_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(5))


class LiveRoom(models.Model):
    """A live room for one programme item: questions, free chair and polls."""

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="live_rooms",
        verbose_name=_("meeting"),
    )
    programme_item = models.OneToOneField(
        "events.ProgrammeItem",
        on_delete=models.CASCADE,
        related_name="live_room",
        verbose_name=_("programme item"),
    )
    code = models.SlugField(_("short code"), max_length=12, unique=True, default=new_room_code)
    is_open = models.BooleanField(_("open"), default=False)
    moderation = models.BooleanField(
        _("moderation before display"),
        default=True,
        help_text=_("Questions appear only after a moderator approves them."),
    )
    free_chair = models.BooleanField(_("free chair"), default=True)
    newcomers_first = models.BooleanField(_("newcomers first"), default=False)
    speaking_seconds = models.PositiveIntegerField(_("speaking time (seconds)"), default=180)
    hosts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="hosted_live_rooms",
        verbose_name=_("hosts"),
    )
    opened_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("live room")
        verbose_name_plural = _("live rooms")
        ordering = ["programme_item__starts_at", "id"]

    def __str__(self):
        return f"{self.programme_item.title} ({self.code})"

    def get_absolute_url(self):
        return reverse("live:phone", kwargs={"code": self.code})

    @property
    def title(self) -> str:
        return self.programme_item.title


class QuestionStatus(models.TextChoices):
    PENDING = "pending", _("waiting for approval")
    APPROVED = "approved", _("approved")
    HIDDEN = "hidden", _("hidden")
    ANSWERED = "answered", _("answered")


class LiveQuestion(models.Model):
    """A question from the audience, in any language."""

    Status = QuestionStatus

    room = models.ForeignKey(LiveRoom, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("question"), max_length=QUESTION_MAX_LENGTH)
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH, blank=True)
    organisation_name = models.CharField(_("association"), max_length=NAME_MAX_LENGTH, blank=True)
    device_id = models.CharField(max_length=64, db_index=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.PENDING
    )
    pinned = models.BooleanField(pgettext_lazy("question", "pinned"), default=False)
    votes_count = models.PositiveIntegerField(_("votes"), default=0)
    answer = models.CharField(_("short answer"), max_length=ANSWER_MAX_LENGTH, blank=True)
    # The language of the phone's interface when the question was asked (`lang` when shown;
    # the text itself may be in any language, so it is also shown with dir="auto").
    language = models.CharField(_("language"), max_length=8, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("audience question")
        verbose_name_plural = _("audience questions")
        ordering = ["-pinned", "-votes_count", "created_at", "id"]
        indexes = [models.Index(fields=["room", "status"], name="live_question_room_status")]

    def __str__(self):
        return self.text[:60]


class QuestionVote(models.Model):
    """One device supports one question: at most once (unique constraint)."""

    question = models.ForeignKey(LiveQuestion, on_delete=models.CASCADE, related_name="votes")
    device_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["question", "device_id"], name="live_one_vote_per_device"
            )
        ]
        # "Which questions does this phone support?" is asked on every update of a phone.
        indexes = [models.Index(fields=["device_id", "question"], name="live_vote_device")]

    def __str__(self):
        return f"{self.question_id}: {self.device_id[:6]}"


class ChairRequest(models.Model):
    """Someone in the hall asks to take the free chair on the podium."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting")
        SPEAKING = "speaking", _("speaking")
        DONE = "done", _("has spoken")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Gender(models.TextChoices):
        WOMAN = "woman", _("woman")
        MAN = "man", _("man")
        DIVERSE = "diverse", _("diverse")

    room = models.ForeignKey(LiveRoom, on_delete=models.CASCADE, related_name="chair_requests")
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    organisation_name = models.CharField(_("association"), max_length=NAME_MAX_LENGTH, blank=True)
    topic = models.CharField(_("topic in one line"), max_length=TOPIC_MAX_LENGTH)
    gender = models.CharField(
        _("gender (optional)"), max_length=10, choices=Gender.choices, blank=True
    )
    is_newcomer = models.BooleanField(_("first time at the network meeting"), default=False)
    device_id = models.CharField(max_length=64, db_index=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    speaking_seconds = models.PositiveIntegerField(default=180)

    class Meta:
        verbose_name = _("free-chair request")
        verbose_name_plural = _("free-chair requests")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["room"],
                condition=Q(status="speaking"),
                name="live_one_speaker_per_room",
            )
        ]

    def __str__(self):
        return f"{self.name}: {self.topic}"

    @property
    def ends_at(self):
        if self.started_at is None:
            return None
        return self.started_at + timezone.timedelta(seconds=self.speaking_seconds)


class Poll(models.Model):
    """A live poll: single or multiple choice, opened and closed by the moderator."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        WORDS = "words", _("word cloud (short answers)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("not open yet")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    room = models.ForeignKey(LiveRoom, on_delete=models.CASCADE, related_name="polls")
    question = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    show_results = models.BooleanField(_("show results on the projector"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.question


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("answer"), max_length=120)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.label


class PollBallot(models.Model):
    """One device's answer to one poll (one ballot per device, unique constraint)."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="ballots")
    device_id = models.CharField(max_length=64)
    options = models.ManyToManyField(PollOption, related_name="ballots")
    # A word-cloud poll's answer, normalised (case folded, spaces collapsed) so it counts.
    text = models.CharField(max_length=WORD_MAX_LENGTH, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["poll", "device_id"], name="live_one_ballot_per_device")
        ]

    def __str__(self):
        return f"{self.poll_id}: {self.device_id[:6]}"


class BlockedDevice(models.Model):
    """A device a moderator blocked in a room: its questions and requests are refused."""

    room = models.ForeignKey(LiveRoom, on_delete=models.CASCADE, related_name="blocked_devices")
    device_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["room", "device_id"], name="live_block_once")
        ]

    def __str__(self):
        return self.device_id[:6]


class NetworkingPlan(models.Model):
    """A seating plan for networking rounds of a meeting, computed by `vernetzt.solvers`."""

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="networking_plans",
        verbose_name=_("meeting"),
    )
    title = models.CharField(_("title"), max_length=200)
    table_size = models.PositiveIntegerField(_("people per table"))
    rounds_count = models.PositiveIntegerField(_("rounds"))
    participants_count = models.PositiveIntegerField(_("participants"), default=0)
    figures = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_published = models.BooleanField(
        _("shown on personal pages"),
        default=True,
        help_text=_("Each person sees their tables on their personal page."),
    )

    class Meta:
        verbose_name = _("seating plan")
        verbose_name_plural = _("seating plans")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title


class Seat(models.Model):
    plan = models.ForeignKey(NetworkingPlan, on_delete=models.CASCADE, related_name="seats")
    round_number = models.PositiveIntegerField()
    table_number = models.PositiveIntegerField()
    registration = models.ForeignKey(
        "registration.Registration", on_delete=models.CASCADE, related_name="seats"
    )

    class Meta:
        ordering = ["round_number", "table_number", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "round_number", "registration"], name="live_one_seat_per_round"
            )
        ]

    def __str__(self):
        return f"{self.round_number}/{self.table_number}: {self.registration_id}"


class DeviceLink(models.Model):
    """A phone seen on a registrant's personal page: its questions and free-chair requests
    belong to that person's data (export and erasure, see vernetzt.privacy).

    Recorded when the personal page is opened on a phone that carries a live device cookie.
    """

    registration = models.ForeignKey(
        "registration.Registration", on_delete=models.CASCADE, related_name="live_devices"
    )
    device_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "device_id"], name="live_device_link_once"
            )
        ]

    def __str__(self):
        return f"{self.registration_id}: {self.device_id[:6]}"
