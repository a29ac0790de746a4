"""How services reach their app's background tasks without importing them.

A task loads by id and calls a service, so `tasks.py` imports `services.py`; services must
not import tasks back. Each app with tasks stores its tasks module on its AppConfig in
`ready()` (`self.tasks = tasks`), and a service queues through `tasks_of(app_label)`,
normally inside `transaction.on_commit` so that nothing is sent for a rolled-back write.
"""

from django.apps import apps


def tasks_of(app_label: str):
    """The tasks module of an installed app (set by its AppConfig.ready)."""
    return apps.get_app_config(app_label).tasks
