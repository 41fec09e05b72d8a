"""The subscriber's links: confirm, the personal page (wijk, unsubscribe) and one-click unsubscribe.

All read a signed token (``nieuwsbrief.links``) and change nothing on GET:
mail scanners follow links. An expired, damaged or gone link shows
``forms/link_invalid.html``'s texts with the way back to the subscribe page.
"""

from django import forms as django_forms
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

from forms.consent import municipality_settings
from forms.rendering import AccessibleFormMixin
from forms.retention import DEFAULT_RETENTION_DAYS
from forms.views import INVALID_LINK_TEXTS, ConfirmActionView

from .. import links
from ..forms.subscribers import WIJK_MESSAGE
from ..hooks import wijk_choices
from ..mails import subscribers as mails
from ..models import Subscriber


class SubscriberLinkMixin:
    """A subscriber's link: the invalid-link page says how to subscribe again."""

    model = Subscriber
    invalid_template_name = "nieuwsbrief/link_invalid.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(subscribe_page=links.subscribe_page(), **kwargs)

    def invalid_link(self, reason):
        status, title, text = INVALID_LINK_TEXTS[reason]
        context = {"reason": reason, "title": title, "text": text, "subscribe_page": links.subscribe_page()}
        return TemplateResponse(self.request, self.invalid_template_name, context, status=status)


class ConfirmSubscriptionView(SubscriberLinkMixin, ConfirmActionView):
    """The link in the confirm mail: a button; only its POST makes the subscriber active."""

    purpose = links.CONFIRM_PURPOSE
    max_age = links.CONFIRM_MAX_AGE
    title = "Aanmelding voor de nieuwsbrief bevestigen"
    explanation = "Bevestig dat je de nieuwsbrief over buurtpreventie wilt ontvangen op dit e-mailadres."
    button_label = "Ja, ik wil de nieuwsbrief ontvangen"
    done_title = "Je bent aangemeld voor de nieuwsbrief"
    done_text = (
        "Je krijgt de volgende nieuwsbrief per e-mail. We sturen je een mail met de link naar je persoonlijke "
        "pagina; daar, en onder elke nieuwsbrief, kun je je weer afmelden."
    )
    used_title = "Je aanmelding is al bevestigd"
    used_text = "Je krijgt de nieuwsbrief al. Je hoeft niets meer te doen."
    done_template_name = "nieuwsbrief/subscription_done.html"

    def get_object(self, pk):
        # An unsubscribed address needs a new request: an old confirm link does not bring it back.
        return Subscriber.objects.exclude(status=Subscriber.Status.UNSUBSCRIBED).filter(pk=pk).first()

    def is_used(self, subscriber):
        return subscriber.is_active

    def perform(self, subscriber):
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.is_pending:
            subscriber.confirm()
            mails.queue_welcome(subscriber, self.request)
        self.object = subscriber


class WijkForm(AccessibleFormMixin, django_forms.Form):
    wijk = django_forms.ChoiceField(
        label="Welke wijk interesseert je het meest?",
        required=False,
        error_messages={"invalid_choice": WIJK_MESSAGE},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = wijk_choices()


class ManageSubscriptionView(SubscriberLinkMixin, ConfirmActionView):
    """The subscriber's personal page (the link in every mail): change the wijk, unsubscribe.

    Two small POST forms (CSRF-protected), told apart by ``action``; after
    either, the page is shown again and says what changed. Both are safe to
    send twice.
    """

    purpose = links.MANAGE_PURPOSE
    max_age = links.MANAGE_MAX_AGE
    template_name = "nieuwsbrief/manage_subscription.html"
    title = "Je aanmelding voor de nieuwsbrief"

    UNSUBSCRIBED_MESSAGE = "Je bent afgemeld. Je krijgt de nieuwsbrief niet meer."
    WIJK_SAVED_MESSAGE = "Je keuze is opgeslagen."

    def get(self, request, *args, **kwargs):
        return self.render()

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "unsubscribe":
            with transaction.atomic():
                self.object = Subscriber.objects.select_for_update().get(pk=self.object.pk)
                self.object.unsubscribe()
            return self.render(message=self.UNSUBSCRIBED_MESSAGE)
        if action == "wijk" and self.object.is_active:
            form = WijkForm(request.POST)
            if not form.is_valid():
                return self.render(wijk_form=form)
            with transaction.atomic():
                self.object = Subscriber.objects.select_for_update().get(pk=self.object.pk)
                if self.object.is_active:
                    self.object.change_wijk(form.cleaned_data["wijk"])
            return self.render(message=self.WIJK_SAVED_MESSAGE)
        return self.render()

    def render(self, wijk_form=None, message=None):
        subscriber = self.object
        if wijk_form is None and subscriber.is_active:
            wijk_form = WijkForm(initial={"wijk": subscriber.wijk})
        municipality = municipality_settings(self.request)
        context = self.get_context_data(
            subscriber=subscriber,
            wijk_form=wijk_form,
            message=message,
            retention_days=municipality.retention_days if municipality else DEFAULT_RETENTION_DAYS,
        )
        return TemplateResponse(self.request, self.template_name, context)


@method_decorator(csrf_exempt, name="dispatch")
class OneClickUnsubscribeView(SubscriberLinkMixin, ConfirmActionView):
    """RFC 8058 one-click unsubscribe: the URL of ``List-Unsubscribe``.

    A mail program POSTs ``List-Unsubscribe=One-Click`` without CSRF token or
    cookies: that unsubscribes at once and answers 200, also the second time
    and for an address already erased (it gets nothing either way). CSRF-exempt
    for this view only: the signed token in the URL is what proves the right to
    unsubscribe. GET shows a button (a plain form to this URL; mail scanners
    follow GET links). Neither answer touches the session or sets a cookie, and
    ``ConfirmActionView`` marks both never-cache. An expired or damaged token
    changes nothing and gets 410 or 400.
    """

    purpose = links.UNSUBSCRIBE_PURPOSE
    max_age = links.UNSUBSCRIBE_MAX_AGE
    template_name = "nieuwsbrief/unsubscribe.html"
    done_template_name = "nieuwsbrief/subscription_done.html"
    title = "Afmelden voor de nieuwsbrief"
    explanation = "Wil je de nieuwsbrief over buurtpreventie niet meer ontvangen?"
    button_label = "Ja, meld mij af"
    done_title = "Je bent afgemeld"
    done_text = "Je krijgt de nieuwsbrief niet meer. Wil je hem later toch weer? Meld je dan opnieuw aan."
    used_title = done_title
    used_text = "Je was al afgemeld: je krijgt de nieuwsbrief niet meer. Je hoeft niets meer te doen."

    def is_used(self, subscriber):
        return subscriber.is_unsubscribed

    def invalid_link(self, reason):
        if reason == "gone":
            # The address was erased after unsubscribing: it gets nothing, which is what was asked.
            return self.used(self.request)
        return super().invalid_link(reason)

    def perform(self, subscriber):
        Subscriber.objects.select_for_update().get(pk=subscriber.pk).unsubscribe()
