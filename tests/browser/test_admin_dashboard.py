"""axe-core on the admin dashboard of the demo handler and the demo editor (issue #10 part 2).

Our panels are checked on their own (the round, the next evening, the worker and outbox) and the whole
dashboard as well, at 1280 px, with data in every panel.
"""

import pytest
from django.utils import timezone

from aanmelding.models import EveningSignup, InfoEveningPage, Registration, RegistrationRound
from forms.models import OutgoingMail
from tests.browser.conftest import WCAG_TAGS
from tests.factories import EveningSignupFactory, RegistrationFactory

pytestmark = pytest.mark.django_db(transaction=True)

OUR_PANELS = ["#aanmelding-round-section", "#aanmelding-evening-section", "#forms-operations-section"]


@pytest.fixture
def busy_dashboard(demo_site):
    open_round = RegistrationRound.objects.get(title="Aanmeldmoment najaar")
    for status in Registration.Status.values:
        RegistrationFactory(round=open_round, status=status)
    evening = InfoEveningPage.objects.filter(starts_at__gt=timezone.now()).order_by("starts_at").first()
    EveningSignupFactory(evening=evening, status=EveningSignup.Status.WAITLISTED)
    OutgoingMail.objects.create(to="a@example.org", subject="x", body_text="x")
    OutgoingMail.objects.create(to="b@example.org", subject="y", body_text="y", status=OutgoingMail.Status.FAILED)


def axe_results(axe, page, include=None):
    """axe-core's WCAG 2.1 A/AA checks on the page, or only within the selectors in ``include``."""
    context = {"include": [[selector] for selector in include]} if include else None
    return axe.run(page, context=context, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})


@pytest.mark.parametrize(
    ("username", "panels"),
    [("behandelaar", OUR_PANELS), ("redacteur", OUR_PANELS[:2])],
    ids=["handler", "editor"],
)
def test_our_dashboard_panels_have_no_axe_violations(busy_dashboard, demo_admin, axe, username, panels):
    page = demo_admin(username)
    for selector in panels:
        assert page.locator(selector).count() == 1, f"{selector} is missing from the dashboard"
    results = axe_results(axe, page, include=panels)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("username", ["behandelaar", "redacteur"], ids=["handler", "editor"])
def test_the_whole_dashboard_has_no_axe_violations(busy_dashboard, demo_admin, axe, username):
    page = demo_admin(username)
    results = axe_results(axe, page)
    assert results.violations_count == 0, results.generate_report()
