"""Signed-link tokens never reach a log: the masking, and Django's loggers as LOGGING sets them up."""

import io
import logging
import secrets

import pytest
from django.test import Client

from forms.log_masking import MaskTokensFilter
from forms.tokens import MASK, make_token, mask_tokens
from tests.database_outage import database_unreachable

WITHDRAW = make_token("aanmelding.withdraw", 1234)
MOTIVATION = make_token("aanmelding.motivatie", "543210")
TEAM = secrets.token_urlsafe(32)  # team links carry a random token, not a signed one


@pytest.mark.parametrize(
    "path",
    [
        f"/aanmelden/intrekken/{WITHDRAW}/",
        f"/aanmelden/op-de-hoogte/bevestigen/{make_token('aanmelding.alert-confirm', 7)}/",
        f"/aanmelden/op-de-hoogte/afmelden/{make_token('aanmelding.alert-cancel', 7)}/",
        f"/bijeenkomsten/avond/annuleren/{make_token('evening-cancel', 99)}/",
        f"/nieuwsbrief/bevestigen/{make_token('nieuwsbrief.confirm', 5)}/",
        f"/nieuwsbrief/beheren/{make_token('nieuwsbrief.manage', 5)}/",
        f"/nieuwsbrief-afmelden/{make_token('nieuwsbrief.unsubscribe', 5)}/",
        f"/terugkoppeling/team/{TEAM}/bedankt/",
        # A signed token under a path nobody listed, and one cut off (a damaged link).
        f"/elders/{make_token('iets.nieuws', 3)}/",
        f"/aanmelden/intrekken/{WITHDRAW[:30]}/",
    ],
    # Fixed ids: the tokens carry the time they were made, and pytest-xdist's workers must collect the same names.
    ids=[
        "intrekken",
        "op-de-hoogte-bevestigen",
        "op-de-hoogte-afmelden",
        "annuleren",
        "nieuwsbrief-bevestigen",
        "nieuwsbrief-beheren",
        "nieuwsbrief-afmelden",
        "team",
        "elders",
        "afgebroken",
    ],
)
def test_every_kind_of_token_in_a_path_is_masked(path):
    line = f'203.0.113.9 - - "GET {path} HTTP/1.1" 404 "https://buurt.example{path}"'
    masked = mask_tokens(line)
    assert MASK in masked
    token = path.rstrip("/").removesuffix("/bedankt").rsplit("/", 1)[1]
    assert token not in masked
    assert masked.count(MASK) == 2  # the request line and the referrer


def test_a_signed_query_value_is_masked_and_the_rest_kept():
    masked = mask_tokens(f"GET /aanmelden/?motivatie={MOTIVATION}&stap=2 HTTP/1.1")
    assert masked == f"GET /aanmelden/?motivatie={MASK}&stap=2 HTTP/1.1"
    assert mask_tokens(f"/aanmelden/?stap=2;motivatie={MOTIVATION[:20]}") == f"/aanmelden/?stap=2;motivatie={MASK}"


@pytest.mark.parametrize(
    "line",
    [
        "GET /admin/aanmelding/team/edit/5/ HTTP/1.1",
        "GET /nieuws/hoe-werkt-buurtpreventie-in-onze-wijk-noorderpark/ HTTP/1.1",
        "GET /static/css/site.4f3a9b2c1d0e.css HTTP/1.1",
        "GET /zoeken/?q=inbraakpreventie-noorderpark-2026&pagina=2 HTTP/1.1",
        "GET /documenten/12/jaarverslag_buurtpreventie_2025_definitief.pdf HTTP/1.1",
    ],
)
def test_other_addresses_stay_as_they_are(line):
    assert mask_tokens(line) == line


def masking_handler(logger_name=None):
    """LOGGING's handler of that logger (the one with the mask; the test run may add others)."""
    logger = logging.getLogger(logger_name)
    [handler] = [h for h in logger.handlers if any(isinstance(f, MaskTokensFilter) for f in h.filters)]
    return handler


@pytest.fixture
def console():
    handler = masking_handler()
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


@pytest.mark.django_db
def test_a_404_on_a_token_link_is_logged_without_the_token(client, caplog, console):
    caplog.set_level(logging.WARNING, logger="django.request")
    response = client.get(f"/aanmelden/intrekken/{WITHDRAW}/?motivatie={MOTIVATION}")
    assert response.status_code == 404
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == f"Not Found: /aanmelden/intrekken/{MASK}/"
    assert WITHDRAW not in caplog.text and WITHDRAW not in console.getvalue()
    assert f"Not Found: /aanmelden/intrekken/{MASK}/" in console.getvalue()


@pytest.mark.django_db
def test_a_refused_form_on_a_token_link_is_logged_without_the_token(console):
    # django.security.csrf is a child logger: the handler's mask catches it too.
    response = Client(enforce_csrf_checks=True).post(f"/nieuwsbrief/beheren/{WITHDRAW}/", {"x": "1"})
    assert response.status_code == 403
    output = console.getvalue()
    assert "Forbidden (CSRF cookie not set.)" in output and f"/nieuwsbrief/beheren/{MASK}/" in output
    assert WITHDRAW not in output


@pytest.mark.django_db(transaction=True)
def test_an_error_with_its_traceback_on_a_token_link_is_logged_without_the_token(caplog, console):
    caplog.set_level(logging.ERROR, logger="django.request")
    with database_unreachable():
        response = Client(raise_request_exception=False).get(f"/aanmelden/intrekken/{WITHDRAW}/")
    assert response.status_code == 503
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == f"Service Unavailable: /aanmelden/intrekken/{MASK}/"
    assert record.exc_text and "OperationalError" in record.exc_text
    output = console.getvalue()
    assert "Traceback" in output and WITHDRAW not in output and WITHDRAW not in caplog.text


def test_runserver_access_lines_are_masked():
    """django.server (runserver's access log) has its own handler in LOGGING, masked as well."""
    handler = masking_handler("django.server")
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    try:
        logging.getLogger("django.server").info(
            '"%s" %s %s', f"GET /aanmelden/intrekken/{WITHDRAW}/ HTTP/1.1", "200", "512", extra={"status_code": 200}
        )
    finally:
        handler.setStream(previous)
    assert f"GET /aanmelden/intrekken/{MASK}/ HTTP/1.1" in buffer.getvalue()
    assert WITHDRAW not in buffer.getvalue()
