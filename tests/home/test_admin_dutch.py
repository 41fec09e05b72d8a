"""The admin that editors and handlers use: Dutch, branded, and without third-party requests."""

from tests.factories import UserFactory


def test_the_admin_asks_gravatar_for_no_avatar(client, home_page):
    editor = UserFactory(is_superuser=True, email="redacteur@gemeente.example")
    client.force_login(editor)

    for url in ("/admin/", "/admin/account/", "/admin/users/"):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url
