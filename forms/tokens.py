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
