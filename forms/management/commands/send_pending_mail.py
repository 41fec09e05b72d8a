import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from forms import outbox
from forms.tasks import send_and_schedule_retry


class Command(BaseCommand):
    help = (
        "Verstuur alle uitgaande mails die klaarstaan: nooit ingepland, wachtend op een nieuwe poging of "
        "achtergelaten door een vastgelopen verzender. Verwijdert daarna oude verzonden mails."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=int,
            default=0,
            help="Blijf draaien en kijk elke zoveel seconden opnieuw (0: één keer).",
        )

    def handle(self, *args, interval=0, **options):
        while True:
            sent = outbox.send_due_mail(send=send_and_schedule_retry)
            deleted = outbox.delete_old_mail()
            if options["verbosity"] > 0 and (sent or deleted or not interval):
                self.stdout.write(f"Verzonden: {sent}; oude mails verwijderd: {deleted}.")
            if not interval:
                return
            time.sleep(interval)
            # Like a request: drop a connection that died or grew old while waiting.
            close_old_connections()
