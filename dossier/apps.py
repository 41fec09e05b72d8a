from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "dossier"
    verbose_name = "Dossier buurtpreventie"

    def ready(self):
        from home.page_cache import register_content_model

        from .models import Role

        register_content_model(Role)
