"""Mails to whoever sent in a practice example: the receipt, and the link once it is published."""

from django.db import transaction
from django.utils import timezone

from forms.mail import absolute_url, queue_mail

from ..models import PracticeExamplePage, PracticeExampleSubmission


def queue_received(submission, page):
    """The receipt: what happens next (the editors look at it first)."""
    queue_mail(
        [submission.email],
        "We hebben je praktijkvoorbeeld ontvangen",
        "nieuwsbrief/mail/example_received",
        {"name": submission.name, "title": page.title},
    )


def page_link(page):
    """The page's full address for a mail (Wagtail gives a full URL already when there are several sites)."""
    url = page.get_url()
    return url if url.startswith(("http://", "https://")) else absolute_url(url)


def queue_published(submission, page):
    queue_mail(
        [submission.email],
        "Je praktijkvoorbeeld staat op de website",
        "nieuwsbrief/mail/example_published",
        {"name": submission.name, "title": page.title, "page_url": page_link(page)},
    )


def mail_submitter_after_publish(sender, instance, **kwargs):
    """``page_published`` receiver: the submitter hears once, at the first publication, where it is.

    The mail is claimed with a conditional UPDATE in the same transaction: publishing
    again (a correction, say), or two publications at once, sends nothing more.
    """
    if not isinstance(instance, PracticeExamplePage):
        return
    with transaction.atomic():
        claimed = (
            PracticeExampleSubmission.objects.filter(
                page=instance, published_mail_queued_at__isnull=True, personal_data_removed_at__isnull=True
            )
            .exclude(email="")
            .update(published_mail_queued_at=timezone.now())
        )
        if claimed:
            queue_published(PracticeExampleSubmission.objects.get(page=instance), instance)
