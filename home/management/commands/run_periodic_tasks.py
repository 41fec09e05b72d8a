import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from home.periodic import enqueue_due_tasks, registered


class Command(BaseCommand):
    help = "Zet periodieke taken (mail-achtervang, opschonen van persoonsgegevens) op tijd in de wachtrij."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Zet de taken één keer in de wachtrij en stop.")
        parser.add_argument("--tick", type=int, default=30, help="Kijk elke zoveel seconden of er iets moet.")

    def handle(self, *args, once=False, tick=30, **options):
        if options["verbosity"] > 0:
            names = ", ".join(f"{entry.task.module_path} (elke {entry.interval})" for entry in registered())
            self.stdout.write(f"Periodieke taken: {names or 'geen'}")
        while True:
            for name in enqueue_due_tasks():
                if options["verbosity"] > 1:
                    self.stdout.write(f"In de wachtrij: {name}")
            if once:
                return
            time.sleep(tick)
            close_old_connections()
