from django.apps import AppConfig


class AanmeldingConfig(AppConfig):
    # Registration rounds, registrations and information evenings.
    name = "aanmelding"
    verbose_name = "Aanmelding"

    def ready(self):
        from home.page_cache import register_content_model

        from .models import RegistrationRound

        # The home page shows the current round.
        register_content_model(RegistrationRound)
