from django.core.management.base import BaseCommand

from vernetzt.registration import services


class Command(BaseCommand):
    help = "Delete dietary, accessibility and interpretation answers N weeks after a meeting."

    def add_arguments(self, parser):
        parser.add_argument("--weeks", type=int, default=4)

    def handle(self, *args, weeks, **options):
        count = services.purge_sensitive_answers(weeks=weeks)
        self.stdout.write(f"{count} registrations purged")
