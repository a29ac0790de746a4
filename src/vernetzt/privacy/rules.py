"""Who may export or erase other people's data: staff (is_staff; a superuser is not needed)."""

import rules

from vernetzt.accounts.rules import is_staff

rules.add_perm("privacy.manage_personal_data", is_staff)
