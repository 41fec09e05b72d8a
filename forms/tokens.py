"""Signed, expiring tokens for links in mails (confirm, cancel, unsubscribe).

``make_token(purpose, pk)`` signs the primary key (any JSON value) with
``django.core.signing`` and a salt per purpose, plus the moment of signing;
a token made for one purpose is worthless for another. ``read_token(purpose,
token, max_age)`` gives the value back, or raises

- ``ExpiredToken`` if the token is genuine but older than ``max_age``
  (seconds or a ``timedelta``), or
- ``InvalidToken`` (the base class) if it was damaged, forged or made for
  another purpose.

Tokens contain only ``:``, letters, digits, ``-`` and ``_``, so they fit in a
URL path segment (``path("annuleren/<str:token>/", ...)``). A link that changes
something goes to a ``forms.views.ConfirmActionView``.
"""

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
    return signing.dumps(pk, salt=_salt(purpose))


def read_token(purpose, token, max_age):
    try:
        return signing.loads(token, salt=_salt(purpose), max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredToken(str(error)) from error
    except signing.BadSignature as error:
        raise InvalidToken(str(error)) from error
