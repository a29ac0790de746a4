import time

from django.core.management.base import BaseCommand, CommandError

from vernetzt.core.schedule import all_jobs, run_due


class Command(BaseCommand):
    help = (
        "Run the periodic jobs that are due (reminders, purges, ...). Run it every 15 minutes "
        "from cron, or once with --loop as its own process. --list shows the jobs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", dest="list_jobs", action="store_true", help="list the jobs")
        parser.add_argument("--force", action="store_true", help="run every job now")
        parser.add_argument("--job", default="", help="run only this job")
        parser.add_argument(
            "--loop", type=int, default=0, metavar="MINUTES", help="repeat every MINUTES"
        )

    def handle(self, *args, list_jobs, force, job, loop, **options):
        jobs = all_jobs()
        if list_jobs:
            for entry in jobs:
                self.stdout.write(
                    f"{entry.name}\tevery {entry.every_minutes} min\t{entry.description}"
                )
            return
        if job and job not in {entry.name for entry in jobs}:
            raise CommandError(f"unknown job {job!r}; see --list")
        while True:
            for name, summary in run_due(force=force, only=job):
                self.stdout.write(f"{name}: {summary}")
            if not loop:
                return
            time.sleep(loop * 60)
