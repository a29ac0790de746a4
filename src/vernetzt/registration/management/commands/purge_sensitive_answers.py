from django.core.management.base import BaseCommand

from vernetzt.registration.retention import purge_sensitive_answers


class Command(BaseCommand):
    help = (
        "Delete the sensitive answers (food, access, interpretation, and questions staff "
        "marked sensitive) and every copy of them N weeks after a meeting."
    )

    def add_arguments(self, parser):
        parser.add_argument("--weeks", type=int, default=None, help="Default: 4 (settings).")

    def handle(self, *args, weeks, **options):
        count = purge_sensitive_answers(weeks=weeks)
        self.stdout.write(f"{count} registrations purged")
