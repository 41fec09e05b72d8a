from django.apps import AppConfig


class FormsConfig(AppConfig):
    # Shared form machinery for every public form (spam protection, rate
    # limit, consent, signed links, mail outbox, CSV export); see __init__.py.
    name = "forms"
    verbose_name = "Formulieren"

    def import_models(self):
        super().import_models()
        # The editor-built form pages stand on forms.base, which needs forms.models: they live in
        # their own module (forms.models importing it would be an import cycle), loaded here.
        from . import form_pages  # noqa: F401

    def ready(self):
        from datetime import timedelta

        from home.periodic import register_periodic

        from .health import HEARTBEAT_INTERVAL, heartbeat
        from .tasks import clear_expired_data, send_pending_mail

        # The sweep catches mail whose worker crashed or whose retry is due.
        register_periodic(send_pending_mail, every=timedelta(minutes=5))
        # Expired sessions and rate-limit counts hold (hashed) traces of visitors: gone within minutes.
        register_periodic(clear_expired_data, every=timedelta(minutes=5))
        # /healthz and the dashboard know the worker runs by the heartbeat's finished row (forms/health.py).
        register_periodic(heartbeat, every=HEARTBEAT_INTERVAL)
