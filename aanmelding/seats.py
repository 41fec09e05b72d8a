"""The seats of an information evening: taking one, giving one back, and the waitlist moving up.

Every change runs with the evening's row locked (``SELECT ... FOR UPDATE`` on
PostgreSQL; SQLite lets one writer in at a time anyway), so concurrent
sign-ups and cancellations never overfill the room or promote anyone twice.
Each queues its mails in the same transaction (``aanmelding.mails.evenings``).
"""

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from .mails import evenings as evening_mails
from .models import EveningSignup, InfoEveningPage


def lock_evening(pk):
    """The evening, its row locked until the transaction ends."""
    return InfoEveningPage.objects.select_for_update().get(pk=pk)


class NetworkFull(Exception):
    """The network a sign-up comes from holds its share of the evening already."""

    def __init__(self, cap):
        super().__init__(f"{cap} seats per network")
        self.cap = cap


def sign_up(evening, network_key="", **data):
    """Create a sign-up: confirmed if the party fits in the seats left, otherwise waitlisted.

    The evening row is locked for the counts and the insert. Raises
    ``NetworkFull`` when the party would bring the persons signed up from
    ``network_key``'s network (``forms.ratelimit.network_key``; empty: no cap)
    over the evening's ``seats_per_network``, so that scripts on many addresses
    of one network cannot take every seat and the waitlist; and
    IntegrityError if the address already has an active sign-up for this evening.
    """
    with transaction.atomic():
        locked = lock_evening(evening.pk)
        signup = EveningSignup(evening=locked, network_key=network_key, **data)
        if network_key:
            cap = locked.seats_per_network
            # Both counts in one statement: the network's persons and the seats taken.
            counts = locked.signups.aggregate(
                network=Sum("persons", filter=Q(network_key=network_key) & ~Q(status=EveningSignup.Status.CANCELLED)),
                confirmed=Sum("persons", filter=Q(status=EveningSignup.Status.CONFIRMED)),
            )
            locked.confirmed_seats = counts["confirmed"] or 0  # what seats_left() counts
            if (counts["network"] or 0) + signup.persons > cap:
                raise NetworkFull(cap)
        fits = signup.persons <= locked.seats_left()
        locked.__dict__.pop("confirmed_seats", None)  # the insert below changes it: counted afresh by later callers
        signup.status = EveningSignup.Status.CONFIRMED if fits else EveningSignup.Status.WAITLISTED
        signup.save()
        return signup


def cancel(signup, moment=None):
    """Cancel and let the waitlist move up, in one locked transaction. Safe to repeat.

    The resident gets a cancellation mail; returns the sign-ups promoted from
    the waitlist (each gets a mail).
    """
    with transaction.atomic():
        evening = lock_evening(signup.evening_id)
        current = EveningSignup.objects.get(pk=signup.pk)
        if current.is_cancelled:
            signup.status, signup.email_key, signup.cancelled_at = current.status, None, current.cancelled_at
            return []
        had_seat = current.is_confirmed
        current.status = EveningSignup.Status.CANCELLED
        current.cancelled_at = moment or timezone.now()
        current.save(update_fields=["status", "email_key", "cancelled_at"])
        signup.status, signup.email_key, signup.cancelled_at = current.status, None, current.cancelled_at
        sequence = retire_calendar_entry(evening) if had_seat else None
        evening_mails.queue_cancelled(current, evening, had_seat=had_seat, sequence=sequence)
        return promote_waitlist(evening)


def raise_calendar_sequence(evening, by=1):
    """Raise the evening's calendar SEQUENCE; the caller holds the evening lock."""
    evening.calendar_sequence += by
    InfoEveningPage.objects.filter(pk=evening.pk).update(calendar_sequence=evening.calendar_sequence)


def retire_calendar_entry(evening):
    """The SEQUENCE for a CANCEL of the evening's entry: above every PUBLISH so far, below every later one.

    Calendar programs ignore a version whose SEQUENCE is not higher than the one they
    hold, so a resident who cancels and signs up again must get a higher one again.
    """
    raise_calendar_sequence(evening, by=2)
    return evening.calendar_sequence - 1


def promote_waitlist(evening):
    """Move up waitlisted sign-ups whose party fits, oldest first; the caller holds the evening lock.

    Not once the evening has started: a seat for something that already began is no news.
    """
    promoted = []
    if evening.starts_at <= timezone.now():
        return promoted
    left = evening.seats_left()
    for signup in evening.signups.filter(status=EveningSignup.Status.WAITLISTED).order_by("created_at", "pk"):
        if left <= 0:
            break
        if signup.persons <= left:
            signup.status = EveningSignup.Status.CONFIRMED
            signup.save(update_fields=["status", "email_key"])
            left -= signup.persons
            evening_mails.queue_promoted(signup, evening)
            promoted.append(signup)
    return promoted


def announce_change_after_publish(sender, instance, **kwargs):
    """Signal handler (Wagtail's ``page_published``): a new time or place goes to everyone signed up.

    Confirmed residents get the updated calendar entry (a higher SEQUENCE, so their
    calendar moves the entry), waitlisted ones the news; returns who was mailed.
    The first publication only records the time and place; a past evening mails no one.
    """
    with transaction.atomic():
        evening = lock_evening(instance.pk)
        fingerprint = evening.calendar_fingerprint()
        if fingerprint == evening.calendar_published:
            return []
        first_publication = not evening.calendar_published
        InfoEveningPage.objects.filter(pk=evening.pk).update(calendar_published=fingerprint)
        if first_publication or evening.ends_at <= timezone.now():
            return []
        raise_calendar_sequence(evening)
        active = [EveningSignup.Status.CONFIRMED, EveningSignup.Status.WAITLISTED]
        signups = list(evening.signups.filter(status__in=active).order_by("created_at", "pk"))
        for signup in signups:
            evening_mails.queue_changed(signup, evening)
        return signups


def promote_after_publish(sender, instance, **kwargs):
    """Signal handler (Wagtail's ``page_published``): more seats published move the waitlist up."""
    with transaction.atomic():
        return promote_waitlist(lock_evening(instance.pk))
