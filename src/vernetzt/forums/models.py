"""Forums of a meeting, the participants' rankings, the assignment, and the forums' results.

Invariants:
- a ranking names a forum of the registration's own meeting, at most once, and ranks within
  one slot are 1..n without repeats (unique constraints, checked by `services.set_rankings`);
- one placement per registration and slot (unique constraint);
- at most one assignment run per meeting is queued or running (conditional unique
  constraint plus a row lock on the meeting in `services.start_assignment`);
- one support per participant and result item.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vernetzt.core.translations import TranslationsField
from vernetzt.directory.enums import FIELDS_OF_ACTIVITY


class ForumSetup(models.Model):
    """Forum settings of one meeting: the choice window, the limit per association, publishing."""

    event = models.OneToOneField(
        "events.Event", on_delete=models.CASCADE, related_name="forum_setup"
    )
    choice_open = models.BooleanField(
        _("participants can rank the forums"),
        default=True,
    )
    max_per_organisation = models.PositiveIntegerField(
        _("at most this many people of one association per forum"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty: no limit. Associations spread across the forums."),
    )
    published_at = models.DateTimeField(_("assignment published"), null=True, blank=True)

    class Meta:
        verbose_name = _("forum settings")
        verbose_name_plural = _("forum settings")

    def __str__(self):
        return str(self.event)


class Slot(models.Model):
    """A time slot in which several forums run in parallel."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="forum_slots")
    title = models.CharField(_("title"), max_length=200)
    translations = TranslationsField()
    translated_fields = ("title",)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        ordering = ["position", "starts_at", "id"]

    def __str__(self):
        return self.title


class Forum(models.Model):
    """One forum: a room, a capacity, languages, hosts and storytellers."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="forums", verbose_name=_("meeting")
    )
    slot = models.ForeignKey(
        Slot, on_delete=models.CASCADE, related_name="forums", verbose_name=_("time slot")
    )
    title = models.CharField(_("title"), max_length=200)
    translations = TranslationsField()
    translated_fields = ("title", "description")
    description = models.TextField(_("description"), blank=True, max_length=5000)
    host_organisations = models.ManyToManyField(
        "directory.Organisation",
        blank=True,
        related_name="hosted_forums",
        verbose_name=_("host associations and storytellers"),
    )
    storytellers = models.CharField(
        _("storytellers"),
        max_length=500,
        blank=True,
        help_text=_("Names of people who tell their story, if they agree to be named."),
    )
    hosts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ForumHost",
        blank=True,
        related_name="hosted_forums",
        verbose_name=_("moderators and rapporteurs"),
    )
    host_registrations = models.ManyToManyField(
        "registration.Registration",
        blank=True,
        related_name="hosted_forums",
        verbose_name=_("registered hosts and storytellers"),
        help_text=_("These people are always placed in this forum."),
    )
    room = models.CharField(_("room"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), default=25, validators=[MinValueValidator(1)]
    )
    languages = models.JSONField(
        _("languages spoken"), default=list, blank=True, help_text=_("Language codes, e.g. de.")
    )
    interpretation = models.JSONField(
        _("interpretation offered"), default=list, blank=True, help_text=_("Language codes.")
    )
    step_free = models.BooleanField(_("step-free room"), default=True)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ["slot__position", "slot_id", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="forum_capacity_positive")
        ]

    def __str__(self):
        return self.title

    @property
    def all_languages(self) -> list[str]:
        """Languages a participant can follow here: spoken or interpreted."""
        seen = []
        for code in [*(self.languages or []), *(self.interpretation or [])]:
            if code not in seen:
                seen.append(code)
        return seen


class ForumHost(models.Model):
    """A user who moderates or records a forum (forum host role)."""

    class Role(models.TextChoices):
        MODERATOR = "moderator", _("moderator")
        RAPPORTEUR = "rapporteur", _("rapporteur")

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="host_links")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_host_links"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MODERATOR)

    class Meta:
        verbose_name = _("forum host")
        verbose_name_plural = _("forum hosts")
        constraints = [models.UniqueConstraint(fields=["forum", "user"], name="forum_host_unique")]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"


class Ranking(models.Model):
    """A participant's r-th choice among the forums of one slot."""

    registration = models.ForeignKey(
        "registration.Registration", on_delete=models.CASCADE, related_name="forum_rankings"
    )
    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="rankings")
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="rankings")
    rank = models.PositiveSmallIntegerField(_("choice"), validators=[MinValueValidator(1)])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ranking")
        verbose_name_plural = _("rankings")
        ordering = ["registration_id", "slot_id", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "forum"], name="ranking_forum_once"),
            models.UniqueConstraint(
                fields=["registration", "slot", "rank"], name="ranking_rank_once_per_slot"
            ),
        ]

    def __str__(self):
        return f"{self.registration_id}: {self.rank}. {self.forum_id}"


class AssignmentRun(models.Model):
    """One run of the assignment solver for a meeting, with its result and fairness report."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to start")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="assignment_runs"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    instance = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("assignment run")
        verbose_name_plural = _("assignment runs")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event"],
                condition=Q(status__in=["queued", "running"]),
                name="assignment_one_active_run_per_event",
            )
        ]

    def __str__(self):
        return f"{self.event_id} {self.status} {self.created_at}"


class Placement(models.Model):
    """A participant's forum in one slot: from a run, or pinned (host, or moved by hand)."""

    registration = models.ForeignKey(
        "registration.Registration", on_delete=models.CASCADE, related_name="forum_placements"
    )
    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="placements")
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="placements")
    pinned = models.BooleanField(_("pinned"), default=False)
    manual = models.BooleanField(_("moved by hand"), default=False)
    run = models.ForeignKey(
        AssignmentRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="placements"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        constraints = [
            models.UniqueConstraint(fields=["registration", "slot"], name="placement_one_per_slot")
        ]

    # --- Results ---------------------------------------------------------------------------------

    def __str__(self):
        return f"{self.registration_id} -> {self.forum_id}"


class Tag(models.Model):
    """The shared vocabulary for forum results (e.g. "funding", "premises")."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self):
        return self.name


def field_of_activity_choices():
    """The directory's fields of activity, so that results and associations share one list."""
    return list(FIELDS_OF_ACTIVITY.items())


class ResultItem(models.Model):
    """A need, demand, idea, good practice or open question raised in a forum."""

    class Kind(models.TextChoices):
        NEED = "need", _("need")
        DEMAND = "demand", _("demand")
        IDEA = "idea", _("idea")
        GOOD_PRACTICE = "good_practice", _("good practice")
        OPEN_QUESTION = "open_question", _("open question")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        NOT_POSSIBLE = "not_possible", _("not possible")

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="results", verbose_name=_("forum")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEED)
    text = models.TextField(_("text"), max_length=2000)
    tags = models.ManyToManyField(Tag, blank=True, related_name="items", verbose_name=_("tags"))
    organisations = models.ManyToManyField(
        "directory.Organisation",
        blank=True,
        related_name="forum_results",
        verbose_name=_("raised by associations"),
    )
    # The directory's vocabulary (decision 0031, amended): one list of fields of activity.
    field_of_activity = models.CharField(
        _("field of activity"), max_length=40, choices=field_of_activity_choices, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("what we do about it"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    public_answer = models.TextField(_("public answer"), blank=True, max_length=2000)
    answered_at = models.DateTimeField(null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name=_("merged into"),
    )

    class Meta:
        verbose_name = _("forum result")
        verbose_name_plural = _("forum results")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.text[:80]


class Support(models.Model):
    """A participant supports a result item (one vote each)."""

    item = models.ForeignKey(ResultItem, on_delete=models.CASCADE, related_name="supports")
    registration = models.ForeignKey(
        "registration.Registration", on_delete=models.CASCADE, related_name="forum_supports"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "registration"], name="support_once")
        ]

    def __str__(self):
        return f"{self.registration_id} + {self.item_id}"
