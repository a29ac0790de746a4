"""What publishing holds about a person: photos they uploaded, and photos of their meetings
whose caption or credit names them. Erasure empties those texts; the photos themselves stay
(a person shown in a photo is handled through the photo consent, not by a name)."""

from django.db.models import Q

from vernetzt.registration.models import Registration

from .models import Photo


def _full_names(person) -> set[str]:
    return {name for name in person.names if "@" not in name}


def _photos(person):
    events = Registration.objects.filter(pk__in=person.registration_ids).values("event_id")
    named = Q()
    for name in _full_names(person):
        named |= Q(caption__icontains=name) | Q(credit__iexact=name)
    mine = Q(uploaded_by_id=person.user_id) if person.user_id else Q(pk__in=[])
    if named:
        mine |= Q(event_id__in=events) & named
    return Photo.objects.filter(mine)


def personal_data(person) -> dict:
    rows = [
        {
            "meeting": photo.event.title,
            "caption": photo.caption,
            "credit": photo.credit,
            "uploaded_by_you": bool(person.user_id and photo.uploaded_by_id == person.user_id),
            "uploaded_at": photo.created_at.isoformat(),
        }
        for photo in _photos(person).select_related("event")
    ]
    return {"photos": rows} if rows else {}


def erase_personal_data(person) -> dict:
    names = _full_names(person)
    changed = 0
    for photo in _photos(person):
        fields = []
        if any(name.lower() in photo.caption.lower() for name in names):
            photo.caption = ""
            fields.append("caption")
        if photo.credit.strip().lower() in {name.lower() for name in names}:
            photo.credit = "–"
            fields.append("credit")
        if fields:
            photo.save(update_fields=fields)
            changed += 1
    return {"photo captions and credits emptied": changed}
