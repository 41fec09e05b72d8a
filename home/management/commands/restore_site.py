"""``python manage.py restore_site <map>``: put a backup of backup_site back (home/backups.py)."""

from django.core.management.base import BaseCommand, CommandError

from home import backups


class Command(BaseCommand):
    help = (
        "Zet een back-up terug in een lege database, met de geüploade bestanden, en voert daarna de "
        "migraties uit. Stop eerst de site, de worker en de planner."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="De map van de back-up, bijvoorbeeld var/backups/buurtpreventie-…")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overschrijf ook een database die niet leeg is. Alles wat erin staat, gaat verloren.",
        )

    def handle(self, *args, backup, force=False, **options):
        try:
            result = backups.restore(backup, force=force, stdout=self.stdout)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 0:
            manifest = result["manifest"]
            self.stdout.write(f"Back-up van {manifest['created_at']} teruggezet.")
            if result["media_files"] is None:
                self.stdout.write("Geen bestanden teruggezet: die staan in de objectopslag.")
            else:
                self.stdout.write(f"{result['media_files']} bestanden teruggezet.")
            self.stdout.write("De migraties zijn uitgevoerd. Start de site, de worker en de planner weer.")
