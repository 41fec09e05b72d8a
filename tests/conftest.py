import pytest

from tests.factories import make_site_with_home


@pytest.fixture
def home_page(db):
    return make_site_with_home()


def pytest_collection_modifyitems(items):
    """Every transactional test starts from the migrated database (Django's serialized rollback).

    Django empties the database after a transactional test. After one with serialized rollback
    it does so without recreating content types, permissions and the migrations' groups, so a
    transactional test after it, in the same pytest worker, found an empty database and a stale
    content-type cache ('inhoudstype ... is not a valid choice'), depending on the order. With
    serialized rollback for all of them, each starts from the state the migrations left.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        args, kwargs = (marker.args, marker.kwargs) if marker is not None else ((), {})
        # A test is transactional by its marker, or by using the live server (pytest-django's rule).
        by_fixture = {"live_server", "transactional_db"} & set(getattr(item, "fixturenames", ()))
        if (kwargs.get("transaction") or by_fixture) and not kwargs.get("serialized_rollback"):
            restored = pytest.mark.django_db(*args, **{**kwargs, "transaction": True, "serialized_rollback": True})
            item.add_marker(restored, append=False)
