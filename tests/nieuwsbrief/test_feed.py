"""The Atom feed of the newsletter archive: valid XML, live issues only, full addresses."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from .issue_support import make_archive, make_issue

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def archive(home_page):
    return make_archive(home_page)


def get_feed(client, archive):
    response = client.get(archive.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_feed_lists_the_live_issues_newest_first_with_their_intro(client, archive):
    start = timezone.now() - timedelta(days=60)
    make_issue(archive, "Januari", published_at=start, intro="Over de winter.")
    make_issue(archive, "Februari", published_at=start + timedelta(days=30), intro="Over het voorjaar.")
    make_issue(archive, "Nog niet af", live=False)
    offline = make_issue(archive, "Teruggetrokken")
    offline.unpublish()

    feed = get_feed(client, archive)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Februari", "Januari"]
    assert [entry.findtext(f"{ATOM}summary") for entry in entries] == ["Over het voorjaar.", "Over de winter."]
    assert entries[0].find(f"{ATOM}link").get("href") == "http://localhost/nieuwsbrieven/februari/"


def test_feed_has_a_dutch_title_and_full_links(client, archive):
    feed = get_feed(client, archive)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert feed.findtext(f"{ATOM}title") == "Nieuwsbrieven – Buurtpreventie Gemeente Voorbeeld"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"alternate": "http://localhost/nieuwsbrieven/", "self": "http://localhost/nieuwsbrieven/feed/"}
    assert feed.findall(f"{ATOM}entry") == []
