"""The whole demo site, loaded as ``manage.py load_demo_content`` does, and read page by page.

For the tests that read every demo page as a resident does (plain language, terminology).
"""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from tests.plain_text import main_text


class DemoPages:
    def __init__(self, client):
        self.client = client
        self.pages = [page for page in Page.objects.live().filter(depth__gt=1).specific() if page.url]

    def texts(self):
        """``(url, page, text of <main>)`` for every live page that renders as HTML."""
        for page in self.pages:
            response = self.client.get(page.url)
            assert response.status_code < 500, f"{page.url} gives {response.status_code}"
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            yield page.url, page, main_text(response.content.decode())


@pytest.fixture
def demo_pages(db, client, settings, tmp_path):
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "demo-accounts.txt"
    with open("/dev/null", "w") as devnull:
        call_command("load_demo_content", stdout=devnull)
    return DemoPages(client)
