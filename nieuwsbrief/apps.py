from django.apps import AppConfig


class NieuwsbriefConfig(AppConfig):
    # Practice examples, subscribers, newsletter issues and their sending.
    name = "nieuwsbrief"
    verbose_name = "Nieuwsbrief"
