from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from adminlogin import second_factor


class Command(BaseCommand):
    help = (
        "Remove an admin user's second factor (authenticator app and recovery codes), e.g. after a lost phone. "
        "At the next login the user sets up the app again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"Er is geen gebruiker {username!r}.") from error
        removed = second_factor.reset(user)
        if removed:
            self.stdout.write(
                f"De tweestapsverificatie van {username} is gewist. "
                f"Bij de volgende keer inloggen stelt {username} de app opnieuw in."
            )
        else:
            self.stdout.write(f"{username} had geen app ingesteld. Er is niets gewist.")
