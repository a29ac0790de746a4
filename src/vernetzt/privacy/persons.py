"""Who a person is, for export and erasure: an email address and what hangs on it.

A person has no table of their own: they are an email address that appears on
registrations (any meeting), on an account, on invitations, in contact messages. A
registration made by staff without an email is a person of its own (that registration only).

The hooks of the apps (`personal_data(person)`, `erase_personal_data(person)`) get a
`Person` and read only these attributes, so that no app imports this one.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q

from vernetzt.registration.models import Registration


def normalise(email: str | None) -> str:
    return (email or "").strip().lower()


@dataclass
class Person:
    """The keys by which the apps find a person's rows.

    - `email`: normalised, "" for a registration without email;
    - `registration_ids`: every registration of that email (or the one without email);
    - `user_id`: the account with that email, if any;
    - `device_ids`: live devices known to be theirs beyond the ones live recorded (the
      device of the request that asks, on the personal link);
    - `names`: texts that name the person (email, full names), collected before anything
      is erased, for the places that hold free text (task rows, the admin log, file names).
    """

    email: str
    registration_ids: list[int] = field(default_factory=list)
    user_id: int | None = None
    device_ids: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)

    @property
    def addresses(self) -> set[str]:
        """The email addresses among `names`: precise enough to search other people's rows
        (a full name alone could be someone else's)."""
        return {name for name in self.names if "@" in name}

    @property
    def is_known(self) -> bool:
        return bool(self.registration_ids or self.user_id)


def _names(registrations, user) -> set[str]:
    names = set()
    for registration in registrations:
        if registration.erased_at:
            continue
        for value in (registration.email, registration.full_name):
            if value and len(value.strip()) >= 4:  # a short name would match unrelated text
                names.add(value.strip())
    if user is not None:
        for value in (user.email, user.get_full_name()):
            if value and len(value.strip()) >= 4:
                names.add(value.strip())
    return names


def find_person(email: str, *, device_ids=()) -> Person:
    """The person behind an email address (case and spaces do not matter)."""
    email = normalise(email)
    user = get_user_model().objects.filter(email__iexact=email).first() if email else None
    mine = Q(email_normalised=email) | (Q(user=user) if user else Q(pk__in=[]))
    registrations = list(Registration.objects.filter(mine)) if email else []
    return Person(
        email=email,
        registration_ids=[r.pk for r in registrations],
        user_id=user.pk if user else None,
        device_ids=set(device_ids),
        names=_names(registrations, user) | ({email} if email else set()),
    )


def person_of_registration(registration: Registration, *, device_ids=()) -> Person:
    """The person of a personal link: everyone with its email, or just this registration."""
    if registration.email_normalised:
        return find_person(registration.email_normalised, device_ids=device_ids)
    return Person(
        email="",
        registration_ids=[registration.pk],
        device_ids=set(device_ids),
        names=_names([registration], None),
    )
