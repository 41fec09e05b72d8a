from django.apps import AppConfig


class FormsConfig(AppConfig):
    # Shared form machinery for every public form (spam protection, rate
    # limit, consent, signed links, mail outbox, CSV export); see __init__.py.
    name = "forms"
    verbose_name = "Formulieren"
