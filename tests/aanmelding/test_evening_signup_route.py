"""A sign-up POST finds its evening through the route the form's GET kept (home.page_cache.CachedRouteMixin).

With the page cache on the route is kept in the shared cache, with it off in the process's memory
while the content version stays the same; both ways are tested.
"""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from aanmelding.models import EveningSignup
from forms.testing import public_form_data
from home.models import ContentVersion
from home.page_cache import page_cache
from tests.factories import InfoEveningIndexPageFactory, InfoEveningPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]

# A sign-up POST with the kept route (SQLite and PostgreSQL alike): the route (from the page cache,
# or the content version), the rate limit, the settings, the duplicate check, the form token, the
# seat under the evening's lock, the outbox row and its task, and the transaction's statements.
# Wagtail's own lookup made it 33 and 27.
QUERIES_WITH_KEPT_ROUTE = {True: 20, False: 19}


@pytest.fixture(params=[True, False], ids=["page-cache-on", "page-cache-off"])
def page_cache_enabled(request, settings):
    settings.PAGE_CACHE_ENABLED = request.param
    return request.param


@pytest.fixture
def evening(index_page):
    return InfoEveningPageFactory(parent=index_page, capacity=10)


def signup(number=1):
    return public_form_data(
        {"name": f"Bewoner {number}", "email": f"bewoner{number}@example.org", "persons": "1", "consent": "on"}
    )


def routing_queries(queries):
    """Queries Wagtail's own route lookup makes: the site and the pages on the path."""
    return [
        query["sql"]
        for query in queries
        if "wagtailcore_site" in query["sql"]
        or ('FROM "wagtailcore_page"' in query["sql"] and "FOR UPDATE" not in query["sql"])
    ]


def test_a_sign_up_post_after_the_form_was_shown_does_not_look_up_site_or_page(client, evening, page_cache_enabled):
    assert client.get(evening.url).status_code == 200  # keeps the route
    with CaptureQueriesContext(connection) as queries:
        response = client.post(evening.url, signup())
    assert response.status_code == 302 and response["Location"].endswith("/bedankt/")
    assert EveningSignup.objects.filter(evening=evening).count() == 1
    # Only the seat's lock reads the evening (SELECT ... FOR UPDATE; SQLite has no FOR UPDATE).
    page_reads = [sql for sql in routing_queries(queries) if "wagtailcore_site" not in sql]
    assert not [sql for sql in routing_queries(queries) if "wagtailcore_site" in sql]
    assert len(page_reads) <= (0 if connection.vendor == "postgresql" else 1)
    assert len(queries) <= QUERIES_WITH_KEPT_ROUTE[page_cache_enabled]


def test_without_a_kept_route_the_post_looks_the_page_up_and_still_signs_up(client, evening, page_cache_enabled):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(evening.url, signup())
    assert response.status_code == 302
    assert [sql for sql in routing_queries(queries) if "wagtailcore_site" in sql]  # Wagtail's lookup, as before
    assert EveningSignup.objects.filter(evening=evening).count() == 1


def test_a_post_to_a_moved_evening_is_not_served_through_its_old_route(client, evening, page_cache_enabled, home_page):
    old_url = evening.url
    client.get(old_url)
    other_index = InfoEveningIndexPageFactory(parent=home_page, title="Andere bijeenkomsten", slug="andere")
    evening.move(other_index, pos="last-child")
    evening.refresh_from_db()

    moved = client.post(old_url, signup(1))
    # Not the old route: Wagtail's redirect (made by the move) to the evening's new place.
    assert moved.status_code == 301 and moved["Location"] == evening.url
    assert not EveningSignup.objects.exists()
    assert client.post(evening.url, signup(2)).status_code == 302
    assert EveningSignup.objects.get().evening_id == evening.pk


def test_a_post_to_an_unpublished_evening_is_not_served_through_its_route(client, evening, page_cache_enabled):
    client.get(evening.url)
    evening.unpublish()
    assert client.post(evening.url, signup()).status_code == 404
    assert not EveningSignup.objects.exists()


def test_an_evening_unpublished_by_another_process_is_not_served_through_its_route(client, evening, page_cache_enabled):
    """Another process: the database changes, this process's signals do not run."""
    client.get(evening.url)
    Page.objects.filter(pk=evening.pk).update(live=False)
    ContentVersion.objects.filter(pk=1).update(value=F("value") + 1)
    if page_cache_enabled:
        page_cache().clear()
    assert client.post(evening.url, signup()).status_code == 404
    assert not EveningSignup.objects.exists()


def test_a_post_to_an_evening_made_private_after_its_route_was_kept_asks_to_log_in(client, evening, page_cache_enabled):
    client.get(evening.url)
    PageViewRestriction.objects.create(page=evening, restriction_type=PageViewRestriction.LOGIN)
    response = client.post(evening.url, signup())
    assert response.status_code == 302
    assert "/bedankt/" not in response["Location"] and "next=" in response["Location"]
    assert not EveningSignup.objects.exists()
