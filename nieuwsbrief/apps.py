from datetime import timedelta

from django.apps import AppConfig


class NieuwsbriefConfig(AppConfig):
    # Practice examples, subscribers, newsletter issues and their sending.
    name = "nieuwsbrief"
    verbose_name = "Nieuwsbrief"

    def ready(self):
        from wagtail.signals import page_published

        from forms.outbox_admin import register_mail_source
        from home.page_cache import register_content_model
        from home.periodic import register_periodic

        from .mails.practice import mail_submitter_after_publish
        from .models import PracticeExamplePage, Theme
        from .tasks import purge_expired_personal_data, sweep_newsletter_sendings

        # Example pages show their themes' names.
        register_content_model(Theme)
        # In the read-only outbox, the newsletter's mails (subscriptions, shared examples) for its editors.
        register_mail_source(self.label, "nieuwsbrief.manage_subscribers")
        register_periodic(purge_expired_personal_data, every=timedelta(hours=24))
        # Sendings whose worker died, and retries that came due, are picked up within minutes.
        register_periodic(sweep_newsletter_sendings, every=timedelta(minutes=3))
        # A submitted example published by an editor: its sender gets the link, once.
        page_published.connect(
            mail_submitter_after_publish, sender=PracticeExamplePage, dispatch_uid="practice_example_published_mail"
        )
