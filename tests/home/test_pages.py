import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.models import MunicipalitySettings
from tests.factories import StandardPageFactory, heading, paragraph

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_home_page_renders_with_site_chrome(client, home_page):
    response = client.get("/")
    page = soup(response)

    assert response.status_code == 200
    assert page.html["lang"] == "nl"
    assert len(page.find_all("h1")) == 1
    assert page.find("main", id="inhoud")
    assert page.select_one("a.skip-link")["href"] == "#inhoud"
    assert page.find("nav", attrs={"aria-label": "Hoofdmenu"})
    assert "Gemeente Voorbeeld" in page.title.get_text()


def test_menu_shows_pages_marked_for_menus_and_marks_the_current_one(client, home_page):
    contact = StandardPageFactory(parent=home_page, title="Contact", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Colofon", show_in_menus=False)

    page = soup(client.get(contact.url))

    menu = page.find("nav", attrs={"aria-label": "Hoofdmenu"})
    assert [a.get_text() for a in menu.find_all("a")] == ["Home", "Contact"]
    assert menu.find("a", string="Contact")["aria-current"] == "page"


def test_standard_page_has_breadcrumbs_and_heading_anchors(client, home_page):
    page_obj = StandardPageFactory(
        parent=home_page, title="Privacyverklaring", body=[heading("Welke gegevens"), paragraph("<p>x</p>")]
    )

    page = soup(client.get(page_obj.url))

    crumbs = page.find("nav", attrs={"aria-label": "Kruimelpad"})
    assert [a.get_text() for a in crumbs.find_all("a")] == ["Home"]
    assert crumbs.find(attrs={"aria-current": "page"}).get_text() == "Privacyverklaring"
    assert page.select_one("h2#welke-gegevens")


def test_footer_links_the_pages_chosen_in_settings(client, home_page):
    privacy = StandardPageFactory(parent=home_page, title="Privacyverklaring")
    settings = MunicipalitySettings.for_site(home_page.get_site())
    settings.privacy_page = privacy
    settings.municipality_name = "Gemeente Oostwold"
    settings.save()

    page = soup(client.get("/"))

    footer = page.find("footer")
    assert footer.find("a", string="Privacyverklaring")["href"] == privacy.url
    assert "Gemeente Oostwold" in footer.get_text()


def test_search_finds_published_pages_only(client, home_page):
    StandardPageFactory(parent=home_page, title="Hesjes en zaklampen", intro="Wat je krijgt van de gemeente.")
    StandardPageFactory(parent=home_page, title="Iets anders", intro="Over hesjes gesproken.")
    StandardPageFactory(parent=home_page, title="Hesjes concept", live=False)

    page = soup(client.get("/zoeken/", {"q": "hesjes"}))

    titles = [a.get_text() for a in page.select(".search-results a")]
    assert sorted(titles) == ["Hesjes en zaklampen", "Iets anders"]
    assert "2 resultaten" in page.select_one(".search-summary").get_text()
    assert "Wat je krijgt van de gemeente." in page.select_one(".search-results").get_text()


def test_search_pages_through_results(client, home_page):
    for n in range(12):
        StandardPageFactory(parent=home_page, title=f"Zaklamp {n}")
    first = soup(client.get("/zoeken/", {"q": "zaklamp"}))
    assert len(first.select(".search-results li")) == 10
    next_link = first.select_one(".pagination a[rel=next]")["href"]
    assert "q=zaklamp" in next_link and "pagina=2" in next_link
    second = soup(client.get("/zoeken/" + next_link))
    assert len(second.select(".search-results li")) == 2


def test_search_without_results_helps_the_user(client, home_page):
    page = soup(client.get("/zoeken/", {"q": "olifant"}))
    assert "Geen resultaten" in page.get_text()
    assert page.find("input", attrs={"name": "q"})["value"] == "olifant"


def test_search_with_a_bad_page_number_shows_results(client, home_page):
    assert client.get("/zoeken/", {"q": "x", "pagina": "abc"}).status_code == 200
    assert client.get("/zoeken/", {"q": "x", "pagina": "999"}).status_code == 200


def test_unknown_page_gets_a_dutch_404_in_the_site_layout(client, home_page):
    response = client.get("/bestaat-niet/")
    page = soup(response)
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in page.h1.get_text()
    assert page.find("nav", attrs={"aria-label": "Hoofdmenu"})


def test_server_error_page_is_dutch_and_needs_no_database(rf):
    from home.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_live_pages(client, home_page):
    live = StandardPageFactory(parent=home_page, slug="contact")
    StandardPageFactory(parent=home_page, slug="concept", live=False)

    body = client.get("/sitemap.xml").content.decode()

    assert live.full_url in body
    assert "/concept/" not in body


@pytest.mark.parametrize("query", ['wijkagent"', '"', "a\x00b", "(", "*", "NEAR(", "a:b", "^", "'", "AND", "-x"])
def test_search_syntax_in_a_query_gives_a_page_not_an_error(client, home_page, query):
    StandardPageFactory(parent=home_page, title="Wijkagent en buurtpreventie")
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


def test_a_quoted_word_still_finds_its_pages(client, home_page):
    StandardPageFactory(parent=home_page, title="Wijkagent en buurtpreventie")
    page = soup(client.get("/zoeken/", {"q": '"wijkagent"'}))
    assert [a.get_text() for a in page.select(".search-results a")] == ["Wijkagent en buurtpreventie"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(st.characters(blacklist_categories=["Cs"]), max_size=120))
def test_any_query_gives_a_result_page_or_an_empty_one(client, home_page, query):
    assert client.get("/zoeken/", {"q": query}).status_code == 200


@pytest.mark.parametrize("query", ['"', 'wijkagent"', "a\x00b", "("])
def test_the_admin_role_search_survives_search_syntax(admin_client, query):
    response = admin_client.get("/admin/snippets/dossier/role/", {"q": query})
    assert response.status_code == 200


@pytest.fixture
def strict_client():
    """A browser as the site sees one: CSRF checked (Django's test client skips it by default)."""
    from django.test import Client

    return Client(enforce_csrf_checks=True)


def test_a_failed_csrf_check_gets_a_dutch_page_with_the_way_back(home_page, strict_client):
    client = strict_client
    response = client.post("/zoeken/", {"q": "x"}, HTTP_REFERER="http://testserver/aanmelden/")

    assert response.status_code == 403
    page = soup(response)
    assert page.find("h1").get_text(strip=True) == "Je formulier is niet verstuurd"
    assert page.find("a", string="Terug naar het formulier")["href"] == "http://testserver/aanmelden/"
    assert page.find("html")["lang"] == "nl"


def test_the_way_back_never_leads_to_another_site(home_page, strict_client):
    response = strict_client.post("/zoeken/", {}, HTTP_REFERER="https://kwaad.example/")
    assert soup(response).find("a", string="Terug naar het formulier")["href"] == "/"


@pytest.mark.parametrize(
    "data",
    [{"veld": "x" * (3 * 1024 * 1024)}, {f"veld{number}": "x" for number in range(1200)}],
    ids=["too-large", "too-many-fields"],
)
def test_a_request_far_too_large_gets_a_dutch_400_page(strict_client, home_page, data):
    from django.middleware.csrf import get_token
    from django.test import RequestFactory

    # With a CSRF cookie, the check reads the form, and finds it too large.
    strict_client.cookies["csrftoken"] = get_token(RequestFactory().get("/"))
    response = strict_client.post("/zoeken/", data)

    assert response.status_code == 400
    assert soup(response).find("h1").get_text(strip=True) == "Dit konden we niet verwerken"
