"""Mails about information evenings and interim evaluations: sign-up, moving up from the waitlist,
cancellation, change, reminder. Each names the meeting by its kind (``InfoEveningPage.kind_word``)."""

from datetime import timedelta

from django.utils import timezone

from forms import mail as forms_mail
from forms.mail import absolute_url
from forms.tokens import make_token

from .. import evening_calendar
from ..models import EveningSignup
from ..models.rounds import in_words
from . import NOTICE, SOURCE, queue_mail

CANCEL_PURPOSE = "evening-cancel"
CANCEL_MAX_AGE = timedelta(days=365)


def cancel_url(signup, evening, request=None):
    token = make_token(CANCEL_PURPOSE, signup.pk)
    return absolute_url(evening.url + evening.reverse_subpage("cancel", args=[token]), request)


def queue_signup_received(signup, evening=None, request=None):
    """Confirmation (a seat, or a place on the waitlist) with the cancel link; the worker writes it.

    The sign-up's request only queues the row (``forms.mail.queue_mail_later``):
    the templates and the .ics cost the worker's time, not the resident's
    wait. It is written with the status the sign-up got. ``evening`` and
    ``request`` are not needed (links come from ``WAGTAILADMIN_BASE_URL``).
    """
    forms_mail.queue_mail_later(
        build_signup_received,
        signup.pk,
        signup.status,
        to=[signup.email],
        key=f"evening-signup:{signup.pk}",
        source=SOURCE,
    )


@forms_mail.mail_builder
def build_signup_received(signup_pk, status):
    """The confirmation of a sign-up as it was made (``status``); None once it is gone or cancelled."""
    signup = EveningSignup.objects.select_related("evening").filter(pk=signup_pk).first()
    if signup is None or signup.is_cancelled:
        return None
    signup.status = status  # as at the sign-up: a later move up gets its own mail
    evening = signup.evening
    if signup.is_confirmed:
        day = in_words(evening.starts_at, "j F")
        subject = f"Je bent aangemeld voor de {evening.kind_word()} van {day}"
        first = f"Je hebt een plaats voor {signup.persons_text()} bij de {evening.kind_word()} ‘{evening.title}’."
    else:
        subject = f"Je staat op de wachtlijst voor de {evening.kind_word()}"
        first = (
            f"De {evening.kind_word()} ‘{evening.title}’ is vol. "
            f"Je staat op de wachtlijst met {signup.persons_text()}. {signup.waitlist_place_text()} "
            "Komt er een plaats vrij, dan schuif je vanzelf door en krijg je van ons een mail."
        )
    paragraphs = [
        first,
        f"Wanneer: {evening.when_text()}.",
        f"Waar: {evening.where_text()}.",
        "Kun je toch niet? Annuleer dan via de link hieronder, zodat iemand anders je plaats kan krijgen.",
    ]
    if signup.is_confirmed:
        paragraphs.insert(3, "In de bijlage zit de afspraak voor je agenda.")
    return forms_mail.MailContent(
        subject,
        NOTICE,
        {
            "greeting": f"Beste {signup.name},",
            "paragraphs": paragraphs,
            "action_url": cancel_url(signup, evening),
            "action_label": "Aanmelding annuleren",
        },
        attachments=[evening_calendar.attachment(evening)] if signup.is_confirmed else [],
    )


def queue_promoted(signup, evening):
    """A seat came free: the waitlisted resident now has one."""
    queue_mail(
        [signup.email],
        f"Er is een plaats vrijgekomen: je bent aangemeld voor de {evening.kind_word()}",
        NOTICE,
        {
            "greeting": f"Beste {signup.name},",
            "paragraphs": [
                f"Goed nieuws: er is een plaats vrijgekomen. Je bent nu aangemeld met {signup.persons_text()} "
                f"voor de {evening.kind_word()} ‘{evening.title}’.",
                f"Wanneer: {evening.when_text()}.",
                f"Waar: {evening.where_text()}.",
                "In de bijlage zit de afspraak voor je agenda.",
                "Kun je toch niet? Annuleer dan via de link hieronder.",
            ],
            "action_url": cancel_url(signup, evening),
            "action_label": "Aanmelding annuleren",
        },
        attachments=[evening_calendar.attachment(evening)],
    )


def queue_cancelled(signup, evening, had_seat, request=None, sequence=None):
    """Confirms a cancellation; takes the evening out of the agenda of whoever had a seat.

    ``sequence``: the CANCEL's SEQUENCE (``aanmelding.seats.retire_calendar_entry``).
    """
    paragraphs = [
        f"Je aanmelding voor de {evening.kind_word()} ‘{evening.title}’ ({evening.when_text()}) is geannuleerd.",
        "Wil je toch komen? Meld je dan opnieuw aan op de pagina van de bijeenkomst, zolang dat kan.",
    ]
    if had_seat:
        paragraphs.insert(1, "Met de bijlage haal je de afspraak weer uit je agenda.")
    queue_mail(
        [signup.email],
        f"Je aanmelding voor de {evening.kind_word()} is geannuleerd",
        NOTICE,
        {
            "greeting": f"Beste {signup.name},",
            "paragraphs": paragraphs,
            "action_url": absolute_url(evening.url, request),
            "action_label": "Naar de bijeenkomst",
        },
        attachments=(
            [evening_calendar.attachment(evening, evening_calendar.CANCEL, request, sequence)] if had_seat else []
        ),
    )


def queue_changed(signup, evening):
    """The time or place changed: the new details, and for a seat the updated calendar entry."""
    paragraphs = [
        f"De tijd of de plaats van de {evening.kind_word()} ‘{evening.title}’ is veranderd. "
        "Dit zijn de nieuwe gegevens:",
        f"Wanneer: {evening.when_text()}.",
        f"Waar: {evening.where_text()}.",
    ]
    if signup.is_confirmed:
        paragraphs.append(
            f"Je plaats voor {signup.persons_text()} blijft gewoon staan. Met de bijlage zet je de nieuwe tijd "
            "en plaats in je agenda; de oude afspraak wordt dan bijgewerkt."
        )
    else:
        paragraphs.append("Je staat nog steeds op de wachtlijst. Komt er een plaats vrij, dan krijg je een mail.")
    paragraphs.append("Kun je nu niet meer? Annuleer dan via de link hieronder, zodat iemand anders je plaats krijgt.")
    queue_mail(
        [signup.email],
        f"Gewijzigd: de {evening.kind_word()} is nu op {in_words(evening.starts_at, 'l j F')}",
        NOTICE,
        {
            "greeting": f"Beste {signup.name},",
            "paragraphs": paragraphs,
            "action_url": cancel_url(signup, evening),
            "action_label": "Aanmelding annuleren",
        },
        attachments=[evening_calendar.attachment(evening)] if signup.is_confirmed else [],
    )


def day_word(evening):
    """'Morgen', or 'Vandaag' when a worker that was down catches up on the day itself."""
    return "Vandaag" if timezone.localdate(evening.starts_at) == timezone.localdate() else "Morgen"


def queue_reminder(signup, evening):
    """The day before: when, where, what to bring, and the cancel link."""
    paragraphs = [
        f"{day_word(evening)} is de {evening.kind_word()} ‘{evening.title}’. "
        f"Je bent aangemeld met {signup.persons_text()}.",
        f"Wanneer: {evening.when_text()}.",
        f"Waar: {evening.where_text()}.",
    ]
    if evening.accessibility_notes:
        paragraphs.append(f"Bereikbaarheid en toegankelijkheid: {evening.accessibility_notes}")
    if evening.is_evaluation:
        paragraphs.append("Denk alvast na: wat gaat goed in je team of app-groep, en wat kan beter?")
    paragraphs.append("Kun je toch niet? Annuleer dan via de link hieronder, dan geven we je plaats aan een ander.")
    day = in_words(evening.starts_at, "l j F")
    queue_mail(
        [signup.email],
        f"Herinnering: {evening.kind_word()} buurtpreventie op {day}",
        NOTICE,
        {
            "greeting": f"Beste {signup.name},",
            "paragraphs": paragraphs,
            "action_url": cancel_url(signup, evening),
            "action_label": "Aanmelding annuleren",
        },
    )
