"""Load the demo data: `manage.py demo` (idempotent), `--reset` (start again), `--if-empty`.

Each app that has demo data provides `vernetzt.<app>.demo.load(stdout)`; they run in the
order of INSTALLED_APPS, so later apps can use what earlier ones created. The command imports
no app: it asks the AppConfigs (`demo_loaded()`, `demo_logins()`; accounts answers both).
"""

from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from vernetzt.core.hooks import ask_apps

DEMO_PASSWORD = "vernetzt-demo"  # noqa: S105 - printed on purpose, demo accounts only


class Command(BaseCommand):
    help = "Load the demo data (two meetings from the sources, fictional associations)."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Empty the database first.")
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if the demo data is loaded."
        )

    def handle(self, *args, reset=False, if_empty=False, **options):
        if reset:
            call_command("flush", interactive=False, verbosity=0)
        if if_empty and any(ask_apps("demo_loaded")):
            self.stdout.write("Demo data already loaded.")
        else:
            for app_config in apps.get_app_configs():
                if not app_config.name.startswith("vernetzt."):
                    continue
                try:
                    module = import_module(f"{app_config.name}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{app_config.name}.demo":
                        raise
                    continue
                with transaction.atomic():
                    module.load(self.stdout)
            from vernetzt.core import demo_translations  # noqa: PLC0415

            with transaction.atomic():
                demo_translations.load(self.stdout)
            self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write("")
        self.stdout.write(
            f"Demo logins (password for all: {DEMO_PASSWORD}; or log in by emailed code):"
        )
        for email, role in [login for part in ask_apps("demo_logins") for login in part]:
            self.stdout.write(f"  {role:<22} {email}")
