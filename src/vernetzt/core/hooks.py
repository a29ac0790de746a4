"""Apps further down the chain contribute through AppConfig hooks (see docs/structure.md)."""

from django.apps import apps


def ask_apps(hook: str, *args, **kwargs) -> list:
    """Call `hook(*args, **kwargs)` on every AppConfig that has it, in the order of
    INSTALLED_APPS, and return the answers."""
    return [
        getattr(app_config, hook)(*args, **kwargs)
        for app_config in apps.get_app_configs()
        if hasattr(app_config, hook)
    ]
