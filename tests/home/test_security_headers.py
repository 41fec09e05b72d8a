"""Every answer carries the Content-Security-Policy and the other security headers (issue #14, part 2).

The public site's policy allows only the site's own files and no inline code, so the pages
themselves may hold none: every page and form state that the HTML check collects
(tests/browser/test_html_valid.py) is checked for both. A page served from the page cache
carries the same headers as a fresh one. Wagtail's admin gets its own, looser policy.
"""

import os
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from forms.testing import clear_rate_limits
from tests.browser.test_html_valid import Pages, collect
from tests.factories import DossierChapterPageFactory, DossierPageFactory

pytestmark = pytest.mark.django_db

# Written out here, not read from the settings: loosening the policy must fail a test.
PUBLIC_POLICY = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "frame-src": {"'none'"},
    "object-src": {"'none'"},
    "base-uri": {"'none'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
}
# What Wagtail 8's admin needs on top (see ADMIN_CONTENT_SECURITY_POLICY in site/settings/base.py).
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": {"'self'", "'unsafe-inline'"},
    "style-src": {"'self'", "'unsafe-inline'"},
    "img-src": {"'self'", "data:", "blob:"},
    "frame-src": {"'self'"},
    "frame-ancestors": {"'self'"},
}
PERMISSIONS_DENIED = {"camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"}
OTHER_HEADERS = {
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}


def policy(response):
    """The Content-Security-Policy header as ``{directive: {sources}}`` (django-csp's order varies)."""
    header = response.get("Content-Security-Policy")
    assert header, "no Content-Security-Policy header"
    parts = [part.split() for part in header.split(";") if part.strip()]
    return {part[0]: set(part[1:]) for part in parts}


def denied_features(response):
    """The features the Permissions-Policy header allows to no origin (``camera=()``)."""
    items = [item.strip() for item in response.get("Permissions-Policy", "").split(",")]
    return {item.removesuffix("=()") for item in items if item.endswith("=()")}


def assert_security_headers(response, expected_policy=PUBLIC_POLICY, name=""):
    assert policy(response) == expected_policy, name
    for header, value in OTHER_HEADERS.items():
        assert response.get(header) == value, f"{name}: {header} is {response.get(header)!r}"
    assert PERMISSIONS_DENIED <= denied_features(response), name


class InlineCode(HTMLParser):
    """What a strict policy blocks: inline scripts, event-handler and style attributes, style blocks."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # A data block (JSON) is not run, so the policy does not block it.
        if (
            tag == "script"
            and "src" not in attrs
            and attrs.get("type", "text/javascript") in ("text/javascript", "module")
        ):
            self.found.append(f"inline <script> at line {self.getpos()[0]}")
        if tag == "style":
            self.found.append(f"<style> block at line {self.getpos()[0]}")
        for name in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(f"{name}= on <{tag}> at line {self.getpos()[0]}")


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser.found


class PagesWithHeaders(Pages):
    """The HTML check's collection of every page and form state, keeping each response's headers too."""

    def __init__(self):
        super().__init__()
        self.responses = {}

    def add(self, name, response, status=200, shows=None):
        super().add(name, response, status, shows)
        self.responses[name] = response


@pytest.fixture
def demo(settings, tmp_path):
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "demo-accounts.txt"
    settings.FORMS_MIN_SUBMIT_SECONDS = 0
    with open(os.devnull, "w") as devnull:
        call_command("load_demo_content", stdout=devnull)
    clear_rate_limits()
    yield
    clear_rate_limits()


def test_every_public_page_and_form_state_sends_the_strict_policy_and_holds_no_inline_code(demo):
    pages = PagesWithHeaders()
    collect(pages)
    assert len(pages.responses) >= 60
    for name, response in pages.responses.items():
        assert_security_headers(response, name=name)
    problems = [f"{name}: {problem}" for name, html in pages.html.items() for problem in inline_code(html)]
    assert not problems, "\n".join(problems)


def test_the_inline_code_check_finds_what_the_policy_would_block():
    html = (
        '<script>alert(1)</script><script src="/static/x.js"></script><script type="application/json">{}</script>'
        '<p style="color:red" onclick="x()">x</p><style>p{}</style>'
    )
    assert inline_code(html) == [
        "inline <script> at line 1",
        "style= on <p> at line 1",
        "onclick= on <p> at line 1",
        "<style> block at line 1",
    ]


@pytest.fixture
def chapter(home_page):
    dossier = DossierPageFactory(parent=home_page)
    return DossierChapterPageFactory(parent=dossier, title="Veilig op ronde")


def test_a_page_from_the_page_cache_carries_the_same_headers_as_a_fresh_one(settings, client, chapter):
    settings.PAGE_CACHE_ENABLED = True
    fresh = client.get(chapter.url)
    cached = client.get(chapter.url)

    assert (fresh["X-Page-Cache"], cached["X-Page-Cache"]) == ("miss", "hit")
    assert_security_headers(fresh, name="fresh")
    assert_security_headers(cached, name="from the page cache")
    assert cached["Content-Security-Policy"] == fresh["Content-Security-Policy"]
    assert cached["Permissions-Policy"] == fresh["Permissions-Policy"]


def test_the_page_cache_keeps_no_policy_of_its_own_so_a_changed_policy_shows_at_once(settings, client, chapter):
    settings.PAGE_CACHE_ENABLED = True
    client.get(chapter.url)
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": ["'self'"]}
    }

    cached = client.get(chapter.url)
    assert cached["X-Page-Cache"] == "hit"
    assert policy(cached)["img-src"] == {"'self'"}


@pytest.fixture
def editor_client(home_page):
    user = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "geheim-wachtwoord-1")
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/images/"])
def test_the_admin_gets_the_policy_wagtail_needs(editor_client, path):
    response = editor_client.get(path)
    assert response.status_code == 200
    assert_security_headers(response, ADMIN_POLICY, name=path)


def test_the_admin_login_page_gets_the_admin_policy(client, home_page):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_security_headers(response, ADMIN_POLICY)


def test_a_logged_in_editor_gets_the_strict_policy_on_public_pages(editor_client, chapter):
    response = editor_client.get(chapter.url)
    assert response.status_code == 200
    assert "wagtail-userbar" in response.content.decode()
    assert_security_headers(response)


def test_a_preview_gets_the_public_policy_and_may_be_framed_by_the_admin(chapter):
    """Wagtail renders a preview through the middleware for the page's own address, shown in the editor's frame."""
    response = Page.objects.get(pk=chapter.pk).specific.make_preview_request()
    assert response.status_code == 200
    assert policy(response) == {**PUBLIC_POLICY, "frame-ancestors": {"'self'"}}


def test_the_not_found_page_carries_the_headers_too(client, home_page):
    assert_security_headers(client.get("/bestaat-niet/"), name="not found")
