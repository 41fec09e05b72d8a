"""Every page and every state of every public form is valid HTML, by the W3C Nu checker.

The checker (``vnu.jar``, from the ``vnu-jar`` npm package that ``make test``
installs in ``var/vnu/``) runs offline in Java, once over all pages: starting
the JVM takes seconds. Like the browser, a missing checker or Java skips this
test on a developer's machine and fails it when CI or BROWSER_TESTS_REQUIRED
is set.
"""

import json
import os
import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template import loader
from django.test import Client
from django.utils import timezone

from aanmelding.mails import evenings as evening_mails
from aanmelding.mails import registrations as registration_mails
from aanmelding.models import EveningSignup, InfoEveningPage, Registration, RegistrationPage, RegistrationRound, Wijk
from forms.testing import clear_rate_limits, public_form_data
from forms.tokens import make_token
from tests.aanmelding.registration_support import registration_fields
from tests.browser.conftest import browser_required
from tests.browser.test_site import sitemap_paths

VNU_JAR = Path(os.environ.get("VNU_JAR") or Path(settings.BASE_DIR) / "var/vnu/node_modules/vnu-jar/build/dist/vnu.jar")
JAVA = os.environ.get("JAVA", "java")

pytestmark = pytest.mark.django_db

# What a form with errors shows beside each field that has one.
INVALID = 'aria-invalid="true"'


@pytest.fixture
def checker():
    """``java -jar vnu.jar``, or skip (fail in CI) when either is missing; before the slow demo content."""
    problems = []
    java = shutil.which(JAVA)
    if java is None:
        problems.append(f"Java not found ({JAVA}; apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        problems.append(f"the Nu checker is not at {VNU_JAR} (make vnu, which needs npm)")
    if problems:
        message = "; ".join(problems)
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    return [java, "-jar", str(VNU_JAR)]


@pytest.fixture
def demo(settings, tmp_path):
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "demo-accounts.txt"
    settings.FORMS_MIN_SUBMIT_SECONDS = 0
    with open(os.devnull, "w") as devnull:
        call_command("load_demo_content", stdout=devnull)
    clear_rate_limits()
    yield
    clear_rate_limits()


class Pages:
    """Collects the HTML of responses, each under a name; checks each status on the way."""

    def __init__(self):
        self.html = {}
        self.clients = 0

    def client(self, **kwargs):
        # Each client its own network: the rate limit counts POSTs per address, evening seats per /24.
        self.clients += 1
        return Client(REMOTE_ADDR=f"10.{self.clients // 250}.{self.clients % 250}.1", **kwargs)

    def add(self, name, response, status=200, shows=None):
        """``shows``: a piece of HTML that proves the page is in the state its name says."""
        assert response.status_code == status, f"{name}: HTTP {response.status_code}, expected {status}"
        assert response["Content-Type"].startswith("text/html"), name
        html = response.content.decode()
        assert shows is None or shows in html, f"{name}: {shows!r} is not on the page"
        assert name not in self.html, f"two pages named {name}"
        self.html[name] = html

    def get(self, name, path, status=200, client=None, shows=None):
        self.add(name, (client or self.client()).get(path), status, shows)

    def post(self, name, path, data, status=200, client=None, shows=INVALID):
        self.add(name, (client or self.client()).post(path, data), status, shows)


def file_name(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") + ".html"


def collect_open_round_states(pages):
    registration_page = RegistrationPage.objects.live().get()
    url = registration_page.url
    pages.post("registration, empty", url, public_form_data())
    wijk = Wijk.objects.first()
    invalid = registration_fields(wijk, email="geen adres", postcode="12", expected_members="1e400", phone="x")
    pages.post("registration, invalid values", url, public_form_data(invalid))
    # Sent back to check: a form returned faster than a person fills it in.
    pages.post(
        "registration, sent too fast", url, public_form_data(registration_fields(wijk), seconds_ago=-10), shows=None
    )
    client = pages.client()
    response = client.post(url, public_form_data(registration_fields(wijk, email="nieuw@example.org")))
    assert response.status_code == 302, "the valid registration was not accepted"
    pages.get("registration, thank you", response["Location"], client=client)
    pages.post("registration, duplicate", url, public_form_data(registration_fields(wijk, email="nieuw@example.org")))

    registration = Registration.objects.get(email="nieuw@example.org")
    withdraw = f"{url}intrekken/{make_token(registration_mails.WITHDRAW_PURPOSE, registration.pk)}/"
    pages.get("withdraw link", withdraw)
    pages.post("withdraw link, done", withdraw, {}, shows=None)
    pages.get("withdraw link, used", withdraw)
    pages.get("withdraw link, invalid", f"{url}intrekken/ongeldig/", status=400)

    evening = InfoEveningPage.objects.live().filter(starts_at__gt=timezone.now()).order_by("starts_at").first()
    pages.post("evening sign-up, empty", evening.url, public_form_data())
    invalid = {"name": "", "email": "geen adres", "persons": "9", "consent": ""}
    pages.post("evening sign-up, invalid values", evening.url, public_form_data(invalid))
    client = pages.client()
    signup = {"name": "Fatima el Amrani", "email": "fatima@example.org", "persons": "2", "consent": "on"}
    response = client.post(evening.url, public_form_data(signup))
    assert response.status_code == 302, "the valid evening sign-up was not accepted"
    pages.get("evening sign-up, thank you", response["Location"], client=client)
    pages.post("evening sign-up, duplicate", evening.url, public_form_data(signup))
    signup_row = EveningSignup.objects.get(email="fatima@example.org")
    cancel = f"{evening.url}annuleren/{make_token(evening_mails.CANCEL_PURPOSE, signup_row.pk)}/"
    pages.get("evening cancel link", cancel)
    pages.post("evening cancel link, done", cancel, {}, shows=None)
    pages.get("evening cancel link, used", cancel)
    # A full evening offers the waitlist.
    InfoEveningPage.objects.filter(pk=evening.pk).update(capacity=evening.seats_taken())
    pages.get("evening, full", evening.url, shows="wachtlijst")

    # Too many posts from one address.
    client = pages.client()
    for _ in range(30):
        response = client.post(url, public_form_data())
        if response.status_code == 429:
            break
    pages.add("rate limited", response, status=429)


def collect_closed_round_states(pages):
    now = timezone.now()
    RegistrationRound.objects.filter(opens_at__lte=now, closes_at__gte=now).update(
        opens_at=now + timedelta(days=400), closes_at=now + timedelta(days=410)
    )
    url = RegistrationPage.objects.live().get().url
    pages.get("registration, no round open", url, shows='action="/aanmelden/op-de-hoogte/"')
    pages.post("keep me posted, empty", f"{url}op-de-hoogte/", public_form_data())
    pages.post("keep me posted, invalid", f"{url}op-de-hoogte/", public_form_data({"email": "geen adres"}))
    client = pages.client()
    response = client.post(f"{url}op-de-hoogte/", public_form_data({"email": "piet@example.org", "consent": "on"}))
    pages.add("keep me posted, sent", response)
    evening = InfoEveningPage.objects.live().order_by("-starts_at").first()
    InfoEveningPage.objects.filter(pk=evening.pk).update(signup_deadline=now - timedelta(minutes=1))
    pages.get("evening, sign-up closed", evening.url)
    pages.post("evening, sign-up closed, posted", evening.url, public_form_data({"name": "Piet"}), shows=None)


def collect_practice_example_states(pages):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from nieuwsbrief.models import PracticeExampleIndexPage, ShareExamplePage

    index = PracticeExampleIndexPage.objects.live().get()
    pages.get("practice examples, filtered", f"{index.url}?thema=verlichting&wijk=Oude+Haven", shows="aria-current")
    pages.get("practice examples, none", f"{index.url}?thema=jongeren&wijk=Oude+Haven", shows="(nog) geen")
    url = ShareExamplePage.objects.live().get().url
    pages.post("share example, empty", url, public_form_data())
    not_a_photo = SimpleUploadedFile("foto.jpg", b"%PDF-1.4", content_type="image/jpeg")
    pages.post("share example, not a photo", url, public_form_data({"name": "Piet", "photo": not_a_photo}))
    fields = {
        "name": "Piet",
        "email": "piet@example.org",
        "team": "Team Noord",
        "wijk": Wijk.objects.first().name,
        "title": "Een voorbeeld",
        "what_we_did": "Iets.",
        "what_came_of_it": "Iets anders.",
        "tip": "Doen.",
        "consent": "on",
    }
    client = pages.client()
    response = client.post(url, public_form_data(fields))
    assert response.status_code == 302, "the valid practice example was not accepted"
    pages.get("share example, thank you", response["Location"], client=client)


def collect_subscription_states(pages):
    from nieuwsbrief import links
    from nieuwsbrief.models import SubscribePage, Subscriber

    url = SubscribePage.objects.live().get().url
    pages.post("subscribe, empty", url, public_form_data())
    pages.post("subscribe, invalid", url, public_form_data({"email": "geen adres", "wijk": "Nergens"}))
    client = pages.client()
    response = client.post(url, public_form_data({"email": "lezer@example.org", "consent": "on"}))
    assert response.status_code == 302, "the valid subscription was not accepted"
    pages.get("subscribe, thank you", response["Location"], client=client)
    subscriber = Subscriber.objects.get(email="lezer@example.org")
    confirm = urlparse(links.confirm_url(subscriber)).path
    pages.get("subscribe, confirm link", confirm)
    pages.post("subscribe, confirmed", confirm, {}, shows=None)
    pages.get("subscribe, confirm link used", confirm)
    pages.get("subscribe, confirm link invalid", f"{url}bevestigen/ongeldig/", status=400)
    manage = urlparse(links.manage_url(subscriber)).path
    pages.get("subscription, personal page", manage, shows='name="wijk"')
    pages.post("subscription, wijk invalid", manage, {"action": "wijk", "wijk": "Nergens"})
    pages.post("subscription, unsubscribed", manage, {"action": "unsubscribe"}, shows=None)
    other = Subscriber.objects.active().first()
    unsubscribe = urlparse(links.unsubscribe_url(other)).path
    pages.get("unsubscribe link", unsubscribe)
    pages.post("unsubscribe link, done", unsubscribe, {"List-Unsubscribe": "One-Click"}, shows=None)


def collect(pages):
    paths = sitemap_paths(Client())
    assert len(paths) >= 15
    for path in paths:
        pages.get(f"page {path}", path)
    for query in ["buurtpreventie", 'wijkagent"', "zzzqqq", ""]:
        pages.get(f"search {query!r}", f"/zoeken/?q={query}")
    pages.get("search, second page", "/zoeken/?q=buurtpreventie&pagina=2")
    pages.get("not found", "/bestaat-niet/", status=404)
    csrf_client = pages.client(enforce_csrf_checks=True)
    url = RegistrationPage.objects.live().get().url
    pages.post("csrf failure", url, {}, status=403, client=csrf_client, shows=None)
    # More fields than Django reads: the site's own 400 page.
    pages.post(
        "bad request", url, {f"veld{n}": "" for n in range(1100)}, status=400, shows="Dit konden we niet verwerken"
    )
    # The 500 page is rendered without a request (home.views.server_error).
    pages.html["server error"] = loader.get_template("500.html").render()
    # And the database's outage page, also without one (home.outage).
    pages.html["database unreachable"] = loader.get_template("503.html").render()
    collect_practice_example_states(pages)
    collect_subscription_states(pages)
    collect_open_round_states(pages)
    collect_closed_round_states(pages)


def assert_valid_html(checker, pages, tmp_path):
    """Run the Nu checker over every page that ``pages`` collected; fail with each error and its page."""
    names = {}
    for name, html in pages.html.items():
        (tmp_path / file_name(name)).write_text(html, encoding="utf-8")
        names[file_name(name)] = name
    # --errors-only: warnings (like a redundant role) do not fail the build; errors do.
    result = subprocess.run(
        [*checker, "--errors-only", "--format", "json", *[str(tmp_path / name) for name in names]],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # The report goes to stderr; exit status 1 means "errors found", anything else went wrong.
    report = json.loads(result.stderr)
    errors = [
        f"{names.get(Path(message.get('url', '')).name, message.get('url'))} line {message.get('lastLine')}: "
        f"{message['message']}\n    {message.get('extract', '').strip()}"
        for message in report["messages"]
        if message["type"] in ("error", "non-document-error")
    ]
    assert result.returncode in (0, 1), result.stderr
    assert not errors, f"{len(errors)} HTML errors in {len(pages.html)} pages:\n" + "\n".join(errors)
    assert result.returncode == 0, result.stderr


def test_every_page_and_form_state_is_valid_html(checker, demo, tmp_path):
    pages = Pages()
    collect(pages)
    assert_valid_html(checker, pages, tmp_path)
