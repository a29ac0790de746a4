"""Who may manage meetings: the competence centre's team."""

import rules

from vernetzt.accounts.rules import is_staff

rules.add_perm("events.manage_events", is_staff)
