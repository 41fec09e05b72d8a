"""The suite runs on the database it was asked to run on (CI sets EXPECT_DATABASE for its PostgreSQL run)."""

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_the_suite_runs_on_the_expected_database():
    expected = os.environ.get("EXPECT_DATABASE")
    actual = connection.vendor
    assert actual in {"sqlite", "postgresql"}
    if expected:
        # Were DATABASE_URL lost on the way, the PostgreSQL-only tests would skip on SQLite unnoticed.
        assert actual == expected
