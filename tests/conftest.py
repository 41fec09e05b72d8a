import pytest

from tests.factories import make_site_with_home


@pytest.fixture
def home_page(db):
    return make_site_with_home()
