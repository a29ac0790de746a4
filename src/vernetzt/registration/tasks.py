"""Emails of the registration, sent by background tasks (load by id, then call a service).

A failed send is retried later (up to MAX_ATTEMPTS) where the backend can defer; a sent
email is flagged so that a repeat of the task does not send it twice.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task

from . import emails
from .models import Registration

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


def _retry(task_function, registration_id: int, attempt: int, error: Exception):
    if attempt >= MAX_ATTEMPTS or not default_task_backend.supports_defer:
        raise error
    logger.warning("email for registration %s failed (%s), retrying", registration_id, error)
    task_function.using(run_after=timezone.now() + timedelta(minutes=2**attempt)).enqueue(
        registration_id, attempt + 1
    )


@task()
def send_confirmation(registration_id: int, attempt: int = 1) -> None:
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None or registration.confirmation_sent_at or not registration.email:
        return
    try:
        emails.send_confirmation(registration)
    except OSError as error:
        _retry(send_confirmation, registration_id, attempt, error)
        return
    Registration.objects.filter(pk=registration_id).update(confirmation_sent_at=timezone.now())


@task()
def send_promoted(registration_id: int, attempt: int = 1) -> None:
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None or registration.status != Registration.Status.CONFIRMED:
        return
    if not registration.email:
        return
    try:
        emails.send_confirmation(registration, promoted=True)
    except OSError as error:
        _retry(send_promoted, registration_id, attempt, error)


@task()
def send_reminder(registration_id: int, attempt: int = 1) -> None:
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None or registration.reminder_sent_at or not registration.email:
        return
    if registration.status != Registration.Status.CONFIRMED:
        return
    try:
        emails.send_reminder(registration)
    except OSError as error:
        _retry(send_reminder, registration_id, attempt, error)
        return
    Registration.objects.filter(pk=registration_id).update(reminder_sent_at=timezone.now())


@task()
def send_link(registration_id: int, reason: str = "resend", attempt: int = 1) -> None:
    """The personal link again: asked for, or someone tried to register this email again."""
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None or not registration.email or not registration.is_active:
        return
    try:
        emails.send_link(registration, reason=reason)
    except OSError:
        if attempt >= MAX_ATTEMPTS or not default_task_backend.supports_defer:
            raise
        send_link.using(run_after=timezone.now() + timedelta(minutes=2**attempt)).enqueue(
            registration_id, reason, attempt + 1
        )


@task()
def send_cancellation(registration_id: int, attempt: int = 1) -> None:
    """Tell a person that their registration is cancelled (by them or by staff)."""
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None or not registration.email:
        return
    try:
        emails.send_cancellation(registration)
    except OSError as error:
        _retry(send_cancellation, registration_id, attempt, error)
