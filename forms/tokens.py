"""Signed, expiring tokens for links in mails (confirm, cancel, unsubscribe).

``make_token(purpose, pk)`` signs the primary key (any JSON value) with
``django.core.signing`` and a salt per purpose, plus the moment of signing;
a token made for one purpose is worthless for another. ``read_token(purpose,
token, max_age)`` gives the value back, or raises

- ``ExpiredToken`` if the token is genuine but older than ``max_age``
  (seconds or a ``timedelta``), or
- ``InvalidToken`` (the base class) if it was damaged, forged or made for
  another purpose.

Tokens contain only letters, digits, ``-`` and ``_`` (the signed value, base64url-encoded), so they fit in a
URL path segment, also in a Wagtail page route. A link that changes
something goes to a ``forms.views.ConfirmActionView``.
"""

import base64
import re

from django.core import signing

SALT_PREFIX = "forms.tokens"


class InvalidToken(Exception):
    """The token is damaged, forged or made for another purpose."""


class ExpiredToken(InvalidToken):
    """The token is genuine but too old."""


def _salt(purpose):
    if not purpose:
        raise ValueError("A token needs a purpose.")
    return f"{SALT_PREFIX}.{purpose}"


def make_token(purpose, pk):
    # Django's signed value contains ":", which Wagtail's page router refuses
    # in a path segment; base64url once more makes it letters, digits, - and _.
    signed = signing.dumps(pk, salt=_salt(purpose))
    return base64.urlsafe_b64encode(signed.encode()).decode("ascii").rstrip("=")


def _unwrap(token):
    try:
        return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
    except ValueError as error:  # binascii.Error and UnicodeDecodeError are ValueErrors
        raise InvalidToken(str(error)) from error


def read_token(purpose, token, max_age):
    signed = _unwrap(token)
    try:
        return signing.loads(signed, salt=_salt(purpose), max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredToken(str(error)) from error
    except signing.BadSignature as error:
        raise InvalidToken(str(error)) from error


# --- Keeping tokens out of logs -------------------------------------------------------------
# A token in a link is as good as a password for what it does (cancel, unsubscribe, a team's
# page), and it stands in the request's path or query string, which request logs write down.

MASK = "[verwijderd]"
# Runs of the token alphabet long enough to be a token (one of a small number is about 48 long).
_CANDIDATE = re.compile(r"[A-Za-z0-9_-]{24,}")
# The path segment after these words, and the value of these query parameters, are tokens
# (aanmelding/urls.py, nieuwsbrief/urls.py, terugkoppeling/urls.py, aanmelding/motivation.py):
# also a team link's random token (aanmelding.models.teams), and a damaged or cut-off one,
# which the check on the signed form below does not recognise.
TOKEN_PATH_WORDS = ("intrekken", "bevestigen", "afmelden", "nieuwsbrief-afmelden", "annuleren", "beheren", "team")
TOKEN_PARAMETERS = ("motivatie",)
# (16 characters at least: the admin's "/team/edit/5/" stays readable.)
_WORDS = "|".join(map(re.escape, TOKEN_PATH_WORDS))
_PARAMETERS = "|".join(map(re.escape, TOKEN_PARAMETERS))
_AFTER_WORD = re.compile(rf"(/(?:{_WORDS})/)[A-Za-z0-9_=%-]{{16,}}")
_PARAMETER = re.compile(rf"([?&;](?:{_PARAMETERS})=)[^&#\s\"']+")


def is_token(text):
    """True if ``text`` has the form ``make_token`` gives (a signed value: value:timestamp:signature)."""
    try:
        return _unwrap(text).count(":") >= 2
    except InvalidToken:
        return False


def mask_tokens(text):
    """``text`` with every signed-link token replaced by ``[verwijderd]``; any other text stays as it is."""
    if not text:
        return text
    text = _AFTER_WORD.sub(lambda match: match.group(1) + MASK, text)
    text = _PARAMETER.sub(lambda match: match.group(1) + MASK, text)
    return _CANDIDATE.sub(lambda match: MASK if is_token(match.group(0)) else match.group(0), text)
