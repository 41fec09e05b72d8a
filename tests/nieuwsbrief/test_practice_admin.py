"""Editors keep the list of themes in the admin (Nieuwsbrief → Thema's praktijkvoorbeelden)."""

import pytest
from django.contrib.auth.models import Group

from nieuwsbrief.models import Theme
from tests.factories import UserFactory

from .practice_support import PracticeExampleIndexPageFactory, PracticeExamplePageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("group", ["Redacteuren", "Moderatoren"])
def test_editors_add_and_rename_themes(client, home_page, group):
    editor = UserFactory(username="redacteur")
    editor.groups.add(Group.objects.get(name=group))
    client.force_login(editor)

    assert client.get("/admin/nieuwsbrief/theme/").status_code == 200
    response = client.post(
        "/admin/nieuwsbrief/theme/create/", {"name": "Verlichting", "slug": "verlichting", "sort_order": 1}
    )
    assert response.status_code == 302
    theme = Theme.objects.get(slug="verlichting")

    client.post(f"/admin/nieuwsbrief/theme/edit/{theme.pk}/", {"name": "Licht", "slug": "licht", "sort_order": 1})
    theme.refresh_from_db()
    assert theme.name == "Licht"


def test_a_member_of_no_editor_group_cannot(client, home_page):
    client.force_login(UserFactory(username="iemand"))

    assert client.get("/admin/nieuwsbrief/theme/").status_code in (302, 403)


def test_editors_tick_the_themes_of_an_example(client, home_page):
    Theme.objects.create(name="Verlichting", slug="verlichting")
    example = PracticeExamplePageFactory(parent=PracticeExampleIndexPageFactory(parent=home_page))
    client.force_login(UserFactory(username="beheer", is_superuser=True))

    html = client.get(f"/admin/pages/{example.pk}/edit/").content.decode()

    assert 'type="checkbox" name="themes"' in html
