"""The admin dashboard shows each role its work: the round, the next evening, the outbox."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.utils import timezone

from aanmelding.models import EveningSignup, Registration
from forms.models import OutgoingMail
from tests.factories import (
    EveningSignupFactory,
    InfoEveningPageFactory,
    RegistrationFactory,
    RegistrationRoundFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def dashboard(client, *groups):
    user = UserFactory()
    user.groups.add(*Group.objects.filter(name__in=groups))
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    # The page search leads a handler (no page rights) only to "geen toegang": they get neither
    # the sidebar's nor the dashboard's.
    assert ("wagtail.sidebar.SearchModule" in html) == ("Redacteuren" in groups)
    assert ('role="search"' in html) == ("Redacteuren" in groups)
    return BeautifulSoup(html, "html.parser")


def panel(page, name):
    """Wagtail's panel tag gives the section the id ``<name>-section``."""
    return page.find(id=f"{name}-section")


def panel_text(page, name):
    found = panel(page, name)
    return None if found is None else " ".join(found.get_text(" ").split())


@pytest.fixture
def work(index_page, wijk):
    round_ = RegistrationRoundFactory(title="Voorjaar")
    RegistrationFactory.create_batch(3, round=round_, wijk=wijk)
    RegistrationFactory(round=round_, wijk=wijk, status=Registration.Status.ADMITTED)
    starts = timezone.now() + timedelta(days=7)
    evening = InfoEveningPageFactory(
        parent=index_page,
        round=round_,
        title="Avond Noord",
        capacity=4,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
    )
    EveningSignupFactory(evening=evening, persons=2)
    EveningSignupFactory(evening=evening, persons=1, status=EveningSignup.Status.WAITLISTED)
    # The handler's counts are of the mails of registrations (source "aanmelding"), not the newsletter's.
    OutgoingMail.objects.create(to="a@example.org", subject="x", body_text="x", source="aanmelding")
    OutgoingMail.objects.create(
        to="b@example.org", subject="y", body_text="y", status=OutgoingMail.Status.FAILED, source="aanmelding"
    )
    OutgoingMail.objects.create(to="c@example.org", subject="z", body_text="z", source="nieuwsbrief")
    return round_, evening


def test_a_handler_sees_registrations_per_status_with_links_seats_and_the_outbox(client, work):
    round_, evening = work
    page = dashboard(client, "Behandelaars buurtpreventie")

    text = panel_text(page, "aanmelding-round")
    assert "Voorjaar" in text and "open tot en met" in text
    links = {a.get_text(strip=True): a["href"] for a in panel(page, "aanmelding-round").select("td a")}
    received = f"/admin/aanmelding/registration/?round={round_.pk}&status=ontvangen"
    assert links == {
        "3": received,
        "0": links["0"],
        "1": f"/admin/aanmelding/registration/?round={round_.pk}&status=toegelaten",
    }
    assert client.get(received).status_code == 200

    evening_text = panel_text(page, "aanmelding-evening")
    assert "Avond Noord" in evening_text
    assert "2 van 4 plaatsen bezet" in evening_text and "2 plaatsen vrij" in evening_text
    assert "1 op de wachtlijst" in evening_text
    hrefs = [a["href"] for a in panel(page, "aanmelding-evening").find_all("a")]
    assert f"/admin/aanmelding/eveningsignup/?evening={evening.pk}" in hrefs

    assert "1 mail wacht op verzending; 1 mislukt." in panel_text(page, "forms-operations")


def test_an_editor_sees_the_round_and_the_evening_without_personal_data_or_outbox(client, work):
    round_, evening = work
    page = dashboard(client, "Redacteuren", "Moderatoren")

    text = panel_text(page, "aanmelding-round")
    assert "Voorjaar" in text
    assert panel(page, "aanmelding-round").find("table") is None  # no counts of registrations
    evening_panel = panel(page, "aanmelding-evening")
    assert "2 van 4 plaatsen bezet" in panel_text(page, "aanmelding-evening")
    hrefs = [a["href"] for a in evening_panel.find_all("a")]
    assert not [href for href in hrefs if "eveningsignup" in href]
    assert panel(page, "forms-operations") is None


def test_empty_states_say_so(client, db, home_page):
    page = dashboard(client, "Behandelaars buurtpreventie")
    assert "Er is geen open of gepland aanmeldmoment" in panel_text(page, "aanmelding-round")
    assert "Er is geen informatiebijeenkomst of tussenevaluatie gepland" in panel_text(page, "aanmelding-evening")
    assert re.search(r"0 mails wachten op verzending; 0 mislukt", panel_text(page, "forms-operations"))
