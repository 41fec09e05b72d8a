"""Demo content: the page 'Nieuwsbrief ontvangen' under the home page and a few subscribers
(example.org addresses: three active, one waiting for confirmation, one unsubscribed).
Idempotent: the page is found by slug, subscribers by address; nothing is changed afterwards."""

from datetime import timedelta

from django.utils import timezone

from home.demo import Summary, ensure_page, get_home_page

from ..hooks import wijk_names
from ..models import SubscribePage, Subscriber
from ..workflow import ensure_newsletter_group

SLUG = "nieuwsbrief"
TITLE = "Nieuwsbrief ontvangen"
INTRO = (
    "<p>Een paar keer per jaar sturen we een nieuwsbrief over buurtpreventie: praktijkvoorbeelden van "
    "teams, tips, en de aanmeldmomenten en informatiebijeenkomsten die eraan komen.</p>"
)
DESCRIPTION = "Meld je aan voor de nieuwsbrief over buurtpreventie: voorbeelden van teams, tips en de agenda."

# (address, status, days ago requested, wijk index or None)
SUBSCRIBERS = [
    ("anne.demo@example.org", Subscriber.Status.ACTIVE, 120, 0),
    ("bram.demo@example.org", Subscriber.Status.ACTIVE, 90, None),
    ("fatima.demo@example.org", Subscriber.Status.ACTIVE, 30, 1),
    ("wacht.demo@example.org", Subscriber.Status.PENDING, 1, None),
    ("afgemeld.demo@example.org", Subscriber.Status.UNSUBSCRIBED, 200, 2),
]


def load(stdout):
    summary = Summary("Nieuwsbrief: aanmelden")
    # The group's rights on the subscribers and the outbox (migration 0004), restated for an emptied database.
    ensure_newsletter_group()
    home = get_home_page()
    if home is not None:
        ensure_page(
            home,
            SubscribePage,
            SLUG,
            report=summary,
            title=TITLE,
            intro=INTRO,
            search_description=DESCRIPTION,
        )
    names = wijk_names()
    now = timezone.now()
    for email, status, days_ago, wijk_index in SUBSCRIBERS:
        requested = now - timedelta(days=days_ago)
        wijk = names[wijk_index % len(names)] if names and wijk_index is not None else ""
        subscriber, created = Subscriber.objects.get_or_create(
            email=email, defaults={"status": status, "wijk": wijk, "created_at": requested}
        )
        if created:
            subscriber.record_consent(requested)
            if status != Subscriber.Status.PENDING:
                subscriber.confirmed_at = requested + timedelta(minutes=10)
            if status == Subscriber.Status.UNSUBSCRIBED:
                subscriber.unsubscribed_at = now - timedelta(days=7)
            subscriber.save()
        summary.add(f"abonnee {email} ({subscriber.get_status_display()})", created)
    summary.write(stdout)
