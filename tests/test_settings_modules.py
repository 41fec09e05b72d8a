"""Each settings module must import; production must refuse to run without a secret key or a public address."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

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
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "https://buurtpreventie.gemeente.example")
    sys.modules.pop("settings.base", None)
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        fresh_import("settings.production")


@pytest.mark.parametrize("value", [None, "", "   ", "buurtpreventie.gemeente.example", "https://", "ftp://x.example"])
def test_production_settings_need_the_public_address(monkeypatch, value):
    """Mails the worker sends would otherwise link to base.py's development default."""
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
    if value is None:
        monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)
    else:
        monkeypatch.setenv("WAGTAILADMIN_BASE_URL", value)
    sys.modules.pop("settings.base", None)
    with pytest.raises(ImproperlyConfigured, match="WAGTAILADMIN_BASE_URL is not set to the public address"):
        fresh_import("settings.production")


def test_production_settings_with_a_secret_key(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "https://buurtpreventie.gemeente.example/")
    sys.modules.pop("settings.base", None)
    module = fresh_import("settings.production")
    assert module.WAGTAILADMIN_BASE_URL == "https://buurtpreventie.gemeente.example"
    assert module.DEBUG is False
    assert module.DEMO_ACCOUNTS_ALLOWED is False
    assert module.STORAGES["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert module.SECURE_SSL_REDIRECT is True
    middleware = module.MIDDLEWARE
    assert (
        middleware.index("whitenoise.middleware.WhiteNoiseMiddleware")
        == middleware.index("django.middleware.security.SecurityMiddleware") + 1
    )


def test_dev_settings_keep_the_task_loggers_at_warnings():
    module = fresh_import("settings.dev")
    for name in ("django_tasks", "django_tasks_db"):
        assert module.LOGGING["loggers"][name]["level"] == "WARNING"
        assert module.LOGGING["loggers"][name]["filters"] == ["warnings_and_up"]


# In a process of its own, as `make run` starts the worker: dev settings set up, then db_worker
# sets its loggers to INFO (verbosity 1) as it does at start, then a task runs and sends a mail.
DEV_WORKER_SCRIPT = """
import logging
import django
from django.core.mail import send_mail

django.setup()
from django_tasks_db.management.commands.db_worker import Command

Command().configure_logging(1)
logging.getLogger("django_tasks_db").info("Starting worker worker_id=w queues=*")
logging.getLogger("django_tasks").info("Task id=1 path=forms.tasks.send_outgoing_mail state=RUNNING")
send_mail("Er is een plaats vrijgekomen", "Beste Fatima,", "noreply@example.org", ["fatima@example.org"])
logging.getLogger("django_tasks").info("Task id=1 path=forms.tasks.send_outgoing_mail state=SUCCESSFUL")
logging.getLogger("django_tasks").error("Task id=2 path=forms.tasks.send_outgoing_mail state=FAILED")
"""


def test_in_dev_the_worker_prints_mails_and_failures_but_no_task_lines():
    root = Path(__file__).resolve().parent.parent
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="settings.dev", PYTHONPATH=f"{root}{os.pathsep}{root / 'site'}")
    result = subprocess.run(
        [sys.executable, "-c", DEV_WORKER_SCRIPT], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "Subject: Er is een plaats vrijgekomen" in result.stdout  # the console mail backend
    assert "state=FAILED" in output
    assert "state=RUNNING" not in output and "state=SUCCESSFUL" not in output
    assert "Starting worker" not in output


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


def run_deploy_check(**environment):
    """``manage.py check --deploy --fail-level WARNING`` with production settings, in a process of its own."""
    root = Path(__file__).resolve().parent.parent
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "WAGTAILADMIN_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="settings.production",
        # A made-up key of the length and variety the check asks for; never one of the repository's.
        DJANGO_SECRET_KEY="".join(chr(33 + (n * 7919) % 90) for n in range(60)),
        DJANGO_ALLOWED_HOSTS="buurtpreventie.gemeente.example",
        WAGTAILADMIN_BASE_URL="https://buurtpreventie.gemeente.example",
        **environment,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deploy_check_gives_no_warnings_with_production_settings_and_https():
    result = run_deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_warns_when_hsts_leaves_out_the_subdomains():
    """The check above would pass vacuously if it never ran the security checks."""
    result = run_deploy_check(DJANGO_HSTS_INCLUDE_SUBDOMAINS="off")
    assert result.returncode != 0
    assert "security.W005" in result.stdout + result.stderr


MEDIA_STORAGE_SCRIPT = """
import django
django.setup()
from django.core.files.storage import default_storage
default_storage._setup()
print(type(default_storage._wrapped).__name__)
print(getattr(default_storage._wrapped, "bucket_name", "-"))
print(default_storage.url("images/foto.jpg"))
"""


def media_storage_in_production(**environment):
    """The media storage production settings choose, in a process of its own (no network: S3 only signs a URL)."""
    root = Path(__file__).resolve().parent.parent
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "WAGTAILADMIN_", "AWS_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="settings.production",
        DJANGO_SECRET_KEY="x" * 50,
        WAGTAILADMIN_BASE_URL="https://buurtpreventie.gemeente.example",
        PYTHONPATH=f"{root}{os.pathsep}{root / 'site'}",
        **environment,
    )
    return subprocess.run(
        [sys.executable, "-c", MEDIA_STORAGE_SCRIPT], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_keeps_media_in_the_shared_folder_by_default(tmp_path):
    result = media_storage_in_production(DJANGO_MEDIA_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split()
    assert lines[0] == "FileSystemStorage"
    assert lines[2] == "/media/images/foto.jpg"


def test_production_puts_media_in_an_s3_bucket_when_asked():
    result = media_storage_in_production(
        DJANGO_MEDIA_STORAGE="s3",
        DJANGO_S3_BUCKET="buurt-media",
        DJANGO_S3_ENDPOINT_URL="https://s3.gemeente.example",
        DJANGO_S3_REGION="nl-ams",
        DJANGO_S3_ACCESS_KEY_ID="AKIDEXAMPLE",
        DJANGO_S3_SECRET_ACCESS_KEY="geheim-alleen-voor-de-test",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split()
    assert lines[0] == "S3Storage"
    assert lines[1] == "buurt-media"
    # A private bucket: the link is signed with the key from the environment and expires.
    url = lines[2]
    assert url.startswith("https://s3.gemeente.example/buurt-media/images/foto.jpg?")
    assert "AKIDEXAMPLE" in url and "X-Amz-Expires=3600" in url
    assert "geheim" not in url


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"DJANGO_MEDIA_STORAGE": "s3"}, "DJANGO_MEDIA_STORAGE=s3 needs DJANGO_S3_BUCKET"),
        ({"DJANGO_MEDIA_STORAGE": "ftp"}, "DJANGO_MEDIA_STORAGE is 'filesystem' or 's3'"),
    ],
)
def test_production_refuses_a_media_storage_it_cannot_use(environment, message):
    result = media_storage_in_production(**environment)
    assert result.returncode != 0
    assert message in result.stderr
