"""The mails of the registration workflow and of 'houd mij op de hoogte'."""

from datetime import timedelta

from django.urls import reverse

from forms.consent import municipality_settings
from forms.mail import absolute_url
from forms.tokens import make_token

from . import NOTICE, queue_mail

WITHDRAW_PURPOSE = "registration-withdraw"
WITHDRAW_MAX_AGE = timedelta(days=365)
ALERT_CONFIRM_PURPOSE = "round-alert-confirm"
ALERT_CONFIRM_MAX_AGE = timedelta(days=7)
ALERT_CANCEL_PURPOSE = "round-alert-cancel"
ALERT_CANCEL_MAX_AGE = timedelta(days=730)

# Who sees what an applicant tells us: word for word as the privacy statement says it
# (home.demo.texts.INTAKE_WHO_SEES; tests/home/test_privacy_statement.py holds the two together).
INTAKE_WHO_SEES = (
    "Je aanmelding zien alleen de medewerkers van de gemeente die aanmeldingen behandelen. "
    "Bij het intakegesprek is ook de wijkagent of de coördinator van je wijk. "
    "Die krijgt je naam en hoort wat je vertelt. "
    "Je andere gegevens en de aantekeningen van het gesprek blijven bij de gemeente."
)


def info_evening_paragraphs(round_, request=None):
    """Points an applicant to the round's information evening, if one is planned."""
    evening = round_.next_info_evening()
    if evening is None:
        return []
    return [
        f"Kom ook naar de informatiebijeenkomst ‘{evening.title}’: {evening.when_text()}, {evening.where_text()}. "
        f"Daar hoor je wat er van iedereen verwacht wordt. De plaatsen zijn beperkt; meld je aan via "
        f"{absolute_url(evening.url, request)}"
    ]


def team_paragraphs(registration):
    """For "join a team": the team the applicant chose, or that we help choose."""
    if registration.kind != registration.Kind.JOIN_TEAM:
        return []
    if registration.team is None:
        return ["Je wist nog niet bij welk team je wilt aansluiten. We helpen je kiezen in het intakegesprek."]
    return [f"Je wilt aansluiten bij team ‘{registration.team.name}’."]


def queue_registration_received(registration, page, request=None):
    """Confirmation to the applicant, with the withdraw link; a notice to the municipality."""
    token = make_token(WITHDRAW_PURPOSE, registration.pk)
    paragraphs = [
        f"We hebben je aanmelding voor buurtpreventie ontvangen. Je referentienummer is {registration.reference}.",
        f"Je meldde je aan voor: {registration.get_kind_display().lower()}, in de wijk {registration.wijk}.",
        *team_paragraphs(registration),
        *page.mail_paragraphs("confirmation_mail_text"),
        *info_evening_paragraphs(registration.round, request),
        INTAKE_WHO_SEES,
        "Wil je je aanmelding intrekken? Dat kan via de link hieronder. Je gegevens worden dan meteen verwijderd.",
    ]
    municipality = municipality_settings(request)
    queue_mail(
        [registration.email],
        f"We hebben je aanmelding ontvangen ({registration.reference})",
        NOTICE,
        {
            "greeting": f"Beste {registration.name},",
            "paragraphs": paragraphs,
            "action_url": absolute_url(page.url + page.reverse_subpage("withdraw", args=[token]), request),
            "action_label": "Aanmelding intrekken",
        },
        # "Antwoord op deze mail" must reach the people who handle registrations.
        reply_to=municipality.contact_email if municipality else None,
    )
    admin_path = reverse("aanmelding_registration_modeladmin_edit", args=[registration.pk])
    queue_mail(
        [municipality.notification_email],
        f"Nieuwe aanmelding buurtpreventie {registration.reference}",
        NOTICE,
        {
            "greeting": "Hallo,",
            "paragraphs": [
                f"Er is een nieuwe aanmelding binnengekomen voor aanmeldmoment ‘{registration.round}’.",
                f"Soort: {registration.get_kind_display()}. Wijk: {registration.wijk}.",
            ],
            "action_url": absolute_url(admin_path),
            "action_label": "Bekijk de aanmelding in het beheer",
        },
    )


def queue_status_mail(registration, page, personal_line=""):
    """The editable mail for the registration's new status (invitation, admission, rejection).

    ``personal_line``: the handler's own words (the intake date and place, say), after the
    page's text; escaped in the HTML part like every paragraph. Returns the outbox row.
    """
    subject, paragraphs = page.status_mail(registration.status)
    if personal_line:
        paragraphs = [*paragraphs, personal_line]
    return queue_mail(
        [registration.email],
        f"{subject} ({registration.reference})",
        NOTICE,
        {"greeting": f"Beste {registration.name},", "paragraphs": paragraphs},
    )


def queue_round_alert_confirmation(alert, page, request=None):
    token = make_token(ALERT_CONFIRM_PURPOSE, alert.pk)
    queue_mail(
        [alert.email],
        "Bevestig je e-mailadres voor buurtpreventie",
        NOTICE,
        {
            "greeting": "Hallo,",
            "paragraphs": [
                "Je vroeg om een bericht zodra je je weer kunt aanmelden voor buurtpreventie.",
                "Bevestig eerst dat dit jouw e-mailadres is. Deed je dit niet zelf? Dan hoef je niets te doen.",
            ],
            "action_url": absolute_url(page.url + page.reverse_subpage("confirm_round_alert", args=[token]), request),
            "action_label": "E-mailadres bevestigen",
        },
    )


def queue_round_open(alert, round_, page):
    token = make_token(ALERT_CANCEL_PURPOSE, alert.pk)
    queue_mail(
        [alert.email],
        "Je kunt je weer aanmelden voor buurtpreventie",
        NOTICE,
        {
            "greeting": "Hallo,",
            "paragraphs": [
                f"Het aanmeldmoment ‘{round_.title}’ is open. Aanmelden kan tot en met {round_.closes_in_words()}.",
                f"Aanmelden doe je op {absolute_url(page.url)}.",
                "Wil je deze berichten niet meer? Afmelden kan via "
                + absolute_url(page.url + page.reverse_subpage("cancel_round_alert", args=[token])),
            ],
            "action_url": absolute_url(page.url),
            "action_label": "Naar het aanmeldformulier",
        },
    )
