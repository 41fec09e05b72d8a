"""Editors find pages in the admin by the words in their texts, not only by their titles
(home/search_index.py: the admin's page search reads only autocomplete fields)."""

import re

import pytest
from django.contrib.auth.models import Group

from home.groups import EDITORS
from tests.factories import (
    DossierChapterPageFactory,
    DossierPageFactory,
    InfoEveningIndexPageFactory,
    InfoEveningPageFactory,
    StandardPageFactory,
    UserFactory,
    paragraph,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


def found_titles(client, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    spans = re.findall(r'(?s)<span id="page_\d+_title">(.*?)</span>', response.content.decode())
    return {" ".join(re.sub(r"(?s)<svg.*?</svg>", "", span).split()) for span in spans}


def test_the_admin_page_search_finds_words_in_page_texts(client, home_page, editor):
    dossier = DossierPageFactory(parent=home_page, title="Dossier", summary="<p>Met de buurtbrigadier.</p>")
    DossierChapterPageFactory(
        parent=dossier, title="Veilig op ronde", body=[paragraph("<p>Bel de wijkagent of [alarmnummer].</p>")]
    )
    StandardPageFactory(parent=home_page, title="Contact", body=[paragraph("<p>Vraag naar je wijkagent.</p>")])
    evening = InfoEveningPageFactory(parent=InfoEveningIndexPageFactory(parent=home_page), title="Avond noord")
    evening.programme = [paragraph("<p>Kennismaken met de wijkagent.</p>")]
    evening.save_revision().publish()
    StandardPageFactory(parent=home_page, title="Colofon", body=[paragraph("<p>Over de website.</p>")])

    assert found_titles(client, "/admin/pages/search/", "wijkagent") == {"Veilig op ronde", "Contact", "Avond noord"}
    assert found_titles(client, "/admin/pages/search/", "alarmnummer") == {"Veilig op ronde"}
    assert found_titles(client, "/admin/pages/search/", "buurtbrigadier") == {"Dossier"}
    # Within a section of the page tree too.
    assert found_titles(client, f"/admin/pages/{dossier.pk}/", "wijkagent") == {"Veilig op ronde"}
