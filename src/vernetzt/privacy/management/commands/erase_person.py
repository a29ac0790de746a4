"""`manage.py erase_person <email> [--yes]`: remove or anonymise the person everywhere."""

from django.core.management.base import BaseCommand, CommandError

from vernetzt.privacy.persons import find_person
from vernetzt.privacy.services import erase_person


class Command(BaseCommand):
    help = (
        "Erase the person with this email address everywhere (registrations, answers, "
        "account, live questions, emails waiting to be sent, ...). Figures stay."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask for confirmation (for scripts)."
        )

    def handle(self, *args, email, yes, **options):
        person = find_person(email)
        if not person.email:
            raise CommandError("Please give an email address.")
        if not person.is_known:
            self.stdout.write(f"Nobody with the email address {person.email} is known.")
        self.stdout.write(
            f"{person.email}: {len(person.registration_ids)} registration(s), "
            f"{'an' if person.user_id else 'no'} account."
        )
        if not yes:
            answer = input(f"Erase {person.email} everywhere? This cannot be undone. [y/N] ")
            if answer.strip().lower() not in ("y", "yes", "j", "ja"):
                raise CommandError("Nothing erased.")
        summary = erase_person(person=person)
        for app, counts in summary.items():
            for what, number in counts.items():
                if number:
                    self.stdout.write(f"{app}: {what}: {number}")
        self.stdout.write(self.style.SUCCESS(f"Erased: {person.email}"))
