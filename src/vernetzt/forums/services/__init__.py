"""Writes of the forums app: rankings, assignment runs, moves, publishing, results.

Every function raises ForumError with a message for the user when the input is refused;
nothing is saved then. Other code imports them from here; the submodules group them.
"""

from .placements import move_participant, placement_warnings, publish_assignment, unpin
from .rankings import set_rankings
from .results import (
    answer_item,
    can_change_recorded,
    can_record,
    delete_recorded_item,
    get_or_create_tag,
    merge_items,
    record_item,
    support_item,
    update_recorded_item,
)
from .runs import STALE_RUN, execute_run, load_instance, participants_of, start_assignment
from .setup import ForumError, copy_forums, get_setup, set_choice_open

__all__ = [
    "ForumError",
    "STALE_RUN",
    "answer_item",
    "can_change_recorded",
    "can_record",
    "delete_recorded_item",
    "copy_forums",
    "execute_run",
    "get_or_create_tag",
    "get_setup",
    "load_instance",
    "merge_items",
    "move_participant",
    "participants_of",
    "placement_warnings",
    "publish_assignment",
    "record_item",
    "set_choice_open",
    "set_rankings",
    "start_assignment",
    "support_item",
    "update_recorded_item",
    "unpin",
]
