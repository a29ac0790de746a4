"""Who may translate the site's content: the competence centre's team."""

import rules

rules.add_perm("core.manage_translations", rules.is_staff)
