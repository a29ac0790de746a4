"""Writes of the directory."""

import secrets

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vernetzt.core.background import tasks_of

from .enums import FIELDS_OF_ACTIVITY, LANGUAGE_CODES, TARGET_GROUPS, TermKind
from .geodata import read_districts, read_municipalities
from .models import HistoryEntry, Invitation, Membership, Organisation, Term
from .search import build_search_text


@transaction.atomic
def load_geodata(*, district_model, municipality_model, state: str = "HE") -> tuple[int, int]:
    """Create or update a state's districts and municipalities from the shipped files.

    Idempotent (keyed by the official keys). Takes the model classes so that the data
    migration can pass its historical models.
    """
    districts = {}
    for row in read_districts(state):
        districts[row["key"]], _ = district_model.objects.update_or_create(
            key=row["key"],
            defaults={
                "name": row["name"],
                "kind": row["kind"],
                "state": row["state"],
                "outline": row["outline"],
            },
        )
    municipalities = read_municipalities(state)
    for row in municipalities:
        municipality_model.objects.update_or_create(
            key=row["key"],
            defaults={
                "name": row["name"],
                "district": districts[row["district_key"]],
                "latitude": row["lat"],
                "longitude": row["lon"],
            },
        )
    return len(districts), len(municipalities)


def sync_vocabulary(*, term_model=None) -> int:
    """Create the rows of the shared vocabulary that are missing (idempotent)."""
    term_model = term_model or Term
    wanted = (
        [(TermKind.FIELD.value, slug) for slug in FIELDS_OF_ACTIVITY]
        + [(TermKind.TARGET.value, slug) for slug in TARGET_GROUPS]
        + [(TermKind.LANGUAGE.value, code) for code in LANGUAGE_CODES]
    )
    existing = set(term_model.objects.values_list("kind", "slug"))
    missing = [
        term_model(kind=kind, slug=slug) for kind, slug in wanted if (kind, slug) not in existing
    ]
    term_model.objects.bulk_create(missing)
    return len(missing)


class MergeConflict(Exception):
    """Two associations cannot be merged (the same one, or data that would clash)."""


def refresh_search_text(*, organisation) -> None:
    """Recompute the search words after the many-to-many fields changed (one UPDATE)."""

    Organisation.objects.filter(pk=organisation.pk).update(
        search_text=build_search_text(organisation)
    )


def _note(organisation, text, actor=None):

    HistoryEntry.objects.create(organisation=organisation, text=text[:300], actor=actor)


@transaction.atomic
def update_organisation_profile(*, form, actor):
    """Save the profile form (fields, many-to-many, logo) and the search words.

    Side effects: one history entry. Raises nothing beyond database errors.
    """
    organisation = form.save()
    refresh_search_text(organisation=organisation)
    _note(organisation, "Profile changed", actor)
    return organisation


@transaction.atomic
def verify_organisation(*, organisation, actor):
    """Mark as verified by staff (idempotent); history entry."""

    if organisation.status != Organisation.Status.VERIFIED:
        organisation.status = Organisation.Status.VERIFIED
        organisation.verified_at = timezone.now()
        organisation.archived_at = None
        organisation.save(update_fields=["status", "verified_at", "archived_at"])
        _note(organisation, "Verified", actor)
    return organisation


@transaction.atomic
def archive_organisation(*, organisation, actor):
    """Archive a dormant association: it leaves the public directory, its data stays."""

    if organisation.status != Organisation.Status.ARCHIVED:
        organisation.status = Organisation.Status.ARCHIVED
        organisation.archived_at = timezone.now()
        organisation.save(update_fields=["status", "archived_at"])
        _note(organisation, "Archived", actor)
    return organisation


@transaction.atomic
def merge_organisations(*, duplicate, target, actor):
    """Move everything that points to `duplicate` over to `target`, then archive `duplicate`.

    Works generically over every foreign key and many-to-many relation to Organisation, so
    relations added by later apps (registrations, ...) move too. Memberships of people who
    are already in `target` are folded into theirs (the higher role wins). Empty profile
    fields of `target` are filled from `duplicate`. Raises MergeConflict; nothing is changed
    then (one transaction).
    """

    if duplicate.pk == target.pk:
        raise MergeConflict(_("An association cannot be merged with itself."))
    # Memberships: unique per (user, organisation).
    for membership in Membership.objects.filter(organisation=duplicate):
        existing = Membership.objects.filter(organisation=target, user=membership.user_id).first()
        if existing is None:
            membership.organisation = target
            membership.save(update_fields=["organisation"])
            continue
        if membership.role == Membership.Role.ADMIN and existing.role != Membership.Role.ADMIN:
            existing.role = Membership.Role.ADMIN
            existing.save(update_fields=["role"])
        membership.delete()
    moved = []
    for relation in Organisation._meta.get_fields():
        if not relation.auto_created or relation.concrete:
            continue
        if relation.related_model is Membership:
            continue
        if relation.one_to_many or relation.one_to_one:
            field = relation.field
            objects = relation.related_model._base_manager.filter(**{field.name: duplicate})
            if relation.related_model is Organisation and field.name == "merged_into":
                objects = objects.exclude(pk=target.pk)
            try:
                with transaction.atomic():
                    count = objects.update(**{field.name: target})
            except IntegrityError as error:
                raise MergeConflict(
                    _("Some data of both associations clashes (%(what)s).")
                    % {"what": relation.related_model._meta.verbose_name}
                ) from error
            if count:
                moved.append(f"{count} {relation.related_model._meta.model_name}")
        elif relation.many_to_many:
            accessor = relation.get_accessor_name()
            for obj in getattr(duplicate, accessor).all():
                getattr(obj, relation.field.name).remove(duplicate)
                getattr(obj, relation.field.name).add(target)
    for name in ("fields", "target_groups", "languages"):
        getattr(target, name).add(*getattr(duplicate, name).all())
    for name in (
        "short_name", "legal_form", "register_number", "founding_year", "description",
        "street", "postcode", "website", "contact_email", "members_range", "municipality",
    ):  # fmt: skip
        if not getattr(target, name) and getattr(duplicate, name):
            setattr(target, name, getattr(duplicate, name))
    target.save()
    refresh_search_text(organisation=target)
    duplicate.status = Organisation.Status.ARCHIVED
    duplicate.archived_at = timezone.now()
    duplicate.is_published = False
    duplicate.merged_into = target
    duplicate.register_number = ""
    duplicate.save()
    _note(target, f"Merged with {duplicate.name} ({duplicate.slug}): {', '.join(moved)}", actor)
    _note(duplicate, f"Merged into {target.name} ({target.slug})", actor)
    return target


@transaction.atomic
def invite_colleague(*, organisation, email, role, invited_by, language):
    """Create an invitation with a secret token and queue its email."""

    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email.strip().lower(),
        role=role,
        token=secrets.token_urlsafe(32),
        invited_by=invited_by,
    )
    transaction.on_commit(
        lambda: tasks_of("directory").send_invitation.enqueue(
            invitation_id=invitation.pk, language=language
        )
    )
    return invitation


@transaction.atomic
def accept_invitation(*, invitation, user):
    """Make `user` a member (or admin) of the invitation's association; the link then expires.

    Idempotent for a membership that exists already (the higher role wins).
    """

    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    if not created and invitation.role == Membership.Role.ADMIN:
        membership.role = Membership.Role.ADMIN
        membership.save(update_fields=["role"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


def contact_recipients(organisation) -> list[str]:
    """Where the contact form relays to: the contact email, else the association's admins."""

    if organisation.contact_email:
        return [organisation.contact_email]
    return list(
        Membership.objects.filter(organisation=organisation, role=Membership.Role.ADMIN)
        .filter(~Q(user__email=""))
        .values_list("user__email", flat=True)
    )


def is_verified_email(user, email: str) -> bool:
    """Whether `email` is a verified address of the signed-in `user` (allauth)."""
    if not getattr(user, "is_authenticated", False) or not email:
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def send_contact_message(
    *, organisation, sender_name, sender_email, message, language, user=None
) -> bool:
    """Queue the message to the association; addresses stay hidden.

    A copy goes to the sender only when `sender_email` is a verified address of the
    signed-in `user`: the relay never mails an address someone merely typed. Returns whether
    a copy is sent.
    """
    send_copy = is_verified_email(user, sender_email)
    tasks_of("directory").relay_contact_message.enqueue(
        organisation_id=organisation.pk,
        sender_name=sender_name,
        sender_email=sender_email,
        message=message,
        language=language,
        send_copy=send_copy,
    )
    return send_copy
