from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "vernetzt.accounts"
    # Not "Accounts": allauth's email addresses are listed under that name in the back office.
    verbose_name = _("People and roles")
