"""The base of every public form, and the Wagtail page mixin that serves one.

A public form (registration, information-evening sign-up, newsletter
subscription, patrol report) is a ``PublicForm`` or ``PublicModelForm``; its
``save()`` stores the submission and queues the mails about it::

    class SignupForm(ConsentMixin, PublicModelForm):
        consent_text = "Ik geef toestemming dat de gemeente mijn gegevens gebruikt ..."
        name = NameField()
        email = EmailField()

        class Meta:
            model = Signup
            fields = ["name", "email"]

A Wagtail page serves it with ``PublicFormPageMixin`` and overrides hooks,
as with ``wagtail.contrib.forms``' ``FormMixin``::

    class SignupPage(PublicFormPageMixin, Page):
        form_class = "myapp.forms.SignupForm"   # a dotted path: the form imports this module
        rate_limit_key = "aanmelden"
        landing_page_template = "myapp/signup_thanks.html"
        duplicate_error = ("email", "Met dit e-mailadres is al iemand aangemeld.")

        def get_form_kwargs(self, request):
            return {**super().get_form_kwargs(request), "page": self}

        def get_submission_queryset(self):
            return self.signups.all()            # what the thank-you page may show

The page answers at its own URL (GET shows the form, POST handles it) and at
``bedankt/`` (the thank-you page, ``landing_page_template``, with the saved
object as ``form_submission``). Its template includes the form with
``{% include "forms/public_form.html" with submit_label="Aanmelden" %}``.
Further sub-pages (links in mails, downloads) go in ``subpage_urls``, the
dotted path of a list of ``path()`` routes to ``forms.views.page_view()``s.

What every public form gets here: a rate limit on POSTs per address, the
spam contract of ``forms.spam`` (a caught submission stores nothing and gets
the thank-you redirect a real one gets), ``process_form_submission()`` in one
transaction, a unique constraint lost to a parallel submit shown as
``duplicate_error``, and a redirect after POST to a thank-you page that shows
only what this browser sent (a signed cookie, no session).
"""

from urllib.parse import urlsplit

from django import forms as django_forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.utils.module_loading import import_string
from django.views.generic.edit import FormView
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.page_cache import CachedRouteMixin

from .ratelimit import RateLimitMixin, check_rate_limit
from .rendering import AccessibleFormMixin
from .spam import SpamProtectionMixin, log_spam


class PublicFormBase(SpamProtectionMixin, AccessibleFormMixin):
    """Spam protection, accessible rendering and the ``request`` keyword argument (``form.request``)."""

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)


class PublicForm(PublicFormBase, django_forms.Form):
    """A public form that is not tied to a model."""


class PublicModelForm(PublicFormBase, django_forms.ModelForm):
    """A public form over one of our models."""


class TokenUsed(Exception):
    """The form token of a submission was used before; rolls back the save's transaction."""


def process_public_form(form, *, save, success, conflict_error=None):
    """Handle a bound public form according to the spam contract (see ``forms.spam``).

    - spam: nothing is saved, nothing sent; returns ``success()``, exactly the
      answer a real submission gets;
    - invalid: returns ``None``; render the bound form again (it keeps what
      was typed and shows the errors);
    - valid: uses up the form's token and calls ``save(form)`` inside one
      ``transaction.atomic()`` (queue mails there too, see ``forms.mail``),
      then returns ``success()``. A token used before gives the form back with
      ``forms.spam.USED_MESSAGE``; ``save`` may refuse with a ``ValidationError``
      (a rule checked under a lock), which becomes a form error. Either way
      nothing is stored and what was typed is kept.

    ``conflict_error`` (``(field, message)``) turns an ``IntegrityError`` from
    ``save`` (a unique constraint lost to a parallel submit) into that form
    error; without it the error propagates.

    ``success`` is a callable without arguments returning the response, best a
    redirect to a thank-you page that shows nothing from the submission.
    Pages use ``PublicFormPageMixin``, which calls this.
    """
    if form.is_spam():
        log_spam(form)
        return success()
    if not form.is_valid():
        return None
    try:
        with transaction.atomic():
            if not form.consume_token():
                raise TokenUsed
            save(form)
    except TokenUsed:
        form.refuse_used_token()
        return None
    except ValidationError as error:
        # A rule that only holds under the lock the save takes (a cap, say):
        # nothing was stored, the token is still unused, the form says why.
        form.add_error(None, error)
        return None
    except IntegrityError:
        if conflict_error is None:
            raise
        # Two submits at the same moment: the form's own check passed for
        # both, the database's unique constraint let one through. The other
        # gets the same error the form check gives, with what was typed kept.
        form.add_error(*conflict_error)
        return None
    return success()


class PublicFormHandler:
    """How one public form is served, from GET to thank-you page; every step a hook.

    ``PublicFormPageMixin`` makes a Wagtail page the handler of its own form.
    A second form on the same page (a mail alert under a closed registration
    form, say) subclasses this class and is bound to the page in a route::

        RoundAlertHandler(page).serve_form(request)
    """

    #: The form class, or its dotted path (model forms import the page's models,
    #: so a page names them the way ``ForeignKey("app.Model")`` does).
    form_class = None
    #: Counted per client address: at most ``forms.ratelimit.DEFAULT_LIMIT`` POSTs a minute.
    rate_limit_key = None
    #: ``(field, message)``: the form error for a unique constraint lost to a parallel submit.
    duplicate_error = None
    #: The form error when a form opened in time is sent too late (see ``is_form_open``).
    closed_message = None

    def get_form_class(self):
        """Override this to choose the form class per page or request."""
        if isinstance(self.form_class, str):
            return import_string(self.form_class)
        return self.form_class

    def get_form_kwargs(self, request):
        """Override this to pass more keyword arguments to the form (call super)."""
        return {"request": request}

    def get_form(self, request, data=None):
        """The form, bound to ``data`` when given."""
        return self.get_form_class()(data, **self.get_form_kwargs(request))

    def get_rate_limit_key(self):
        """Override this to share or split the rate limit between forms."""
        return self.rate_limit_key or type(self).__name__

    def is_form_open(self, request):
        """Override this to close the form, e.g. after a deadline.

        A closed form is not shown (the template gets ``form`` None); a POST
        to it is refused with ``closed_message``, and what was typed is shown.
        """
        return True

    def process_form_submission(self, form):
        """Store a valid submission and return the saved object; runs in a transaction.

        Override this when saving needs more than ``form.save()``; queue mails
        in here (or in ``form.save()``) so that they go out only if it commits.
        """
        return form.save()

    def form_submitted(self, request, submission):
        """The answer to a stored submission; also to caught spam (``submission`` None).

        Override this for a different answer; it must not tell spam apart.
        """
        raise NotImplementedError("A PublicFormHandler must say what follows a submission.")

    def render_form(self, request, form, status=200):
        """The page with ``form`` (None when the form is closed)."""
        raise NotImplementedError("A PublicFormHandler must render its form.")

    def refuse_submission(self, request, form):
        """A POST to a closed form: validated for the field messages, never stored, shown again."""
        form.is_valid()
        if self.closed_message:
            form.add_error(None, self.closed_message)
        return self.render_form(request, form)

    def serve_form(self, request):
        """GET shows the form; POST handles it by the rules above.

        No cache may keep the answer (``Cache-Control: private, no-store``):
        it holds a CSRF token, and after a POST what the resident typed.
        """
        response = self._serve_form(request)
        add_never_cache_headers(response)
        return response

    def _serve_form(self, request):
        if request.method != "POST":
            return self.render_form(request, self.get_form(request) if self.is_form_open(request) else None)
        if (limited := check_rate_limit(request, self.get_rate_limit_key())) is not None:
            return limited
        form = self.get_form(request, request.POST)
        # Checked at submit time: a form opened in time and sent too late is refused.
        if not self.is_form_open(request):
            return self.refuse_submission(request, form)
        saved = []
        response = process_public_form(
            form,
            save=lambda form: saved.append(self.process_form_submission(form)),
            success=lambda: self.form_submitted(request, saved[0] if saved else None),
            conflict_error=self.duplicate_error,
        )
        return response if response is not None else self.render_form(request, form)


class PublicFormPageMixin(CachedRouteMixin, PublicFormHandler, RoutablePageMixin):
    """A Wagtail page that serves one public form; see the module docstring.

    Its route is kept (``CachedRouteMixin``), never its HTML: a POST finds the page without Wagtail's lookup.

    Routes: the page itself (the form) and ``bedankt/`` (route name
    ``thanks``: the landing page). The page's ``get_context()`` fills both
    templates; the landing page also gets ``form_submission``.
    """

    #: The thank-you page's template; default: the page's template with ``_landing``.
    landing_page_template = None
    #: Dotted path of a list of ``path()`` routes for further sub-pages (see ``forms.views.page_view``).
    subpage_urls = None

    @classmethod
    def get_subpage_urls(cls):
        routes = super().get_subpage_urls()
        if cls.subpage_urls:
            routes += tuple(import_string(cls.subpage_urls))
        return routes

    def get_rate_limit_key(self):
        return self.rate_limit_key or self._meta.label_lower

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.serve_form(request)

    @path("bedankt/", name="thanks")
    def landing_route(self, request):
        # It shows what this browser's session sent: never from a cache.
        response = self.render_landing_page(request, self.get_thanked_submission(request))
        add_never_cache_headers(response)
        return response

    def render_form(self, request, form, status=200):
        response = self.render(request, context_overrides={"form": form})
        response.status_code = status
        return response

    # --- after a submission -----------------------------------------------------------------

    #: How long the thank-you page shows what this browser sent (the cookie's lifetime).
    thanks_max_age = 60 * 60

    @property
    def thanks_session_key(self):
        return f"forms.bedankt:{self._meta.label_lower}"

    @property
    def thanks_cookie_name(self):
        return f"bedankt-{self._meta.label_lower.replace('.', '-')}"

    def form_submitted(self, request, submission):
        """Remember what was saved for the thank-you page, and go there.

        In a signed cookie for this page's path, not in the session: a
        submission writes no session row (under a rush of sign-ups that is four
        statements fewer per request). Caught spam (``submission`` None) gets the
        same redirect without it: a bot's visits leave nothing behind. The
        thank-you page then shows its general text, as it does for any browser
        without one.
        """
        response = HttpResponseRedirect(self.url + self.reverse_subpage("thanks"))
        if submission is not None:
            response.set_signed_cookie(
                self.thanks_cookie_name,
                str(submission.pk),
                salt=self.thanks_session_key,
                max_age=self.thanks_max_age,
                path=urlsplit(self.url).path,  # sent to this page and its thank-you page only
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def get_submission_queryset(self):
        """Override this to let the thank-you page show the submission: the rows it may come from."""
        return None

    def get_thanked_submission(self, request):
        """What this browser just submitted here, or None (nothing, caught spam, or not shown)."""
        pk = request.get_signed_cookie(
            self.thanks_cookie_name, default=None, salt=self.thanks_session_key, max_age=self.thanks_max_age
        )
        queryset = self.get_submission_queryset()
        return queryset.filter(pk=pk).first() if pk and queryset is not None else None

    def get_landing_page_template(self, request):
        """Override this to choose the thank-you template per request."""
        if self.landing_page_template:
            return self.landing_page_template
        name, _, extension = self.get_template(request).rpartition(".")
        return f"{name}_landing.{extension}"

    def get_landing_context(self, request, submission):
        """Override this to add to the thank-you page's context (call super)."""
        return {"form_submission": submission}

    def render_landing_page(self, request, submission):
        return self.render(
            request,
            template=self.get_landing_page_template(request),
            context_overrides=self.get_landing_context(request, submission),
        )


class PublicFormView(RateLimitMixin, FormView):
    """A class-based view for a public form outside Wagtail's page tree.

    Rate-limits POSTs (``rate_limit_key``), passes ``request`` to the form and
    follows the spam contract. Override ``save(form)``; the default calls
    ``form.save()`` (model forms).
    """

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["request"] = self.request
        return kwargs

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        response = process_public_form(
            form, save=self.save, success=lambda: HttpResponseRedirect(self.get_success_url())
        )
        return response if response is not None else self.form_invalid(form)

    def save(self, form):
        form.save()
