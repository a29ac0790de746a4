from django.core.management.base import BaseCommand

from vernetzt.registration import services


class Command(BaseCommand):
    help = "Send the reminder to confirmed people of meetings in the next days (once each)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=2)

    def handle(self, *args, days, **options):
        count = services.queue_reminders(days_before=days)
        self.stdout.write(f"{count} reminders queued")
