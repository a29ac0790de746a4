"""The privacy app's own hook: Django's and the libraries' tables, and the uploaded files.

Runs after every app's hook (see services.erase_person):
- the admin log (`django_admin_log`): entries about the person's registrations or account,
  or whose text holds their email address;
- background-task rows (django-tasks-db) whose arguments or result still hold the person's
  email address (the apps delete the rows of their own tasks by id; this catches the rest);
A full name alone is used only for file names: in other places it could be someone else's.
- sessions stored in the database that belong to the account or hold the email (a login
  code in progress);
- uploaded files whose name contains the person's name or email.
"""

import json
import os
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from vernetzt.core.personal_data import task_rows
from vernetzt.registration.models import Registration


def _names_in(text: str, names) -> bool:
    lowered = (text or "").lower()
    return any(name.lower() in lowered for name in names)


def _log_entries(person):
    if not apps.is_installed("django.contrib.admin"):
        return None
    LogEntry = apps.get_model("admin", "LogEntry")
    about = Q(
        content_type=ContentType.objects.get_for_model(Registration),
        object_id__in=[str(pk) for pk in person.registration_ids],
    )
    if person.user_id:
        about |= Q(
            content_type=ContentType.objects.get_for_model(get_user_model()),
            object_id=str(person.user_id),
        )
    for address in person.addresses:
        about |= Q(object_repr__icontains=address) | Q(change_message__icontains=address)
    return LogEntry.objects.filter(about)


def _task_rows_naming(person) -> list:
    model = task_rows()
    if model is None or not person.addresses:
        return []
    named = Q()
    for address in person.addresses:
        named |= (
            Q(args_kwargs__icontains=address)
            | Q(return_value__icontains=address)
            | Q(traceback__icontains=address)
        )
    return list(model.objects.filter(named).values_list("pk", flat=True))


def _sessions(person) -> list[str]:
    if not apps.is_installed("django.contrib.sessions"):
        return []
    Session = apps.get_model("sessions", "Session")
    found = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        data = session.get_decoded()
        if (person.user_id and str(data.get("_auth_user_id")) == str(person.user_id)) or (
            person.addresses and _names_in(json.dumps(data, default=str), person.addresses)
        ):
            found.append(session.session_key)
    return found


def _walk(storage, folder=""):
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        return
    for name in files:
        yield os.path.join(folder, name) if folder else name
    for sub in folders:
        yield from _walk(storage, os.path.join(folder, sub) if folder else sub)


def _files_naming(person) -> list[str]:
    keys = {slugify(name) for name in person.names if slugify(name)} | {
        name.lower() for name in person.names
    }
    keys = {key for key in keys if len(key) >= 4}
    if not keys:
        return []
    found = []
    for path in _walk(default_storage):
        base = os.path.basename(path).lower()
        if any(key in base for key in keys):
            found.append(path)
    return found


def personal_data(person) -> dict:
    entries = _log_entries(person)
    rows = [
        {"when": e.action_time.isoformat(), "what": e.object_repr, "change": e.change_message}
        for e in (entries if entries is not None else [])
    ]
    files = _files_naming(person)
    data = {"admin_log": rows, "files": files}
    return data if any(data.values()) else {}


def erase_personal_data(person) -> dict:
    entries = _log_entries(person)
    log = entries.delete()[0] if entries is not None else 0
    tasks = 0
    pks = _task_rows_naming(person)
    if pks:
        tasks = task_rows().objects.filter(pk__in=pks).delete()[0]
    sessions = 0
    keys = _sessions(person)
    if keys:
        sessions = (
            apps.get_model("sessions", "Session").objects.filter(session_key__in=keys).delete()[0]
        )
        # With the cached_db engine (REDIS_URL) a copy sits in the cache: the engine's own
        # delete removes both.
        store = import_module(settings.SESSION_ENGINE).SessionStore
        for key in keys:
            store(session_key=key).delete()
    files = _files_naming(person)
    if files:
        transaction.on_commit(lambda: [default_storage.delete(path) for path in files])
    return {
        "admin log entries deleted": log,
        "background task rows deleted": tasks,
        "sessions ended": sessions,
        "files deleted": len(files),
    }
