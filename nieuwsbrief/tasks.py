"""Background tasks of the newsletter. Safe to run twice; the sending tasks take primary keys."""

from django_tasks import task

from . import batches
from .privacy import purge_practice_submissions, purge_subscribers


@task()
def purge_expired_personal_data():
    unconfirmed, unsubscribed = purge_subscribers()
    return {
        "practice_submissions": purge_practice_submissions(),
        "unconfirmed_subscribers": unconfirmed,
        "unsubscribed_subscribers": unsubscribed,
    }


@task()
def send_newsletter_batch(sending_id):
    """Send the next batch of one sending and enqueue the one after (``nieuwsbrief.batches``); returns the outcomes."""
    can_defer = send_newsletter_batch.get_backend().supports_defer
    outcomes, run_after = batches.run_batches(sending_id, can_defer=can_defer)
    if run_after is not None:
        send_newsletter_batch.using(run_after=run_after).enqueue(sending_id)
    return dict(outcomes)


@task()
def sweep_newsletter_sendings():
    """Restart sendings whose worker died or whose retries came due; returns the sending ids enqueued."""
    restarted = batches.sendings_to_restart()
    for sending_id in restarted:
        send_newsletter_batch.enqueue(sending_id)
    return restarted
