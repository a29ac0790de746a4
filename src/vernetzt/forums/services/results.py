"""Results of forums (needs and demands): record, support, merge, answer, tag."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from vernetzt.registration.models import Registration

from ..models import Forum, ResultItem, Support, Tag
from .setup import ForumError


def can_record(user, forum: Forum) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff:
        return True
    return bool(
        getattr(user, "is_forum_host", False) and forum.host_links.filter(user=user).exists()
    )


def record_item(
    *,
    forum: Forum,
    by,
    kind: str,
    text: str,
    tags=(),
    organisations=(),
    field_of_activity: str = "",
) -> ResultItem:
    """A forum host (of this forum) or staff records a result. Raises ForumError."""
    if not can_record(by, forum):
        raise ForumError(_("Only the hosts of this forum can record its results."))
    text = _checked_text(text, kind)
    with transaction.atomic():
        item = ResultItem.objects.create(
            forum=forum, kind=kind, text=text, created_by=by, field_of_activity=field_of_activity
        )
        item.tags.set(tags)
        item.organisations.set(organisations)
    return item


def can_change_recorded(user, item: ResultItem) -> bool:
    """Staff always; a host only their own item of their forum, until staff published it."""
    if not can_record(user, item.forum):
        return False
    return user.is_staff or (item.created_by_id == user.pk and not item.is_published)


def _checked_text(text: str, kind: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ForumError(_("Please write what was said."))
    if len(text) > 2000:
        raise ForumError(_("Please write at most %(max)d characters.") % {"max": 2000})
    if kind not in ResultItem.Kind.values:
        raise ForumError(_("Please choose from the list."))
    return text


def update_recorded_item(
    *,
    item: ResultItem,
    by,
    kind: str,
    text: str,
    tags=(),
    organisations=(),
    field_of_activity: str = "",
) -> ResultItem:
    """A host corrects what they recorded (before staff published it). Raises ForumError."""
    if not can_change_recorded(by, item):
        raise ForumError(_("Only unpublished items you recorded yourself can be changed."))
    text = _checked_text(text, kind)
    with transaction.atomic():
        item.kind, item.text, item.field_of_activity = kind, text, field_of_activity
        item.save(update_fields=["kind", "text", "field_of_activity"])
        item.tags.set(tags)
        item.organisations.set(organisations)
    return item


def delete_recorded_item(*, item: ResultItem, by) -> None:
    """A host removes what they recorded (before staff published it). Raises ForumError."""
    if not can_change_recorded(by, item):
        raise ForumError(_("Only unpublished items you recorded yourself can be deleted."))
    item.delete()


def support_item(*, item: ResultItem, registration: Registration) -> bool:
    """One vote per participant of the item's meeting. Returns False if already supported.
    Raises ForumError for another meeting's participant or a cancelled registration."""
    if item.forum.event_id != registration.event_id:
        raise ForumError(_("Only participants of this meeting can support its results."))
    if registration.status == Registration.Status.CANCELLED:
        raise ForumError(_("This registration is cancelled."))
    try:
        with transaction.atomic():
            Support.objects.create(item=item, registration=registration)
    except IntegrityError:
        return False
    return True


def merge_items(*, source: ResultItem, target: ResultItem) -> ResultItem:
    """Merge a duplicate into `target`: tags, associations and supports move over, the
    duplicate is hidden. Raises ForumError for the same item or a merged target."""
    if source.pk == target.pk:
        raise ForumError(_("An item cannot be merged into itself."))
    if target.merged_into_id:
        raise ForumError(_("This item is already merged into another one."))
    with transaction.atomic():
        target.tags.add(*source.tags.all())
        target.organisations.add(*source.organisations.all())
        existing = set(target.supports.values_list("registration_id", flat=True))
        for support in source.supports.all():
            if support.registration_id not in existing:
                Support.objects.create(item=target, registration_id=support.registration_id)
        source.supports.all().delete()
        ResultItem.objects.filter(merged_into=source).update(merged_into=target)
        source.merged_into = target
        source.is_published = False
        source.save(update_fields=["merged_into", "is_published"])
    return target


def answer_item(
    *, item: ResultItem, status: str, public_answer: str, is_published: bool
) -> ResultItem:
    """ "You said, we did": what the competence centre does about an item."""
    if status not in ResultItem.Status.values:
        raise ForumError(_("Please choose from the list."))
    item.status = status
    item.public_answer = (public_answer or "").strip()[:2000]
    item.is_published = is_published and item.merged_into_id is None
    if item.public_answer and not item.answered_at:
        item.answered_at = timezone.now()
    item.save()
    return item


def get_or_create_tag(*, name: str) -> Tag:
    name = name.strip()[:80]
    if not name:
        raise ForumError(_("Please enter a name."))
    tag = Tag.objects.filter(name__iexact=name).first()
    if tag:
        return tag
    base = slugify(name)[:70] or "tag"
    slug, number = base, 1
    while Tag.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return Tag.objects.create(name=name, slug=slug)
