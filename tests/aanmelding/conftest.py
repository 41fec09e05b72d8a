"""Fixtures of the public registration tests (helpers: registration_support.py).

They build on ``home_page`` from tests/conftest.py. Nothing here is autouse:
a test module asks for ``no_rate_limit_left_over`` with ``usefixtures``.
"""

import pytest
from wagtail.models import Site

from forms.testing import clear_rate_limits
from home.models import MunicipalitySettings
from tests.factories import (
    InfoEveningIndexPageFactory,
    RegistrationPageFactory,
    RegistrationRoundFactory,
    UserFactory,
    WijkFactory,
)

from .registration_support import HANDLERS, NOTIFICATION_EMAIL


@pytest.fixture
def no_rate_limit_left_over(db):
    """Every POST counts towards the per-address limit; start and end with none."""
    clear_rate_limits()
    yield
    clear_rate_limits()


@pytest.fixture
def municipality(home_page):
    settings = MunicipalitySettings.for_site(Site.objects.get(is_default_site=True))
    settings.notification_email = NOTIFICATION_EMAIL
    settings.save()
    return settings


@pytest.fixture
def registration_page(home_page, municipality):
    return RegistrationPageFactory(parent=home_page)


@pytest.fixture
def wijk(db):
    return WijkFactory(name="Noorderpark")


@pytest.fixture
def open_round(db):
    return RegistrationRoundFactory(title="Voorjaar")


@pytest.fixture
def handler(db):
    """A member of "Behandelaars buurtpreventie" (the group made by migration 0003)."""
    from django.contrib.auth.models import Group

    user = UserFactory(username="behandelaar", first_name="Bea", last_name="Handel")
    user.groups.add(Group.objects.get(name=HANDLERS))
    return user


@pytest.fixture
def handler_client(client, handler):
    client.force_login(handler)
    return client


@pytest.fixture
def index_page(home_page, municipality):
    """The 'Informatiebijeenkomsten' overview, under which evenings go."""
    return InfoEveningIndexPageFactory(parent=home_page)
