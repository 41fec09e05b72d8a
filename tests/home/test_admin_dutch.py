"""The admin that editors and handlers use: Dutch, branded, and without third-party requests."""

import pytest
from wagtail.models import Site

from home.models import MunicipalitySettings
from tests.factories import UserFactory


def test_the_admin_asks_gravatar_for_no_avatar(client, home_page):
    editor = UserFactory(is_superuser=True, email="redacteur@gemeente.example")
    client.force_login(editor)

    for url in ("/admin/", "/admin/account/", "/admin/users/"):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url


def test_the_login_page_names_the_municipality_not_wagtail(client, home_page):
    municipality = MunicipalitySettings.for_site(home_page.get_site())
    municipality.municipality_name = "Gemeente Dijkdorp"
    municipality.save()

    html = client.get("/admin/login/").content.decode()

    assert "<h1>Inloggen bij Buurtpreventie Gemeente Dijkdorp</h1>" in html
    assert "<title>Inloggen - Buurtpreventie Gemeente Dijkdorp</title>" in html
    assert "Wagtail</title>" not in html
    assert "Inloggen in Wagtail" not in html


def test_every_admin_page_is_titled_after_the_municipality(client, home_page):
    client.force_login(UserFactory(is_superuser=True))

    html = " ".join(client.get("/admin/").content.decode().split())

    assert "<title>Dashboard - Buurtpreventie Gemeente Voorbeeld</title>" in html
    assert '<h1 class="w-h1 w-mt-0"> Buurtpreventie Gemeente Voorbeeld </h1>' in html


@pytest.mark.django_db
def test_without_a_site_the_login_page_uses_the_site_name(client):
    Site.objects.all().delete()

    html = client.get("/admin/login/").content.decode()

    assert "<h1>Inloggen bij Buurtpreventie</h1>" in html
