"""The personal links in newsletter mails: confirm, manage (change wijk, unsubscribe) and one-click unsubscribe.

Each is a signed, expiring token (``forms.tokens``) for the subscriber's pk,
with a purpose of its own. Confirm and manage links are sub-pages of the live
``SubscribePage`` (routes ``confirm`` and ``manage``); the one-click
unsubscribe link (RFC 8058) is the plain URL ``nieuwsbrief_unsubscribe``,
because it must accept a POST without CSRF token or cookies.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse

from forms.consent import municipality_settings
from forms.mail import absolute_url
from forms.tokens import make_token

from .models import SubscribePage
from .models.subscribers import CONFIRM_DAYS

CONFIRM_PURPOSE = "nieuwsbrief-confirm"
# Unconfirmed requests are purged after the same time.
CONFIRM_MAX_AGE = timedelta(days=CONFIRM_DAYS)
MANAGE_PURPOSE = "nieuwsbrief-manage"
UNSUBSCRIBE_PURPOSE = "nieuwsbrief-unsubscribe"
# A subscriber may unsubscribe from an old issue: the links in a mail work for a long time.
MANAGE_MAX_AGE = UNSUBSCRIBE_MAX_AGE = timedelta(days=2 * 365)


def subscribe_page():
    """The live subscription page, whose sub-pages the confirm and manage links open; None without one."""
    return SubscribePage.live_page()


def _page_link(route, token, request=None):
    page = subscribe_page()
    if page is None:
        raise LookupError("No live SubscribePage: there is no page for the newsletter's links.")
    return absolute_url(page.url + page.reverse_subpage(route, args=[token]), request)


def confirm_url(subscriber, request=None):
    return _page_link("confirm", make_token(CONFIRM_PURPOSE, subscriber.pk), request)


def manage_url(subscriber, request=None):
    return _page_link("manage", make_token(MANAGE_PURPOSE, subscriber.pk), request)


def unsubscribe_url(subscriber, request=None):
    token = make_token(UNSUBSCRIBE_PURPOSE, subscriber.pk)
    return absolute_url(reverse("nieuwsbrief_unsubscribe", args=[token]), request)


def unsubscribe_mailto(request=None):
    """The mailto of ``List-Unsubscribe``: to the municipality's contact address, which people read.

    Nothing reads mail automatically: an editor unsubscribes the sender's
    address in the admin (Nieuwsbrief → Abonnees). Mail programs that offer
    the https link (almost all) unsubscribe at once instead.
    """
    municipality = municipality_settings(request)
    address = (municipality.contact_email if municipality else "") or settings.DEFAULT_FROM_EMAIL
    return f"mailto:{address}?subject=Afmelden%20voor%20de%20nieuwsbrief"


def _list_unsubscribe(unsubscribe, mailto):
    return {
        "List-Unsubscribe": f"<{unsubscribe}>, <{mailto}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def list_unsubscribe_headers(subscriber, request=None):
    """``List-Unsubscribe`` (https and mailto) and ``List-Unsubscribe-Post`` (RFC 2369, RFC 8058).

    The https link unsubscribes at once on a POST; the mailto is ``unsubscribe_mailto()``.
    """
    return _list_unsubscribe(unsubscribe_url(subscriber, request), unsubscribe_mailto(request))


class PersonalLinks:
    """The personal links and headers of many newsletter mails, each as the functions above make it.

    Django's ``reverse()`` compiles a new pattern for every token it is given;
    for a batch of mails the paths are reversed once with a stand-in and each
    subscriber's token is put in its place (tokens are letters, digits, - and _).
    """

    STAND_IN = "nieuwsbriefTokenStandIn"

    def __init__(self, request=None):
        page = subscribe_page()
        if page is None:
            raise LookupError("No live SubscribePage: there is no page for the newsletter's links.")
        manage = absolute_url(page.url + page.reverse_subpage("manage", args=[self.STAND_IN]), request)
        unsubscribe = absolute_url(reverse("nieuwsbrief_unsubscribe", args=[self.STAND_IN]), request)
        # (before, after) the token: only the token's own place is filled in.
        self.manage = manage.rpartition(self.STAND_IN)[::2]
        self.unsubscribe = unsubscribe.rpartition(self.STAND_IN)[::2]
        self.mailto = unsubscribe_mailto(request)

    def for_subscriber(self, subscriber):
        """``(manage_url, unsubscribe_url, list_unsubscribe_headers)`` of one subscriber."""
        manage = make_token(MANAGE_PURPOSE, subscriber.pk).join(self.manage)
        unsubscribe = make_token(UNSUBSCRIBE_PURPOSE, subscriber.pk).join(self.unsubscribe)
        return manage, unsubscribe, _list_unsubscribe(unsubscribe, self.mailto)
