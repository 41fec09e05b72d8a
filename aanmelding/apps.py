from django.apps import AppConfig


class AanmeldingConfig(AppConfig):
    # Registration rounds, registrations and information evenings.
    name = "aanmelding"
    verbose_name = "Aanmelding"
