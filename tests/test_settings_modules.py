"""Each settings module must import; production must refuse to run without a secret key."""

import importlib
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured


def fresh_import(name):
    sys.modules.pop(name, None)
    return importlib.import_module(name)


@pytest.mark.parametrize("name", ["settings.base", "settings.dev", "settings.test"])
def test_settings_module_imports(name):
    module = fresh_import(name)
    assert module.LANGUAGE_CODE == "nl"
    assert module.TIME_ZONE == "Europe/Amsterdam"
    assert module.ROOT_URLCONF == "urls"


def test_production_settings_need_a_secret_key(monkeypatch):
    monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
    sys.modules.pop("settings.base", None)
    with pytest.raises(ImproperlyConfigured):
        fresh_import("settings.production")


def test_production_settings_with_a_secret_key(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
    sys.modules.pop("settings.base", None)
    module = fresh_import("settings.production")
    assert module.DEBUG is False
    assert module.DEMO_ACCOUNTS_ALLOWED is False
    assert module.STORAGES["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert module.SECURE_SSL_REDIRECT is True
    middleware = module.MIDDLEWARE
    assert (
        middleware.index("whitenoise.middleware.WhiteNoiseMiddleware")
        == middleware.index("django.middleware.security.SecurityMiddleware") + 1
    )


def test_database_url_selects_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@127.0.0.1:5432/buurt")
    sys.modules.pop("settings.base", None)
    module = fresh_import("settings.base")
    assert module.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def test_sqlite_uses_immediate_transactions(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    sys.modules.pop("settings.base", None)
    module = fresh_import("settings.base")
    assert module.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_wsgi_module_imports():
    module = importlib.import_module("wsgi")
    assert module.application is not None
