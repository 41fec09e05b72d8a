from datetime import timedelta

from django.apps import AppConfig


class TerugkoppelingConfig(AppConfig):
    # Patrol reports through team links, public-space signals, and published general feedback.
    name = "terugkoppeling"
    verbose_name = "Terugkoppeling"

    def ready(self):
        from forms.outbox_admin import register_mail_source
        from home.page_cache import register_content_model
        from home.periodic import register_periodic

        from .models import PatrolReport, Signal
        from .permissions import HANDLE_SIGNALS_PERMISSION
        from .tasks import purge_expired_report_text

        # Feedback pages show figures computed from reports and signals: a change empties the
        # page cache (and the figures kept in it), so the figures are never stale.
        register_content_model(PatrolReport)
        register_content_model(Signal)
        register_mail_source(self.label, HANDLE_SIGNALS_PERMISSION)
        register_periodic(purge_expired_report_text, every=timedelta(hours=24))
