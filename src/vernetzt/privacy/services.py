"""Export and erasure of a person: collects every app's hook, in one place.

Each app that holds personal data implements on its AppConfig
- `personal_data(person) -> dict`: what it holds about the person, JSON-serialisable;
- `erase_personal_data(person) -> dict`: removes or irreversibly anonymises it, returns
  counts (`{"registrations anonymised": 2}`); figures that identify nobody stay.
This module asks every installed app (this one's own hook, for Django's and the libraries'
tables, comes last) and nothing imports it.
"""

import logging

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from .persons import Person

logger = logging.getLogger(__name__)

FORMAT = "vernetzt-personal-data/1"


def _hooked(name: str):
    """App configs with the hook `name`, in INSTALLED_APPS order, this app's own last."""
    configs = [c for c in apps.get_app_configs() if callable(getattr(c, name, None))]
    own = [c for c in configs if c.label == "privacy"]
    return [c for c in configs if c.label != "privacy"] + own


def export_person(*, person: Person) -> dict:
    """All that vernetzt holds about `person`, by app label. Reads only."""
    data = {
        "format": FORMAT,
        "email": person.email,
        "exported_at": timezone.now().isoformat(),
    }
    for config in _hooked("personal_data"):
        part = config.personal_data(person)
        if part:
            data[config.label] = part
    return data


def erase_person(*, person: Person) -> dict:
    """Remove or anonymise the person everywhere, in one transaction.

    The apps run downstream first (live, forums... then registration, accounts), so that
    an app can still find its rows through the registrations before these are anonymised;
    this app's generic clean-up (admin log, background tasks, sessions, files) runs last.
    Files are deleted after the commit. Returns counts by app label. Idempotent: a second
    call finds nothing left and returns zeros.
    """
    configs = _hooked("erase_personal_data")
    own = [c for c in configs if c.label == "privacy"]
    ordered = list(reversed([c for c in configs if c.label != "privacy"])) + own
    summary = {}
    with transaction.atomic():
        for config in ordered:
            counts = config.erase_personal_data(person) or {}
            if any(counts.values()):
                summary[config.label] = counts
    logger.info("personal data erased: %s", summary)  # counts only, never who
    return summary
