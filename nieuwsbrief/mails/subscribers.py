"""Mails to (future) subscribers: the confirm mail, the welcome after confirming, and 'je bent al aangemeld'.

The confirm mail and 'al aangemeld' go to an address whose owner may not have asked for them (anyone can type
an address into the form), so each goes at most once a day per address
(``forms.mail.may_send_confirmation``), and neither says more than that
someone asked with this address.
"""

from forms.mail import may_send_confirmation, queue_mail

from .. import links

CONFIRM_TEMPLATE = "nieuwsbrief/mail/confirm"
ALREADY_TEMPLATE = "nieuwsbrief/mail/already_subscribed"
WELCOME_TEMPLATE = "nieuwsbrief/mail/welcome"
CONFIRM_SUBJECT = "Bevestig je aanmelding voor de nieuwsbrief buurtpreventie"
ALREADY_SUBJECT = "Je bent al aangemeld voor de nieuwsbrief buurtpreventie"
WELCOME_SUBJECT = "Je bent aangemeld voor de nieuwsbrief buurtpreventie"
# The outbox copies of these go when the address goes (nieuwsbrief.privacy); mails of other apps to
# the same address stay for as long as those apps keep them.
SUBJECTS = (CONFIRM_SUBJECT, ALREADY_SUBJECT, WELCOME_SUBJECT)
# Per address, one of each a day, whoever sends the form: the purposes of may_send_confirmation().
ALREADY_PURPOSE = "nieuwsbrief-already-subscribed"


def queue_confirmation(subscriber, request=None):
    """The double opt-in: a link to a page with the button that activates. Returns the mail, or None if
    one went to this address in the last day."""
    if not may_send_confirmation(links.CONFIRM_PURPOSE, subscriber.email):
        return None
    return queue_mail(
        [subscriber.email],
        CONFIRM_SUBJECT,
        CONFIRM_TEMPLATE,
        {
            "confirm_url": links.confirm_url(subscriber, request),
            "days": links.CONFIRM_MAX_AGE.days,
        },
    )


def queue_already_subscribed(subscriber, request=None):
    """The address is active already: tell its owner, with their personal page. None if one went today."""
    if not may_send_confirmation(ALREADY_PURPOSE, subscriber.email):
        return None
    return queue_mail(
        [subscriber.email],
        ALREADY_SUBJECT,
        ALREADY_TEMPLATE,
        {"manage_url": links.manage_url(subscriber, request)},
    )


def queue_welcome(subscriber, request=None):
    """After the button in the confirm mail: you are subscribed, and here is your personal page."""
    return queue_mail(
        [subscriber.email],
        WELCOME_SUBJECT,
        WELCOME_TEMPLATE,
        {"manage_url": links.manage_url(subscriber, request), "wijk": subscriber.wijk},
    )
