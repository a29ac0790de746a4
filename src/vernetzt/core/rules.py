"""Who may translate the site's content and set the operating organisation: its team."""

import rules

rules.add_perm("core.manage_translations", rules.is_staff)
rules.add_perm("core.manage_site_settings", rules.is_staff)
