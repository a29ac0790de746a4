from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "vernetzt.accounts"
    # Not "Accounts": allauth's email addresses are listed under that name in the back office.
    verbose_name = _("People and roles")

    def personal_data(self, person):
        """Export and erasure: what this app holds about a person (see vernetzt.privacy)."""
        from .personal_data import personal_data

        return personal_data(person)

    def erase_personal_data(self, person):
        from .personal_data import erase_personal_data

        return erase_personal_data(person)

    # AppConfig hooks import on call: apps.py is loaded before the models are ready.

    def demo_loaded(self) -> bool:
        """`manage.py demo --if-empty` asks: are the demo accounts there?"""
        from .demo import demo_loaded

        return demo_loaded()

    def demo_logins(self) -> list[tuple[str, str]]:
        """`manage.py demo` prints these (email, role) pairs after loading."""
        from .demo import DEMO_USERS

        return list(DEMO_USERS)
