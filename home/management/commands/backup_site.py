"""``python manage.py backup_site``: the database and the uploaded files in one backup (home/backups.py)."""

from django.core.management.base import BaseCommand, CommandError

from home import backups


class Command(BaseCommand):
    help = (
        "Maakt een back-up van de database en de geüploade bestanden, in een nieuwe map onder BACKUP_DIR "
        "(standaard var/backups). Kan terwijl de site draait."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", help="Map voor de back-up, in plaats van BACKUP_DIR.")
        parser.add_argument("--keep", type=int, help="Bewaar alleen de nieuwste zoveel back-ups in die map.")

    def handle(self, *args, output_dir=None, keep=None, **options):
        try:
            if keep is not None and keep < 1:
                raise backups.BackupError("--keep moet minstens 1 zijn: anders blijft er geen back-up over.")
            path = backups.make_backup(output_dir)
            removed = backups.prune(keep, path.parent) if keep is not None else []
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        manifest = backups.read_manifest(path)
        if options["verbosity"] > 0:
            media = manifest["media"]
            files = (
                f"{media['files']} bestanden"
                if media["storage"] == "filesystem"
                else "geen bestanden (die staan in de objectopslag)"
            )
            self.stdout.write(f"Back-up gemaakt: {path}")
            self.stdout.write(f"Database ({backups.ENGINE_NAMES[manifest['database']['engine']]}) en {files}.")
            for old in removed:
                self.stdout.write(f"Oude back-up verwijderd: {old}")
