"""Writes of the core app: translations of content (see translations.py), barrier reports."""

from datetime import timedelta

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import machine_translation
from .models import AccessibilityFeedback, SiteSettings
from .translations import SOURCE, Status, source_text, status, store


@transaction.atomic
def save_translations(*, obj, texts: dict[tuple[str, str], str], accept: set | None = None) -> int:
    """Store the texts typed on the translation page: {(language, field): text}.

    A text that differs from what is stored becomes a person's translation; an unchanged machine
    suggestion stays a suggestion unless (language, field) is in `accept`. Returns the number
    of changed translations. Locks the row so that two editors do not overwrite each other's
    other languages.
    """
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    accept = accept or set()
    changed = 0
    for (language, field), text in texts.items():
        stored = (obj.translations or {}).get(language, {}).get(field) or {}
        same = (stored.get("text") or "") == text.strip()
        # Accepting confirms an unchanged text: a machine suggestion, or an outdated translation
        # that still fits the changed German.
        if same and (language, field) not in accept:
            continue
        store(obj, field, language, text, Status.HUMAN)
        changed += 1
    if changed:
        obj.save(update_fields=["translations"])
    return changed


@transaction.atomic
def suggest_translations(*, obj, language: str) -> int:
    """Ask the configured provider for the missing texts of `language` (machine suggestions).

    Leaves people's translations alone. Raises machine_translation.TranslationUnavailable.
    """
    fields = [
        field
        for field in obj.translated_fields
        if source_text(obj, field) and status(obj, field, language) == Status.MISSING
    ]
    texts = machine_translation.translate(
        [source_text(obj, field) for field in fields], SOURCE, language
    )
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    for field, text in zip(fields, texts, strict=True):
        store(obj, field, language, text, Status.MACHINE)
    if fields:
        obj.save(update_fields=["translations"])
    return len(fields)


def report_barrier(*, name: str, email: str, page: str, message: str, language: str):
    """Keep a reported barrier and tell staff (after the commit) in which language to answer.

    A second identical report within ten minutes (a double click, a reload) is the same report.
    """
    with transaction.atomic():
        recent = AccessibilityFeedback.objects.filter(
            email__iexact=email,
            message=message,
            created_at__gte=timezone.now() - timedelta(minutes=10),
        ).first()
        if recent is not None:
            return recent
        feedback = AccessibilityFeedback.objects.create(
            name=name, email=email, page=page, message=message, language=language
        )
    recipients = list(settings.ACCESSIBILITY_CONTACT_EMAILS) or list(
        get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        .values_list("email", flat=True)
    )
    if recipients:
        with translation.override(settings.LANGUAGE_CODE):
            answer_in = LANG_INFO.get(language, {}).get("name", language)
            subject = _("Barrier reported: %(page)s") % {"page": page or "–"}
            body = _(
                "Someone reported a barrier.\n\nFrom: %(name)s <%(email)s>\nPage: %(page)s\n"
                "Please answer in: %(language)s\n\n%(message)s"
            ) % {
                "name": name or "–",
                "email": email,
                "page": page or "–",
                "language": answer_in,
                "message": message,
            }
            # under the operating organisation's signature, as every other email
            body = render_to_string("core/email/barrier_reported.txt", {"body": body})
        transaction.on_commit(
            lambda: send_mail(subject, body, None, recipients, fail_silently=True)
        )
    return feedback


@transaction.atomic
def save_site_settings(*, values: dict) -> SiteSettings:
    """Save the operating organisation (one row). `values` are the form's cleaned data; `logo`
    is a new (already re-encoded) file, False to remove the logo, or the stored one. The old
    logo file is deleted when it is replaced or removed. The cached copy is refreshed."""
    site = SiteSettings.objects.select_for_update().filter(pk=1).first() or SiteSettings()
    old_logo = site.logo.name if site.logo else ""
    logo = values.get("logo")
    for field in ("organisation_name", "address", "contact", "signature_name", "signature_role"):
        setattr(site, field, (values.get(field) or "").strip())
    if logo is False:
        site.logo = ""
    elif logo and getattr(logo, "name", "") != old_logo:
        site.logo.save(logo.name, logo, save=False)
    site.save()
    if old_logo and old_logo != site.logo.name:
        storage = site.logo.storage
        transaction.on_commit(lambda: storage.delete(old_logo))
    return site
