"""The subscriber's links: confirm, the personal page and one-click unsubscribe (RFC 8058).

GET never changes anything (mail scanners follow links); expired, damaged
and gone links change nothing and say how to start again.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from forms.tokens import make_token
from nieuwsbrief import links
from nieuwsbrief.models import Subscriber

from .subscriber_support import (
    link_path,
    mails_to,
    make_subscriber,
    municipality,
    no_rate_limit_left_over,
    soup,
    subscribe,
    subscribe_page,
    wijken,
)

FIXTURES = (municipality, no_rate_limit_left_over, subscribe_page, wijken)  # used here as fixtures

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]

ADDRESS = "bewoner@example.org"


def path_of(url):
    return "/" + url.split("://", 1)[1].partition("/")[2]


def main_text(response):
    return soup(response).find("main").get_text(" ", strip=True)


@pytest.fixture
def pending(subscribe_page):
    return make_subscriber(ADDRESS, status=Subscriber.Status.PENDING, wijk="Noorderpark")


@pytest.fixture
def active(subscribe_page):
    return make_subscriber(ADDRESS, confirmed_at=timezone.now(), wijk="Noorderpark")


def refreshed(subscriber):
    subscriber.refresh_from_db()
    return subscriber


# --- confirm ---------------------------------------------------------------------------


def test_the_confirm_link_from_the_mail_shows_a_button_and_only_the_post_activates(
    client, subscribe_page, django_capture_on_commit_callbacks
):
    subscribe(client, subscribe_page, ADDRESS, django_capture_on_commit_callbacks)
    link = link_path(mails_to(ADDRESS)[0].body, "/bevestigen/")
    mail.outbox.clear()

    response = client.get(link)
    assert response.status_code == 200
    assert soup(response).find("main").find("button").get_text(strip=True) == "Ja, ik wil de nieuwsbrief ontvangen"
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert refreshed(Subscriber.objects.get()).is_pending

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)
    assert response.status_code == 200
    assert "Je bent aangemeld voor de nieuwsbrief" in main_text(response)
    subscriber = Subscriber.objects.get()
    assert subscriber.is_active and subscriber.confirmed_at is not None
    (welcome,) = mails_to(ADDRESS)
    assert link_path(welcome.body, "/beheren/").startswith(subscribe_page.url + "beheren/")

    # Opened again: said so, no second welcome.
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(link)
    assert again.status_code == 200 and "al bevestigd" in main_text(again)
    assert len(mails_to(ADDRESS)) == 1


def test_the_confirm_post_needs_its_csrf_token(pending):
    client = Client(enforce_csrf_checks=True)
    assert client.post(path_of(links.confirm_url(pending))).status_code == 403
    assert refreshed(pending).is_pending


def test_an_expired_confirm_link_changes_nothing_and_points_to_the_form(client, time_machine, pending, subscribe_page):
    time_machine.move_to(timezone.now(), tick=False)
    link = path_of(links.confirm_url(pending))
    time_machine.shift(links.CONFIRM_MAX_AGE + timedelta(minutes=1))

    response = client.post(link)

    assert response.status_code == 410
    assert "verlopen" in main_text(response)
    assert soup(response).find("main").find("a", href=subscribe_page.url) is not None
    assert refreshed(pending).is_pending


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"),
        lambda token: token[:10],
        lambda token: make_token(links.MANAGE_PURPOSE, 1),  # a token for another purpose
    ],
    ids=["tampered", "truncated", "other-purpose"],
)
def test_a_damaged_confirm_link_changes_nothing(client, pending, subscribe_page, mangle):
    token = make_token(links.CONFIRM_PURPOSE, pending.pk)
    url = subscribe_page.url + subscribe_page.reverse_subpage("confirm", args=[mangle(token)])

    response = client.post(url)

    assert response.status_code == 400
    assert "klopt niet" in main_text(response)
    assert refreshed(pending).is_pending


def test_a_confirm_link_for_an_unsubscribed_or_deleted_address_is_gone(client, pending, subscribe_page):
    link = path_of(links.confirm_url(pending))
    pending.unsubscribe()

    response = client.post(link)
    assert response.status_code == 404
    assert soup(response).find("main").find("a", href=subscribe_page.url) is not None
    assert refreshed(pending).is_unsubscribed

    pending.delete()
    assert client.get(link).status_code == 404


# --- the personal page ---------------------------------------------------------------------


def test_the_personal_page_shows_the_subscription_and_changes_nothing_on_get(client, active):
    response = client.get(path_of(links.manage_url(active)))

    assert response.status_code == 200
    page = soup(response)
    assert ADDRESS in main_text(response)
    assert page.find("select", attrs={"name": "wijk"}).find("option", selected=True)["value"] == "Noorderpark"
    assert all(form.find("input", attrs={"name": "csrfmiddlewaretoken"}) for form in page.find("main").find_all("form"))
    assert refreshed(active).is_active


def test_the_personal_page_changes_the_wijk(client, active):
    link = path_of(links.manage_url(active))

    response = client.post(link, {"action": "wijk", "wijk": "Zuidhoek"})
    assert response.status_code == 200
    assert "opgeslagen" in main_text(response)
    assert refreshed(active).wijk == "Zuidhoek"

    client.post(link, {"action": "wijk", "wijk": ""})
    assert refreshed(active).wijk == ""


def test_an_unknown_wijk_is_refused_with_a_message(client, active):
    response = client.post(path_of(links.manage_url(active)), {"action": "wijk", "wijk": "<script>"})

    assert response.status_code == 200
    assert soup(response).find(id="id_wijk_error") is not None
    assert refreshed(active).wijk == "Noorderpark"


def test_the_personal_page_unsubscribes_by_button(client, active):
    link = path_of(links.manage_url(active))

    response = client.post(link, {"action": "unsubscribe"})

    assert response.status_code == 200
    assert "Je bent afgemeld" in main_text(response)
    subscriber = refreshed(active)
    assert subscriber.is_unsubscribed and subscriber.unsubscribed_at is not None
    # Afterwards the page says so, with the way back; the wijk can no longer change.
    response = client.post(link, {"action": "wijk", "wijk": "Zuidhoek"})
    assert "Meld je opnieuw aan" in main_text(response)
    assert refreshed(active).wijk == "Noorderpark"


def test_the_personal_page_posts_need_their_csrf_token(active):
    client = Client(enforce_csrf_checks=True)
    assert client.post(path_of(links.manage_url(active)), {"action": "unsubscribe"}).status_code == 403
    assert refreshed(active).is_active


def test_an_expired_or_damaged_manage_link_changes_nothing(client, time_machine, active):
    time_machine.move_to(timezone.now(), tick=False)
    link = path_of(links.manage_url(active))

    assert client.post(link[:-4] + "xxxx/", {"action": "unsubscribe"}).status_code == 400
    time_machine.shift(links.MANAGE_MAX_AGE + timedelta(days=1))
    response = client.post(link, {"action": "unsubscribe"})
    assert response.status_code == 410
    assert refreshed(active).is_active


# --- one-click unsubscribe (RFC 8058) --------------------------------------------------------


def one_click(client, url):
    return client.post(url, {"List-Unsubscribe": "One-Click"})


def test_one_click_post_without_csrf_token_or_cookies_unsubscribes_at_once_and_twice_is_fine(active):
    client = Client(enforce_csrf_checks=True)
    url = path_of(links.unsubscribe_url(active))
    assert url.startswith("/nieuwsbrief-afmelden/")

    response = one_click(client, url)

    assert response.status_code == 200
    assert "Je bent afgemeld" in main_text(response)
    assert not response.cookies, "no session or CSRF cookie on the one-click answer"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    subscriber = refreshed(active)
    assert subscriber.is_unsubscribed
    first = subscriber.unsubscribed_at

    again = one_click(client, url)
    assert again.status_code == 200 and not again.cookies
    assert refreshed(active).unsubscribed_at == first


def test_one_click_get_shows_a_button_that_posts_to_the_same_url_and_changes_nothing(active):
    client = Client(enforce_csrf_checks=True)
    url = path_of(links.unsubscribe_url(active))

    response = client.get(url)

    assert response.status_code == 200
    assert not response.cookies
    form = soup(response).find("main").find("form")
    assert form["method"] == "post" and not form.get("action")
    assert form.find("button").get_text(strip=True) == "Ja, meld mij af"
    assert refreshed(active).is_active
    # The button's POST (the form's own fields, no CSRF token) works.
    data = {field["name"]: field["value"] for field in form.find_all("input")}
    assert client.post(url, data).status_code == 200
    assert refreshed(active).is_unsubscribed


def test_one_click_for_a_pending_address_and_for_an_erased_one(pending):
    client = Client(enforce_csrf_checks=True)
    url = path_of(links.unsubscribe_url(pending))
    assert one_click(client, url).status_code == 200
    assert refreshed(pending).is_unsubscribed

    pending.delete()
    response = one_click(client, url)
    assert response.status_code == 200, "an erased address gets nothing: what was asked"


def test_one_click_with_an_expired_or_damaged_token_changes_nothing(time_machine, active):
    client = Client(enforce_csrf_checks=True)
    time_machine.move_to(timezone.now(), tick=False)
    url = path_of(links.unsubscribe_url(active))

    assert one_click(client, url[:-4] + "xxxx/").status_code == 400
    assert (
        one_click(client, "/nieuwsbrief-afmelden/" + make_token(links.MANAGE_PURPOSE, active.pk) + "/").status_code
        == 400
    )
    time_machine.shift(links.UNSUBSCRIBE_MAX_AGE + timedelta(days=1))
    response = one_click(client, url)
    assert response.status_code == 410
    assert "verlopen" in main_text(response)
    assert refreshed(active).is_active


def test_the_list_unsubscribe_headers_point_to_the_one_click_url(active):
    headers = links.list_unsubscribe_headers(active)

    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    https = headers["List-Unsubscribe"].split(">")[0].lstrip("<")
    client = Client(enforce_csrf_checks=True)
    assert one_click(client, path_of(https)).status_code == 200
    assert refreshed(active).is_unsubscribed


def test_no_link_page_is_kept_by_the_page_cache(settings, client, active, subscribe_page):
    settings.PAGE_CACHE_ENABLED = True
    paths = [
        path_of(links.unsubscribe_url(active)),
        path_of(links.manage_url(active)),
        path_of(links.confirm_url(make_subscriber("nieuw@example.org", status=Subscriber.Status.PENDING))),
        subscribe_page.url,
    ]
    for path in paths:
        for _ in range(2):
            response = Client().get(path)
            assert response.status_code == 200
            assert "X-Page-Cache" not in response, path
    assert one_click(Client(), paths[0]).status_code == 200
    assert refreshed(active).is_unsubscribed
