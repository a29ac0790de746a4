"""Pages of forums, one module per audience; urls.py and apps.py import them from here."""

from .common import staff_required
from .hosts import host_list, my_forums, record, record_delete, record_edit
from .participants import (
    after_meeting_links,
    participant_results,
    personal_section,
    rank,
    support,
)
from .results import item_edit, merge, needs, needs_csv, needs_xlsx, tags
from .staff_assignment import assignment, move, publish, run, run_json
from .staff_setup import choice, demand, forum_create, forum_edit, slot_create, staff_forums

__all__ = [
    "assignment",
    "choice",
    "demand",
    "forum_create",
    "forum_edit",
    "host_list",
    "item_edit",
    "merge",
    "move",
    "my_forums",
    "needs",
    "needs_csv",
    "needs_xlsx",
    "after_meeting_links",
    "participant_results",
    "personal_section",
    "publish",
    "rank",
    "record",
    "record_delete",
    "record_edit",
    "run",
    "run_json",
    "slot_create",
    "staff_forums",
    "staff_required",
    "support",
    "tags",
]
