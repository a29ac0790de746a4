"""`manage.py create_api_token <email>`: print a new personal API token for scripts."""

from django.core.management.base import BaseCommand, CommandError

from vernetzt.accounts.api_tokens import TokenError, create_api_token
from vernetzt.accounts.models import User


class Command(BaseCommand):
    help = "Create a personal API token for the person with this email and print it once."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="script")

    def handle(self, *args, email, name, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account with the email {email}.")
        try:
            _token, key = create_api_token(user=user, name=name)
        except TokenError as error:
            raise CommandError("This person has too many active tokens; revoke some.") from error
        self.stdout.write(key)
