"""Browser tests: Debian's Chromium driven by Playwright, against a live server.

A missing browser skips these tests on a developer's machine, but fails them
when BROWSER_TESTS_REQUIRED or CI is set: CI must never pass without them.
"""

import os
import shutil

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])

# Playwright's sync API runs an event loop in this thread; the ORM calls in
# the tests themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def focused(page):
    """What has the keyboard focus: its id, else its name, else its tag."""
    return page.evaluate("document.activeElement.id || document.activeElement.name || document.activeElement.tagName")


def assert_fits_the_screen(page, viewport):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"scrolls sideways by {overflow}px at {viewport['width']}px"


def browser_required():
    return bool(os.environ.get("BROWSER_TESTS_REQUIRED") or os.environ.get("CI"))


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def instant_forms(settings):
    """A person needs a few seconds for a form; a browser test does not. No rate limit left over."""
    from forms.testing import clear_rate_limits

    settings.FORMS_MIN_SUBMIT_SECONDS = 0
    clear_rate_limits()
    yield
    clear_rate_limits()


@pytest.fixture
def demo_site(live_server, settings, tmp_path):
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "demo-accounts.txt"
    call_command("load_demo_content", stdout=open(os.devnull, "w"))


# Every browser test fails on a Content-Security-Policy violation: Chromium's own console message
# (a blocked script, style, frame...) and, logged by this script, each securitypolicyviolation event.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error("Content Security Policy violation: " + event.violatedDirective + " blocked "
        + (event.blockedURI || "inline code") + " in " + (event.sourceFile || document.URL) + ":" + event.lineNumber);
});
"""


def watch_csp(context, violations):
    """Collect into ``violations`` every CSP violation in any page or frame of ``context``."""
    context.add_init_script(CSP_LISTENER)

    def on_console(message):
        if "Content Security Policy" in message.text:
            violations.append(f"{message.page.url if message.page else '?'}: {message.text.strip()}")

    context.on("console", on_console)


@pytest.fixture
def csp_violations():
    """The CSP violations of this test's pages so far (``open_page`` fails the test on any)."""
    return []


@pytest.fixture
def open_page(browser, live_server, csp_violations):
    """Open a path at a given viewport width; closes every context afterwards."""
    contexts = []

    def _open(path, viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, locale="nl-NL")
        watch_csp(context, csp_violations)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        response = page.goto(live_server.url + path)
        return page, response

    yield _open
    for context in contexts:
        context.close()
    assert not csp_violations, "Content-Security-Policy violations:\n" + "\n".join(csp_violations)


@pytest.fixture
def demo_admin(demo_site, open_page):
    """Log a demo account in to the admin as a person does, with the password `make run` prints."""
    from home.demo.accounts import read_demo_accounts

    def _log_in(username, width=DESKTOP["width"]):
        page, _ = open_page("/admin/login/", {"width": width, "height": 800})
        page.fill("#id_username", username)
        page.fill("#id_password", read_demo_accounts()[username])
        page.keyboard.press("Enter")
        page.wait_for_url("**/admin/")
        return page

    return _log_in


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe):
    def _check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, results.generate_report()

    return _check
