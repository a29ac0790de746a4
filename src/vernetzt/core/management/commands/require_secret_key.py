from django.core.management.base import BaseCommand

from vernetzt.core.startup import require_secret_key


class Command(BaseCommand):
    help = "Stop with a one-line message when DEBUG is off and SECRET_KEY is unset or the default."
    requires_system_checks = []

    def handle(self, *args, **options):
        require_secret_key()
