"""Helpers for the apps' personal-data hooks (see vernetzt.privacy): background-task rows.

With the database task backend (django-tasks-db), every queued and finished task keeps its
arguments in a row: a registration id, a survey token, a contact message with the sender's
name and address. An app that queues tasks about a person deletes their rows here when the
person is erased; a queued email that is deleted is never sent.
"""

from collections.abc import Callable

from django.apps import apps
from django.db.models import Q


def task_rows():
    """The task-result model of the database backend, or None when it is not installed."""
    if not apps.is_installed("django_tasks_db"):
        return None
    return apps.get_model("django_tasks_database", "DBTaskResult")


def task_path(task) -> str:
    """The import path a task row stores for a task (`module.function`)."""
    if hasattr(task, "module_path"):
        return task.module_path
    return f"{task.__module__}.{task.__qualname__}"


def delete_task_rows(task, matches: Callable[[list, dict], bool]) -> int:
    """Delete the rows (queued, running or finished) of `task` whose arguments `matches`."""
    model = task_rows()
    if model is None:
        return 0
    doomed = []
    rows = model.objects.filter(task_path=task_path(task))
    if getattr(matches, "q", None) is not None:  # narrowed in the database first
        rows = rows.filter(matches.q)
    for pk, args_kwargs in rows.values_list("pk", "args_kwargs"):
        args_kwargs = args_kwargs or {}
        if matches(list(args_kwargs.get("args") or []), dict(args_kwargs.get("kwargs") or {})):
            doomed.append(pk)
    if doomed:
        model.objects.filter(pk__in=doomed).delete()
    return len(doomed)


def first_argument_in(ids, keyword: str):
    """A `matches` for tasks called as `task(<id>, ...)` or `task(<keyword>=<id>, ...)`."""
    ids = set(ids)

    def matches(args, kwargs):
        value = args[0] if args else kwargs.get(keyword)
        return value in ids

    matches.q = Q(args_kwargs__args__0__in=list(ids)) | Q(
        **{f"args_kwargs__kwargs__{keyword}__in": list(ids)}
    )
    return matches
