"""Spam protection for public forms: a honeypot and a signed render timestamp.

No captcha and no third-party requests. Every ``PublicForm`` (see
``forms.base``) gets two extra fields from ``SpamProtectionMixin``:

``website`` (the honeypot)
    A text field that people never see: its wrapper is ``aria-hidden="true"``
    and moved off-screen by CSS, the input has ``tabindex="-1"`` and
    ``autocomplete="off"``. It is *not* ``type="hidden"``: simple bots skip
    those but fill in every visible-looking text field. Filled in: spam.

``form_ts`` (the signed timestamp, a single-use form token)
    A hidden field holding the moment the form was rendered and a random
    nonce, signed with ``django.core.signing`` (salt ``TIMESTAMP_SALT``), so it
    cannot be forged. A successful submission uses the nonce up
    (``UsedFormToken``, in the same transaction as the save), so one harvested
    token cannot be sent twice: a script has to fetch a fresh form for every
    submission, and each fetch starts the minimum fill-in time again.
    On submit the timestamp is checked; anything but a sound one is a form
    error, never silent spam, because a person may be behind it (a browser
    that fills the form in for them, a page kept open for days):

    - missing, forged or tampered, or in the future: "check and send again"
      (``CHECK_AGAIN_MESSAGE``);
    - younger than ``FORMS_MIN_SUBMIT_SECONDS`` (default 3): the same request,
      as no person fills in a form that fast without help (``TOO_FAST_MESSAGE``);
    - older than ``FORMS_MAX_FORM_AGE_SECONDS`` (default 24 hours): "the form
      stood open too long" (``EXPIRED_MESSAGE``);
    - already used by a successful submission (``consume_token()`` finds the
      nonce taken): "this form was already sent" (``USED_MESSAGE``). A double
      click gets this too; the message says where to look for the first one.

    Everything typed is kept and a fresh timestamp is rendered, so sending
    the form again works. Nothing is stored until it does.

The view contract
-----------------
A submission caught as spam (a filled honeypot, which no person sees)

- stores nothing and sends nothing, and
- gets the same answer as a successful one (the same redirect to the same
  thank-you page), so a bot learns nothing from the response; only no
  thank-you cookie is set for it (``PublicFormPageMixin.form_submitted``).

A person is never told that something was saved when it was not: a
submission with only a timestamp problem gets the form back with a message.

``forms.base.process_public_form()`` implements this contract; views use it
instead of calling ``is_valid()`` themselves. ``form.is_spam()`` tells whether a
bound form is spam; ``form.spam_reasons()`` says why (for logging, never shown).
"""

import enum
import logging
import secrets
import time
from datetime import timedelta

from django import forms as django_forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.functional import cached_property

from . import conf
from .models import UsedFormToken

logger = logging.getLogger(__name__)

TIMESTAMP_SALT = "forms.spam.rendered-at"
HONEYPOT_TEMPLATE = "forms/fields/honeypot.html"
EXPIRED_MESSAGE = "Dit formulier stond te lang open. Controleer je gegevens en verstuur het formulier opnieuw."
TOO_FAST_MESSAGE = (
    "Het formulier is erg snel verstuurd, en er is nog niets opgeslagen. "
    "Controleer of alles klopt en verstuur het formulier opnieuw."
)
USED_MESSAGE = (
    "Dit formulier is al verstuurd. Heb je net op de knop gedrukt, kijk dan in je mail: daar staat de "
    "bevestiging. Wil je nog iets versturen, controleer dan je gegevens en verstuur het formulier opnieuw."
)
CHECK_AGAIN_MESSAGE = (
    "We konden dit formulier niet controleren, en er is nog niets opgeslagen. "
    "Controleer je gegevens en verstuur het formulier opnieuw."
)


class TimestampStatus(enum.Enum):
    OK = "ok"
    MISSING = "missing"
    FORGED = "forged"
    FUTURE = "future"
    TOO_FAST = "too-fast"
    EXPIRED = "expired"

    @property
    def message(self):
        """The form error for this status; None when the timestamp is sound."""
        if self is TimestampStatus.OK:
            return None
        if self is TimestampStatus.EXPIRED:
            return EXPIRED_MESSAGE
        if self is TimestampStatus.TOO_FAST:
            return TOO_FAST_MESSAGE
        return CHECK_AGAIN_MESSAGE


def sign_timestamp(moment=None):
    """A signed form token: the render moment (``moment``, seconds since the epoch, or now) and a new nonce."""
    moment = time.time() if moment is None else moment
    return signing.Signer(salt=TIMESTAMP_SALT).sign(f"{int(moment)}:{secrets.token_urlsafe(12)}")


def read_token(value):
    """``(rendered_at, nonce)`` from a signed form token; raises ``ValueError`` when it is not sound."""
    try:
        moment, nonce = signing.Signer(salt=TIMESTAMP_SALT).unsign(str(value)).split(":", 1)
        rendered_at = int(moment)
    except signing.BadSignature as error:
        raise ValueError("bad signature") from error
    if not nonce or len(nonce) > UsedFormToken.NONCE_LENGTH:
        raise ValueError("no nonce")
    return rendered_at, nonce


def check_timestamp(value, now=None):
    """Check a submitted form token's age; returns a ``TimestampStatus`` (``consume_token`` checks its use)."""
    if not value:
        return TimestampStatus.MISSING
    try:
        rendered_at, _nonce = read_token(value)
    except ValueError:
        return TimestampStatus.FORGED
    elapsed = (time.time() if now is None else now) - rendered_at
    if elapsed < 0:
        return TimestampStatus.FUTURE
    if elapsed < conf.get("FORMS_MIN_SUBMIT_SECONDS"):
        return TimestampStatus.TOO_FAST
    if elapsed > conf.get("FORMS_MAX_FORM_AGE_SECONDS"):
        return TimestampStatus.EXPIRED
    return TimestampStatus.OK


class HoneypotField(django_forms.CharField):
    """A text field for bots only; rendered by ``forms/fields/honeypot.html``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", "Laat dit veld leeg")
        kwargs.setdefault("template_name", HONEYPOT_TEMPLATE)
        kwargs.setdefault("widget", django_forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))
        super().__init__(**kwargs)


class TimestampField(django_forms.CharField):
    """A hidden field with the signed moment the form was rendered."""

    widget = django_forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        # A callable initial is evaluated when the form is rendered.
        kwargs.setdefault("initial", sign_timestamp)
        super().__init__(**kwargs)


class SpamProtectionMixin:
    """Adds the honeypot and the signed timestamp to a Django form.

    Put it before ``forms.Form`` / ``forms.ModelForm`` in the bases (or use
    ``forms.base.PublicForm``). The two fields never appear in
    ``cleaned_data``.
    """

    honeypot_field_name = "website"
    timestamp_field_name = "form_ts"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field_name] = HoneypotField()
        self.fields[self.timestamp_field_name] = TimestampField()

    def _submitted(self, field_name):
        return self.data.get(self.add_prefix(field_name)) if self.is_bound else None

    @cached_property
    def timestamp_status(self):
        """The ``TimestampStatus`` of the submitted timestamp (checked once per form)."""
        return check_timestamp(self._submitted(self.timestamp_field_name))

    def consume_token(self):
        """Use up this submission's form token; False when a successful submission already used it.

        Call it inside the transaction that stores the submission (``forms.base``
        does): a refused or failed save gives the token back.
        """
        _rendered_at, nonce = read_token(self._submitted(self.timestamp_field_name))
        try:
            with transaction.atomic():
                UsedFormToken.objects.create(nonce=nonce)
        except IntegrityError:
            return False
        return True

    def refuse_used_token(self):
        """The form error for a token that was already used, with a fresh token to send again."""
        self.add_error(None, ValidationError(USED_MESSAGE, code="form_used"))
        self.renew_token()

    def renew_token(self):
        """Render a fresh token, so that sending the form again works."""
        self.data = self.data.copy()
        self.data[self.add_prefix(self.timestamp_field_name)] = sign_timestamp()

    def honeypot_filled(self):
        return bool(str(self._submitted(self.honeypot_field_name) or "").strip())

    def spam_reasons(self):
        """Why this bound form is spam, as short codes; empty if it is not. Only the honeypot counts."""
        if not self.is_bound or not self.honeypot_filled():
            return []
        reasons = ["honeypot"]
        if self.timestamp_status is not TimestampStatus.OK:
            reasons.append(f"timestamp-{self.timestamp_status.value}")
        return reasons

    def is_spam(self):
        """True for a bound form that a bot sent; see the module docstring."""
        return bool(self.spam_reasons())

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:
            return
        for name in (self.honeypot_field_name, self.timestamp_field_name):
            self.cleaned_data.pop(name, None)
        message = self.timestamp_status.message
        if message:
            code = "form_expired" if self.timestamp_status is TimestampStatus.EXPIRED else "form_unchecked"
            self.add_error(None, ValidationError(message, code=code))
            self.renew_token()


def delete_used_form_tokens(now=None):
    """Forget used tokens past the form age limit (an hour's margin): their age alone refuses them now."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=conf.get("FORMS_MAX_FORM_AGE_SECONDS") + 60 * 60)
    deleted, _ = UsedFormToken.objects.filter(used_at__lt=cutoff).delete()
    return deleted


def log_spam(form):
    """Log a caught submission: the form's class and the reasons, no personal data."""
    logger.info("Spam submission caught on %s: %s", type(form).__name__, ", ".join(form.spam_reasons()))
