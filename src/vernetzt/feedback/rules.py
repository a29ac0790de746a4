"""Who may do what with surveys (django-rules)."""

import rules

from vernetzt.accounts.rules import is_staff

rules.add_perm("feedback.manage_surveys", is_staff)
