"""The newsletter archive and an issue's web version in a real browser: axe at 390 and 1280 px."""

import pytest

from nieuwsbrief.models import NewsletterArchivePage
from tests.browser.conftest import VIEWPORTS

# The flush after each transactional test also removes what migrations created; the demo makes it again.
pytestmark = pytest.mark.django_db(transaction=True)


@VIEWPORTS
def test_archive_is_accessible(demo_site, open_page, assert_accessible, viewport):
    archive = NewsletterArchivePage.objects.get()
    page, response = open_page(archive.url, viewport)
    assert response.status == 200
    assert page.locator(".issue-list__item").count() == 2
    assert page.get_by_role("link", name="Volg de nieuwsbrief met een feedlezer (Atom-feed)").is_visible()
    assert_accessible(page)


@VIEWPORTS
def test_issue_with_every_section_is_accessible(demo_site, open_page, assert_accessible, viewport):
    issue = NewsletterArchivePage.objects.get().issues().first()
    page, response = open_page(issue.url, viewport)
    assert response.status == 200
    assert page.locator(".example-card").count() == 2
    assert page.locator(".newsletter-section--agenda li").count() >= 1
    assert page.get_by_role("link", name="Deel je praktijkvoorbeeld").is_visible()
    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
