"""`make backup` and `make restore`: a whole site back from its backup, on the suite's database engine.

Everything runs as an administrator runs it: `manage.py` in processes of their own, each on
its own database (SQLite files in the default run; new PostgreSQL databases, made and dropped
here, in the PostgreSQL run) and its own MEDIA_ROOT. A site with the demo content, a
registration, an evening sign-up and an uploaded document is taken back one migration (as
a site of an older release), backed up with the real command and restored into an empty
database; the restore migrates it to this release, and it serves the same pages,
registrations, sign-ups and files as the original.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from home import backups
from tests.home.backup_probe import (
    DOCUMENT_BYTES,
    DOCUMENT_TITLE,
    NEWER_MIGRATION,
    REGISTRATION_EMAIL,
    SIGNUP_EMAIL,
)

ROOT = Path(__file__).resolve().parents[2]
ENGINE = connection.vendor
DATABASE_FILE = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}[ENGINE]


class Databases:
    """New empty databases of the suite's engine, by label; PostgreSQL ones are dropped at the end."""

    def __init__(self, directory):
        self.directory = directory
        self.settings = connection.settings_dict
        self.created = []

    def _admin(self):
        s = self.settings
        return psycopg.connect(
            dbname=s["NAME"], user=s["USER"], password=s["PASSWORD"], host=s["HOST"], port=s["PORT"], autocommit=True
        )

    def new(self, label):
        if ENGINE == "sqlite":
            return f"sqlite:///{self.directory / f'{label}.sqlite3'}"
        name = f"test_{self.settings['NAME']}_backup_{os.getpid()}_{label}"
        with self._admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        s = self.settings
        credentials = quote(s["USER"], safe="") + (":" + quote(s["PASSWORD"], safe="") if s["PASSWORD"] else "")
        return f"postgres://{credentials}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{name}"

    def drop_all(self):
        if self.created:
            with self._admin() as admin:
                for name in self.created:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class SiteProcess:
    """`manage.py` for one site: its database, its MEDIA_ROOT and its BACKUP_DIR."""

    def __init__(self, database_url, directory):
        self.database_url = database_url
        self.directory = directory
        self.media_root = directory / "media"
        self.backup_dir = directory / "backups"
        directory.mkdir(parents=True, exist_ok=True)

    def env(self, **extra):
        return dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="settings.test",
            DATABASE_URL=self.database_url,
            DJANGO_MEDIA_ROOT=str(self.media_root),
            BACKUP_DIR=str(self.backup_dir),
            PYTHONUNBUFFERED="1",
            **extra,
        )

    def manage(self, *arguments, check=True, **extra):
        result = subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env=self.env(**extra),
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check:
            assert result.returncode == 0, f"manage.py {' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}"
        return result

    def probe(self, function):
        """Run ``backup_probe.<function>()`` in the site; the snapshot it wrote, if any."""
        output = self.directory / "probe.json"
        output.unlink(missing_ok=True)
        code = f"from tests.home import backup_probe; backup_probe.{function}()"
        self.manage("shell", "-c", code, BACKUP_PROBE_OUTPUT=str(output))
        return json.loads(output.read_text()) if output.exists() else None

    def query(self, sql, *parameters):
        """Rows straight from the site's database, without starting Django."""
        if self.database_url.startswith("sqlite:///"):
            with closing(sqlite3.connect(self.database_url.removeprefix("sqlite:///"))) as database:
                rows = database.execute(sql.replace("%s", "?"), parameters).fetchall()
                database.commit()
                return rows
        with psycopg.connect(self.database_url) as database:
            cursor = database.execute(sql, parameters)
            return cursor.fetchall() if cursor.description else []

    def table_count(self):
        if self.database_url.startswith("sqlite:///"):
            return self.query("SELECT count(*) FROM sqlite_master WHERE type = 'table'")[0][0]
        return self.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")[0][0]

    def registration_names(self):
        return self.query("SELECT email, name FROM aanmelding_registration ORDER BY id")


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    made = Databases(tmp_path_factory.mktemp("databases"))
    yield made
    made.drop_all()


@pytest.fixture
def demo_site(databases, tmp_path_factory):
    """The demo site with a registration, a sign-up and a document of our own."""
    site = SiteProcess(databases.new("original"), tmp_path_factory.mktemp("original"))
    site.snapshot = site.probe("build_site")  # migrate, demo content, our additions; what it serves
    return site


@pytest.fixture(scope="module")
def empty(databases, tmp_path_factory):
    """An empty database and no media folder, with a backup of that: for what needs no content."""
    site = SiteProcess(databases.new("empty"), tmp_path_factory.mktemp("empty"))
    site.manage("backup_site", "--verbosity", "0")
    site.backup = backups.backups_in(site.backup_dir)[-1]
    return site


# One test for the whole round trip: building the demo site is the expensive part, and a
# module fixture would be built again in each pytest-xdist worker that gets one of its tests.
def test_a_site_comes_back_whole_from_its_backup(demo_site, databases, tmp_path_factory):
    # --- the backup -------------------------------------------------------------------------
    result = demo_site.manage("backup_site")
    backup = backups.backups_in(demo_site.backup_dir)[-1]
    assert f"Back-up gemaakt: {backup}" in result.stdout
    assert backup.parent == demo_site.backup_dir  # BACKUP_DIR from the environment
    assert [path.name for path in demo_site.backup_dir.iterdir()] == [backup.name]  # nothing half-written
    assert sorted(path.name for path in backup.iterdir()) == sorted([DATABASE_FILE, "manifest.json", "media.tar"])
    # Personal data: for the site's user only.
    assert backup.stat().st_mode & 0o777 == 0o700
    for path in backup.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600, path

    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"]["engine"] == ENGINE
    assert manifest["database"]["file"] == DATABASE_FILE
    assert "0001_initial" in manifest["migrations"]["home"]
    assert "0001_initial" in manifest["migrations"]["aanmelding"]
    app, migration = NEWER_MIGRATION
    assert migration not in manifest["migrations"][app]  # the backup is of the "older release"
    assert manifest["versions"]["django"] and manifest["versions"]["wagtail"]
    assert set(manifest["files"]) == {DATABASE_FILE, "media.tar"}
    for name, facts in manifest["files"].items():
        assert facts["sha256"] == backups._sha256(backup / name)
        assert facts["bytes"] == (backup / name).stat().st_size > 0
    with tarfile.open(backup / "media.tar") as archive:
        names = archive.getnames()
        document = next(name for name in names if name.startswith("documents/"))
        assert archive.extractfile(document).read() == DOCUMENT_BYTES
        assert any(name.startswith("original_images/") for name in names)
    assert manifest["media"] == {"file": "media.tar", "storage": "filesystem", "files": len(names)}

    # --- restored into an empty database and an empty media folder --------------------------
    restored = SiteProcess(databases.new("restored"), tmp_path_factory.mktemp("restored"))
    assert restored.table_count() == 0
    output = restored.manage("restore_site", str(backup)).stdout
    assert "teruggezet" in output and "De migraties zijn uitgevoerd" in output
    # After an upgrade: the restore brought the older backup up to this release's migrations.
    assert restored.query("SELECT count(*) FROM django_migrations WHERE app = %s AND name = %s", app, migration) == [
        (1,)
    ]

    before = demo_site.snapshot
    after = restored.probe("snapshot")
    # What was there is really there, so the comparison compares something.
    assert len(before["pages"]) >= 30
    assert sum(page["status"] == 200 for page in before["pages"].values()) >= 30
    assert REGISTRATION_EMAIL in [row[4] for row in before["registrations"]]
    assert SIGNUP_EMAIL in [row[3] for row in before["signups"]]
    assert before["documents"][DOCUMENT_TITLE] == {"status": 200, "sha256": before["document_sha256"]}
    assert before["images"] and all(image["status"] == 200 for image in before["images"].values())

    assert after["registrations"] == before["registrations"]
    assert after["signups"] == before["signups"]
    assert after["documents"] == before["documents"]
    assert after["images"] == before["images"]
    assert after["media"] == before["media"]
    assert after["pages"].keys() == before["pages"].keys()
    for url, page in before["pages"].items():
        assert after["pages"][url] == page, url

    # --- a database that is not empty is refused, unless forced -----------------------------
    backed_up = restored.registration_names()
    restored.query("UPDATE aanmelding_registration SET name = %s WHERE email = %s", "Na de back-up", REGISTRATION_EMAIL)
    changed = restored.registration_names()
    assert changed != backed_up

    refused = restored.manage("restore_site", str(backup), check=False)
    assert refused.returncode != 0
    assert "is niet leeg" in refused.stderr and "--force" in refused.stderr
    assert restored.registration_names() == changed  # untouched

    restored.manage("restore_site", "--force", str(backup))
    assert restored.registration_names() == backed_up


@pytest.mark.parametrize("damage", ["changed file", "newer release"])
def test_restore_refuses_a_damaged_or_newer_backup_before_it_changes_anything(empty, tmp_path_factory, damage):
    directory = tmp_path_factory.mktemp("damaged")
    copy = directory / empty.backup.name
    shutil.copytree(empty.backup, copy)
    if damage == "changed file":
        with open(copy / "media.tar", "r+b") as archive:
            archive.seek(600)
            byte = archive.read(1)
            archive.seek(600)
            archive.write(bytes([byte[0] ^ 0xFF]))
        expected = "media.tar is beschadigd"
    else:
        manifest = json.loads((copy / "manifest.json").read_text())
        manifest["migrations"].setdefault("home", []).append("9999_from_the_future")
        (copy / "manifest.json").write_text(json.dumps(manifest))
        expected = "nieuwere versie"

    refused = empty.manage("restore_site", str(copy), check=False)

    assert refused.returncode != 0
    assert expected in refused.stderr
    assert empty.table_count() == 0
    assert not empty.media_root.exists()


def test_keep_removes_the_oldest_backups_and_nothing_else(empty, tmp_path):
    folder = tmp_path / "kept"
    folder.mkdir()
    old = folder / "buurtpreventie-20200101T000000Z"
    shutil.copytree(empty.backup, old)
    (folder / "notities.txt").write_text("van de beheerder")

    result = empty.manage("backup_site", "--output-dir", str(folder), "--keep", "1")

    remaining = sorted(path.name for path in folder.iterdir())
    assert len(remaining) == 2 and "notities.txt" in remaining
    assert not old.exists()
    assert f"Oude back-up verwijderd: {old}" in result.stdout


def test_keep_refuses_to_remove_every_backup(tmp_path):
    # In this process: the command stops before it touches a database or a file.
    with pytest.raises(CommandError, match="--keep moet minstens 1 zijn"):
        call_command("backup_site", output_dir=str(tmp_path), keep=0)
    assert list(tmp_path.iterdir()) == []


def test_media_in_object_storage_stay_out_of_the_backup(settings, tmp_path):
    # django-storages (S3) keeps its own copies; the backup says so instead of packing nothing.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    assert backups._pack_media(tmp_path / "media.tar") == {"storage": "external", "files": 0}
    assert not (tmp_path / "media.tar").exists()
    assert backups._unpack_media(tmp_path / "media.tar") is None
