from django.apps import AppConfig


class FormsConfig(AppConfig):
    # Shared form machinery for every public form (spam protection, consent,
    # signed links, mail outbox, CSV export). Filled in with the forms issue.
    name = "forms"
    verbose_name = "Formulieren"
