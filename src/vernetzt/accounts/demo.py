"""Demo accounts, one per role. Emails under the reserved .example domain."""

from allauth.account.models import EmailAddress

from vernetzt.core.management.commands.demo import DEMO_PASSWORD

from .models import User

# (email, role shown in the login list)
DEMO_USERS = [
    ("staff@vernetzt.example", "staff"),
    ("vereinsadmin@vernetzt.example", "association admin"),
    ("mitglied@vernetzt.example", "member"),
    ("forum@vernetzt.example", "forum host"),
    ("ministerium@vernetzt.example", "funder"),
]

_PROFILES = {
    "staff@vernetzt.example": {
        "first_name": "Sam",
        "last_name": "Beispiel-Team",
        "is_staff": True,
        "is_superuser": True,
    },
    "vereinsadmin@vernetzt.example": {"first_name": "Aylin", "last_name": "Beispiel"},
    "mitglied@vernetzt.example": {"first_name": "Kofi", "last_name": "Beispiel"},
    "forum@vernetzt.example": {
        "first_name": "Mira",
        "last_name": "Beispiel",
        "is_forum_host": True,
    },
    "ministerium@vernetzt.example": {
        "first_name": "Jonas",
        "last_name": "Beispiel",
        "is_funder": True,
    },
}


def demo_loaded() -> bool:
    return User.objects.filter(email=DEMO_USERS[0][0]).exists()


def load(stdout):
    for email, _role in DEMO_USERS:
        user, created = User.objects.update_or_create(email=email, defaults=_PROFILES[email])
        if created or not user.has_usable_password():
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    stdout.write(f"  {len(DEMO_USERS)} demo accounts")
