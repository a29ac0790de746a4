"""`manage.py export_person <email>`: all vernetzt holds about a person, as JSON on stdout."""

import json

from django.core.management.base import BaseCommand, CommandError

from vernetzt.privacy.persons import find_person
from vernetzt.privacy.services import export_person


class Command(BaseCommand):
    help = "Print all personal data held about the person with this email address (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        person = find_person(email)
        if not person.email:
            raise CommandError("Please give an email address.")
        data = export_person(person=person)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        if not person.is_known:
            self.stderr.write(f"Nobody with the email address {person.email} is known.")
