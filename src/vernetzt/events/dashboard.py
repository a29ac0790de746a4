"""The staff dashboard of a meeting, assembled from the apps.

Each app may contribute through `AppConfig.staff_dashboard(event) -> dict` with any of:
`stats` (list of {"label", "value", "url"?, "alert"?}), `todos` (list of {"text", "url"}:
what needs doing now) and `panels` (list of {"template", ...}: rendered with `panel`).
"""

from django.apps import apps

from .models import Event


def staff_dashboard(event: Event) -> dict:
    stats, todos, panels = [], [], []
    for app_config in apps.get_app_configs():
        contribute = getattr(app_config, "staff_dashboard", None)
        if not contribute:
            continue
        part = contribute(event)
        stats.extend(part.get("stats", []))
        todos.extend(part.get("todos", []))
        panels.extend(part.get("panels", []))
    return {"stats": stats, "todos": todos, "panels": panels}
