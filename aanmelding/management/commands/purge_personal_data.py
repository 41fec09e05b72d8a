from django.core.management.base import BaseCommand

from aanmelding.privacy import purge_personal_data


class Command(BaseCommand):
    help = (
        "Verwijder persoonsgegevens uit aanmeldingen waarvan het aanmeldmoment langer dan de bewaartermijn "
        "geleden sloot, uit aanmeldingen voor informatiebijeenkomsten die langer dan de bewaartermijn geleden "
        "waren, en onbevestigde verzoeken om bericht. Anonieme aantallen blijven."
    )

    def handle(self, *args, **options):
        purged, alerts, signups = purge_personal_data()
        self.stdout.write(
            f"Aanmeldingen opgeschoond: {purged}; onbevestigde verzoeken verwijderd: {alerts}; "
            f"aanmeldingen voor informatiebijeenkomsten opgeschoond: {signups}."
        )
