"""`manage.py notify_network_matches`: email associations whose open requests new offers fit.

Run it once a day (or more often: each association gets at most one such email a day).
"""

from django.core.management.base import BaseCommand

from vernetzt.network import services


class Command(BaseCommand):
    help = "Email associations about new offers that fit their open requests (max. once a day)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="offers of the last N days")

    def handle(self, *args, days, **options):
        told = services.notify_matches(days=days)
        self.stdout.write(f"{told} associations told")
