from datetime import timedelta

from django.apps import AppConfig


class AanmeldingConfig(AppConfig):
    # Registration rounds, registrations and information evenings.
    name = "aanmelding"
    verbose_name = "Aanmelding"

    def ready(self):
        from forms.outbox_admin import register_mail_source
        from home.page_cache import register_content_model
        from home.periodic import register_periodic

        from .models import RegistrationRound
        from .permissions import HANDLE_PERMISSION
        from .tasks import notify_open_round, purge_expired_personal_data, remind_evening_signups

        # The home page shows the current round.
        register_content_model(RegistrationRound)
        # In the read-only outbox, registration and sign-up mails only for those who handle them.
        register_mail_source(self.label, HANDLE_PERMISSION)
        register_periodic(notify_open_round, every=timedelta(minutes=5))
        register_periodic(purge_expired_personal_data, every=timedelta(hours=24))
        register_periodic(remind_evening_signups, every=timedelta(minutes=15))

        from wagtail.signals import page_published

        from .models import InfoEveningPage
        from .seats import announce_change_after_publish, promote_after_publish

        # A new time or place published: everyone signed up hears it, with the updated calendar entry
        # (first, so that residents moved up by the next handler get the new entry only).
        page_published.connect(
            announce_change_after_publish, sender=InfoEveningPage, dispatch_uid="evening_announce_change"
        )
        # More seats published: the waitlist moves up at once.
        page_published.connect(promote_after_publish, sender=InfoEveningPage, dispatch_uid="evening_promote_waitlist")
