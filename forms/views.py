"""Views shared by the public forms: mail links that act on POST, and sub-pages of form pages."""

from datetime import timedelta

from django.db import transaction
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache

from .tokens import ExpiredToken, InvalidToken, read_token

INVALID_LINK_TEXTS = {
    "expired": (
        410,
        "Deze link is verlopen",
        "De link in je e-mail is niet meer geldig, omdat hij te oud is. Er is niets veranderd.",
    ),
    "invalid": (
        400,
        "Deze link klopt niet",
        "De link is beschadigd of onvolledig. Kopieer de hele link uit je e-mail en probeer het opnieuw. "
        "Er is niets veranderd.",
    ),
    "gone": (
        404,
        "Deze link werkt niet meer",
        "Waar deze link over gaat, bestaat niet meer. Misschien is het al afgehandeld of verwijderd. "
        "Er is niets veranderd.",
    ),
}


@method_decorator(never_cache, name="dispatch")
class ConfirmActionView(View):
    """A link from a mail that changes something: GET shows a button, POST acts.

    Mail scanners and link previews follow GET links, so GET changes nothing;
    it shows an explanation and a button (a POST form with CSRF token). The
    POST reads the token again and calls ``perform(obj)`` inside a
    transaction. An expired token gets HTTP 410, a damaged one 400, a token for
    a row that no longer exists 404, all with ``forms/link_invalid.html``.

    Subclass and set::

        class CancelSignupView(ConfirmActionView):
            purpose = "evening-cancel"          # the same purpose as make_token()
            max_age = timedelta(days=60)
            model = EveningSignup
            title = "Aanmelding annuleren"
            explanation = "Wil je je aanmelding voor de informatiebijeenkomst annuleren?"
            button_label = "Ja, annuleer mijn aanmelding"
            done_title = "Je aanmelding is geannuleerd"
            done_text = "Bedankt voor het doorgeven."

            def perform(self, signup):
                seats.cancel(signup)

    with the URL ``path("annuleren/<str:token>/", CancelSignupView.as_view())``,
    or under a page: ``path("annuleren/<str:token>/", page_view(CancelSignupView), name="cancel")``
    in the page's ``subpage_urls`` (the view then has ``self.page``).
    ``perform()`` must be safe to run twice (a reload sends the POST again);
    override ``is_used(obj)`` so that a link opened again says it was used;
    it may return a response to use instead of the done page. Override
    ``get_object(pk)`` to narrow the rows, ``get_context_data(**kwargs)`` for
    texts that depend on the object.
    """

    purpose = None
    max_age = timedelta(days=30)
    model = None
    page = None  # the Wagtail page the link belongs to, when served by page_view()
    token_url_kwarg = "token"

    template_name = "forms/confirm_action.html"
    done_template_name = "forms/action_done.html"
    invalid_template_name = "forms/link_invalid.html"

    title = "Bevestigen"
    explanation = ""
    button_label = "Bevestigen"
    done_title = "Gelukt"
    done_text = ""
    # A link opened again after it did its work: said so, without a button (see is_used()).
    used_title = "Deze link is al gebruikt"
    used_text = "Wat deze link doet, is al gebeurd. Je hoeft niets meer te doen."

    def dispatch(self, request, *args, **kwargs):
        token = kwargs.get(self.token_url_kwarg, "")
        try:
            pk = read_token(self.purpose, token, self.max_age)
        except ExpiredToken:
            return self.invalid_link("expired")
        except InvalidToken:
            return self.invalid_link("invalid")
        self.object = self.get_object(pk)
        if self.object is None:
            return self.invalid_link("gone")
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, pk):
        """The row the token points at, or None."""
        return self.model._default_manager.filter(pk=pk).first()

    def perform(self, obj):
        raise NotImplementedError("A ConfirmActionView subclass must define perform(obj).")

    def is_used(self, obj):
        """Override this: True once what the link does is done (withdrawn, cancelled, confirmed)."""
        return False

    def get_context_data(self, **kwargs):
        return {
            "page": self.page,
            "object": self.object,
            "title": self.title,
            "explanation": self.explanation,
            "button_label": self.button_label,
            "done_title": self.done_title,
            "done_text": self.done_text,
            **kwargs,
        }

    def used(self, request):
        context = self.get_context_data(done_title=self.used_title, done_text=self.used_text)
        return TemplateResponse(request, self.done_template_name, context)

    def get(self, request, *args, **kwargs):
        if self.is_used(self.object):
            return self.used(request)
        return TemplateResponse(request, self.template_name, self.get_context_data())

    def post(self, request, *args, **kwargs):
        if self.is_used(self.object):
            return self.used(request)
        with transaction.atomic():
            response = self.perform(self.object)
        if isinstance(response, HttpResponse):
            return response
        return TemplateResponse(request, self.done_template_name, self.get_context_data())

    def invalid_link(self, reason):
        status, title, text = INVALID_LINK_TEXTS[reason]
        context = {"reason": reason, "title": title, "text": text}
        return TemplateResponse(self.request, self.invalid_template_name, context, status=status)


def page_view(view_class, **initkwargs):
    """A class-based view as a sub-page of a ``RoutablePageMixin`` page (see ``forms.base``).

    Wagtail calls a route with the page first; the view gets it as ``self.page``.
    """

    def view(page, request, *args, **kwargs):
        return view_class.as_view(page=page, **initkwargs)(request, *args, **kwargs)

    view.view_class = view_class
    return view
