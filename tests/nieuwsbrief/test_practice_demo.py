"""Demo content of the practice examples (part of ``manage.py load_demo_content``)."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowState

from dossier.models import DossierChapterPage
from nieuwsbrief.models import (
    PracticeExampleIndexPage,
    PracticeExamplePage,
    PracticeExampleSubmission,
    ShareExamplePage,
    Theme,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "demo-accounts.txt"
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo_content", stdout=StringIO())


def test_themes_four_published_examples_one_in_moderation_and_the_share_page(demo, client):
    assert Theme.objects.count() == 5
    index = PracticeExampleIndexPage.objects.live().get()
    live = PracticeExamplePage.objects.child_of(index).live()
    assert live.count() == 4
    assert len({example.wijk for example in live}) == 4
    assert len({theme.slug for example in live for theme in example.themes.all()}) == 5
    for example in live:
        assert not example.photo or example.photo_alt
        assert client.get(example.url).status_code == 200
    assert sum(1 for example in live if example.photo) == 2

    waiting = PracticeExamplePage.objects.child_of(index).filter(live=False).get()
    assert WorkflowState.objects.get(object_id=str(waiting.pk)).status == WorkflowState.STATUS_IN_PROGRESS
    assert waiting.submission.email.endswith("@example.org")

    share = ShareExamplePage.objects.live().get()
    assert client.get(share.url).status_code == 200
    assert 'href="/deel-je-praktijkvoorbeeld/"' in client.get(index.url).content.decode()


def test_loading_twice_adds_nothing(demo):
    counts = (Page.objects.count(), get_image_model().objects.count(), PracticeExampleSubmission.objects.count())

    call_command("load_demo_content", stdout=StringIO())

    assert (Page.objects.count(), get_image_model().objects.count(), PracticeExampleSubmission.objects.count()) == (
        counts
    )


def test_the_site_says_how_to_share_an_example_and_what_that_stores(demo, client):
    chapter_page = DossierChapterPage.objects.live().get(slug="waardering-en-evaluatie")
    chapter = client.get(chapter_page.url).content.decode()
    assert 'href="/deel-je-praktijkvoorbeeld/"' in chapter and 'href="/praktijkvoorbeelden/"' in chapter
    assert "Mail het naar" not in chapter

    privacy_page = Page.objects.live().get(slug="privacyverklaring")
    privacy = " ".join(client.get(privacy_page.url).content.decode().split())
    assert "Een praktijkvoorbeeld insturen" in privacy
    # Publishing rests on consent, and the checkbox says what for.
    assert "Met het vinkje geef je toestemming om je voorbeeld te publiceren" in privacy
    assert "wie herkenbaar op de foto staat" in privacy
    assert "Je naam en e-mailadres halen we 365 dagen (een jaar) na het insturen automatisch weg" in privacy
