"""Mails about information evenings, all through the forms outbox (queued in the caller's transaction)."""

from datetime import timedelta

from django.utils import timezone
from django.utils.formats import date_format

from forms.mail import queue_mail
from forms.tokens import make_token

from . import evening_calendar
from .mails import NOTICE, absolute_url

CANCEL_PURPOSE = "evening-cancel"
CANCEL_MAX_AGE = timedelta(days=365)


def when(evening):
    starts = timezone.localtime(evening.starts_at)
    ends = timezone.localtime(evening.ends_at)
    return f"{date_format(starts, 'l j F Y')} van {date_format(starts, 'H:i')} tot {date_format(ends, 'H:i')} uur"


def where(evening):
    return f"{evening.location_name}, {evening.location_address}"


def persons_text(signup):
    return "1 persoon" if signup.persons == 1 else f"{signup.persons} personen"


def cancel_url(signup, evening, request=None):
    token = make_token(CANCEL_PURPOSE, signup.pk)
    return absolute_url(evening, evening.reverse_subpage("cancel", args=[token]), request)


def queue_signup_received(signup, evening, request=None):
    """Confirmation (a seat, or a place on the waitlist) with the cancel link."""
    if signup.is_confirmed:
        day = date_format(timezone.localtime(evening.starts_at), "j F")
        subject = f"Je bent aangemeld voor de informatiebijeenkomst van {day}"
        first = f"Je hebt een plaats voor {persons_text(signup)} bij de informatiebijeenkomst ‘{evening.title}’."
    else:
        subject = "Je staat op de wachtlijst voor de informatiebijeenkomst"
        first = (
            f"De informatiebijeenkomst ‘{evening.title}’ is vol. Je staat op de wachtlijst met {persons_text(signup)}. "
            "Komt er een plaats vrij, dan schuif je vanzelf door en krijg je van ons een mail."
        )
    paragraphs = [
        first,
        f"Wanneer: {when(evening)}.",
        f"Waar: {where(evening)}.",
        "Kun je toch niet? Annuleer dan via de link hieronder, zodat iemand anders je plaats kan krijgen.",
    ]
    if signup.is_confirmed:
        paragraphs.insert(3, "In de bijlage zit de afspraak voor je agenda.")
    queue_mail(
        [signup.email],
        subject,
        NOTICE,
        {
            "greeting": f"Beste {signup.name},",
            "paragraphs": paragraphs,
            "action_url": cancel_url(signup, evening, request),
            "action_label": "Aanmelding annuleren",
        },
        attachments=[evening_calendar.attachment(evening, request=request)] if signup.is_confirmed else [],
    )


def queue_promoted(signup, evening):
    """A seat came free: the waitlisted resident now has one."""
    queue_mail(
        [signup.email],
        "Er is een plaats vrijgekomen: je bent aangemeld voor de informatiebijeenkomst",
        NOTICE,
        {
            "greeting": f"Beste {signup.name},",
            "paragraphs": [
                f"Goed nieuws: er is een plaats vrijgekomen. Je bent nu aangemeld met {persons_text(signup)} "
                f"voor de informatiebijeenkomst ‘{evening.title}’.",
                f"Wanneer: {when(evening)}.",
                f"Waar: {where(evening)}.",
                "In de bijlage zit de afspraak voor je agenda.",
                "Kun je toch niet? Annuleer dan via de link hieronder.",
            ],
            "action_url": cancel_url(signup, evening),
            "action_label": "Aanmelding annuleren",
        },
        attachments=[evening_calendar.attachment(evening)],
    )


def queue_cancelled(signup, evening, had_seat, request=None):
    """Confirms a cancellation; takes the evening out of the agenda of whoever had a seat."""
    paragraphs = [
        f"Je aanmelding voor de informatiebijeenkomst ‘{evening.title}’ ({when(evening)}) is geannuleerd.",
        "Wil je toch komen? Meld je dan opnieuw aan op de pagina van de bijeenkomst, zolang dat kan.",
    ]
    if had_seat:
        paragraphs.insert(1, "Met de bijlage haal je de afspraak weer uit je agenda.")
    queue_mail(
        [signup.email],
        "Je aanmelding voor de informatiebijeenkomst is geannuleerd",
        NOTICE,
        {
            "greeting": f"Beste {signup.name},",
            "paragraphs": paragraphs,
            "action_url": absolute_url(evening, request=request),
            "action_label": "Naar de bijeenkomst",
        },
        attachments=[evening_calendar.attachment(evening, evening_calendar.CANCEL, request)] if had_seat else [],
    )


def day_word(evening):
    """'Morgen', or 'Vandaag' when a worker that was down catches up on the day itself."""
    return "Vandaag" if timezone.localdate(evening.starts_at) == timezone.localdate() else "Morgen"


def queue_reminder(signup, evening):
    """The day before: when, where, what to bring, and the cancel link."""
    paragraphs = [
        f"{day_word(evening)} is de informatiebijeenkomst ‘{evening.title}’. "
        f"Je bent aangemeld met {persons_text(signup)}.",
        f"Wanneer: {when(evening)}.",
        f"Waar: {where(evening)}.",
    ]
    if evening.accessibility_notes:
        paragraphs.append(f"Bereikbaarheid en toegankelijkheid: {evening.accessibility_notes}")
    paragraphs.append("Kun je toch niet? Annuleer dan via de link hieronder, dan geven we je plaats aan een ander.")
    day = date_format(timezone.localtime(evening.starts_at), "l j F")
    queue_mail(
        [signup.email],
        f"Herinnering: informatiebijeenkomst buurtpreventie op {day}",
        NOTICE,
        {
            "greeting": f"Beste {signup.name},",
            "paragraphs": paragraphs,
            "action_url": cancel_url(signup, evening),
            "action_label": "Aanmelding annuleren",
        },
    )
