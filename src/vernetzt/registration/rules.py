"""Who may do what with registrations (django-rules)."""

import rules

from vernetzt.accounts.rules import is_staff

rules.add_perm("registration.manage_registrations", is_staff)
rules.add_perm("registration.check_in", is_staff)
