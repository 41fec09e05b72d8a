"""Backups of the whole site: the database and the uploaded files, in one directory.

A backup is a directory ``buurtpreventie-<UTC time>`` under ``settings.BACKUP_DIR``:

- ``database.dump`` (PostgreSQL, ``pg_dump --format=custom``) or ``database.sqlite3``
  (SQLite's online backup API, consistent while the site keeps writing);
- ``media.tar``: every file under ``MEDIA_ROOT`` (uploaded images and documents);
- ``manifest.json``: when, which database engine, the applied migrations, the versions
  of Python, Django and Wagtail, and the size and SHA-256 of each file.

Backups hold residents' personal data, so the directory is 0700 and its files 0600. A
backup is written under a hidden name and renamed when complete, so a backup that broke
off halfway is never taken for a good one.

The restore refuses a database that already holds tables unless forced, checks the
checksums, restores the database and the files, and then runs ``migrate``: a backup of an
older release works after an upgrade. One of a newer release (migrations this code does
not know) is refused.
"""

import hashlib
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db import Error as DatabaseError
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from home.page_cache import content_changed

FORMAT = 1
NAME_PREFIX = "buurtpreventie-"
NAME_PATTERN = re.compile(r"^buurtpreventie-\d{8}T\d{6}Z(-\d+)?$")
MANIFEST = "manifest.json"
MEDIA_FILE = "media.tar"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
ENGINE_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
# Environment variables of libpq (pg_dump, pg_restore) for Django's OPTIONS of the same meaning.
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "service": "PGSERVICE",
    "passfile": "PGPASSFILE",
    "options": "PGOPTIONS",
}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in Dutch."""


def backup_dir():
    return Path(settings.BACKUP_DIR)


def _connection():
    return connections[DEFAULT_DB_ALIAS]


def _vendor():
    vendor = _connection().vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Back-ups werken met PostgreSQL en SQLite, niet met {vendor}.")
    return vendor


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def _private_files():
    """Everything written in here is for the owner only: pg_dump's file too."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


# --- PostgreSQL -------------------------------------------------------------------------


@contextmanager
def _libpq_environment(settings_dict):
    """The environment for pg_dump and pg_restore: the connection without the password on
    the command line (visible to every user in ``ps``) and without PGPASSWORD; the password
    goes in a passfile only the owner can read, removed afterwards."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    for option, variable in LIBPQ_OPTIONS.items():
        if settings_dict.get("OPTIONS", {}).get(option):
            env[variable] = str(settings_dict["OPTIONS"][option])
    with tempfile.TemporaryDirectory(prefix="buurtpreventie-pg-") as directory:
        if settings_dict.get("PASSWORD"):
            password = settings_dict["PASSWORD"].replace("\\", "\\\\").replace(":", "\\:")
            passfile = Path(directory) / "pgpass"
            with _private_files():
                passfile.write_text(f"*:*:*:*:{password}\n")
            env["PGPASSFILE"] = str(passfile)
        yield env


def _run_pg_tool(arguments, env, what):
    try:
        result = subprocess.run(arguments, env=env, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(
            f"{arguments[0]} is niet gevonden. Installeer de PostgreSQL-programma's (Debian: postgresql-client)."
        ) from error
    if result.returncode != 0:
        raise BackupError(f"{what} mislukte ({arguments[0]} gaf code {result.returncode}):\n{result.stderr.strip()}")
    return result


def _pg_tool_version(tool):
    try:
        return subprocess.run([tool, "--version"], capture_output=True, text=True).stdout.strip()
    except FileNotFoundError:
        return None


def _dump_postgresql(target):
    settings_dict = _connection().settings_dict
    with _libpq_environment(settings_dict) as env:
        _run_pg_tool(
            ["pg_dump", "--format=custom", "--no-password", f"--file={target}", f"--dbname={settings_dict['NAME']}"],
            env,
            "De back-up van de database",
        )
    return {"tool": _pg_tool_version("pg_dump")}


def _restore_postgresql(source):
    settings_dict = _connection().settings_dict
    with _libpq_environment(settings_dict) as env:
        _run_pg_tool(
            [
                "pg_restore",
                "--no-password",
                # The objects get the owner and rights of whoever restores, as on a new server.
                "--no-owner",
                "--no-acl",
                "--clean",
                "--if-exists",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={settings_dict['NAME']}",
                str(source),
            ],
            env,
            "Het terugzetten van de database",
        )


def _drop_all_tables():
    """Empty the database before a forced restore: a table the backup does not have (from a
    newer release's migration) would otherwise stay and trip up ``migrate``. (SQLite's backup
    API replaces the whole file anyway.)"""
    connection = _connection()
    tables = connection.introspection.table_names()
    if tables:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS " + ", ".join(quote(name) for name in tables) + " CASCADE")


# --- SQLite -------------------------------------------------------------------------------


def _sqlite_path():
    name = str(_connection().settings_dict["NAME"])
    if name == ":memory:" or "mode=memory" in name:
        raise BackupError("Een database in het geheugen kan niet in een back-up.")
    return name


def _dump_sqlite(target):
    # The online backup API copies a consistent state, also while the site writes (WAL).
    with _private_files():
        source = sqlite3.connect(_sqlite_path(), timeout=20)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            # The copy carries the live file's WAL flag; in the backup it would make -wal and -shm
            # files next to it as soon as anyone opens it.
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
            source.close()
    return {"tool": f"sqlite {sqlite3.sqlite_version}"}


def _restore_sqlite(source):
    target = _sqlite_path()
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    backup = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    database = sqlite3.connect(target, timeout=20)
    try:
        # The backup API in the other direction replaces every page of the target at once.
        backup.backup(database)
    finally:
        database.close()
        backup.close()


# --- media -------------------------------------------------------------------------------


def _media_root():
    """MEDIA_ROOT when uploads are files on this machine (or a shared volume); None when they
    live in object storage, which keeps its own copies."""
    storage = storages["default"]
    if not isinstance(storage, FileSystemStorage):
        return None
    return Path(storage.location)


def _pack_media(target):
    root = _media_root()
    if root is None:
        return {"storage": "external", "files": 0}
    count = 0
    with _private_files(), tarfile.open(target, "w") as archive:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    archive.add(path, arcname=str(path.relative_to(root)), recursive=False)
                    count += 1
    return {"storage": "filesystem", "files": count}


def _unpack_media(source):
    root = _media_root()
    if root is None:
        return None
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source) as archive:
        members = archive.getmembers()
        # The "data" filter refuses absolute paths, links out of the folder and device files.
        archive.extractall(root, filter="data")
    return len(members)


# --- manifest ----------------------------------------------------------------------------


def _applied_migrations():
    applied = {}
    for app, name in sorted(MigrationRecorder(_connection()).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def _release():
    """The git commit of this checkout, when it is one."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def read_manifest(directory):
    directory = Path(directory)
    path = directory / MANIFEST
    if not directory.is_dir():
        raise BackupError(f"{directory} is geen map. Geef de map van een back-up op.")
    if not path.is_file():
        raise BackupError(f"In {directory} staat geen {MANIFEST}. Dit is geen back-up van deze site.")
    try:
        manifest = json.loads(path.read_text())
    except ValueError as error:
        raise BackupError(f"{path} is beschadigd: {error}.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Deze back-up heeft een onbekende vorm ({manifest.get('format')!r}).")
    return manifest


def verify(directory, manifest):
    """Every file is there with its size and checksum, before anything is overwritten."""
    needed = [manifest["database"]["file"]]
    if manifest["media"].get("storage") == "filesystem":
        needed.append(manifest["media"]["file"])
    for name in needed:
        if name not in manifest["files"]:
            raise BackupError(f"{MANIFEST} noemt geen controlesom voor {name}. Dit is geen volledige back-up.")
    for name, facts in manifest["files"].items():
        path = Path(directory) / name
        if not path.is_file():
            raise BackupError(f"{name} ontbreekt in de back-up.")
        if path.stat().st_size != facts["bytes"] or _sha256(path) != facts["sha256"]:
            raise BackupError(f"{name} is beschadigd: de controlesom klopt niet met {MANIFEST}.")


# --- backup ------------------------------------------------------------------------------


def _new_name(parent, now):
    base = NAME_PREFIX + now.strftime("%Y%m%dT%H%M%SZ")
    name, number = base, 1
    while (parent / name).exists() or (parent / f".{name}.incomplete").exists():
        number += 1
        name = f"{base}-{number}"
    return name


def make_backup(parent=None, now=None):
    """Back up the database and the media into a new directory under ``parent``; its path."""
    vendor = _vendor()
    parent = Path(parent or backup_dir())
    now = now or datetime.now(UTC)
    # Only the backup folder itself is private: its parents (var/, say) may hold what others read.
    parent.parent.mkdir(parents=True, exist_ok=True)
    with _private_files():
        parent.mkdir(exist_ok=True)
    name = _new_name(parent, now)
    partial = parent / f".{name}.incomplete"
    with _private_files():
        partial.mkdir(mode=0o700)
    try:
        # The database first, then the files: a file uploaded in between is extra, never missing.
        migrations = _applied_migrations()
        database_file = DATABASE_FILES[vendor]
        dump = _dump_postgresql if vendor == "postgresql" else _dump_sqlite
        name_of_database = Path(str(_connection().settings_dict["NAME"])).name
        database = {"engine": vendor, "name": name_of_database, "file": database_file}
        database.update(dump(partial / database_file))
        media = {"file": MEDIA_FILE, **_pack_media(partial / MEDIA_FILE)}
        files = {}
        for path in sorted(partial.iterdir()):
            path.chmod(0o600)
            files[path.name] = {"bytes": path.stat().st_size, "sha256": _sha256(path)}
        manifest = {
            "format": FORMAT,
            "created_at": now.isoformat(timespec="seconds"),
            "database": database,
            "media": media,
            "migrations": migrations,
            "versions": {
                "python": platform.python_version(),
                "django": django.get_version(),
                "wagtail": wagtail.__version__,
                "release": _release(),
            },
            "files": files,
        }
        with _private_files():
            (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        (partial / MANIFEST).chmod(0o600)
        partial.rename(parent / name)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return parent / name


def backups_in(parent=None):
    """The complete backups under ``parent``, oldest first."""
    parent = Path(parent or backup_dir())
    if not parent.is_dir():
        return []
    found = [path for path in parent.iterdir() if NAME_PATTERN.match(path.name) and (path / MANIFEST).is_file()]
    return sorted(found, key=lambda path: (path.name[: len(NAME_PREFIX) + 16], len(path.name), path.name))


def prune(keep, parent=None):
    """Remove all but the ``keep`` newest backups; the removed paths. Other files stay."""
    if keep < 1:
        raise BackupError("--keep moet minstens 1 zijn: anders blijft er geen back-up over.")
    old = backups_in(parent)[:-keep]
    for path in old:
        shutil.rmtree(path)
    return old


# --- restore -----------------------------------------------------------------------------


def database_is_empty():
    return not _connection().introspection.table_names()


def _unknown_migrations(manifest):
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [
        f"{app}.{name}" for app, names in manifest["migrations"].items() for name in names if (app, name) not in known
    ]


def restore(directory, force=False, stdout=None):
    """Restore the backup in ``directory`` into the configured database and MEDIA_ROOT."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    vendor = _vendor()
    engine = manifest["database"]["engine"]
    if engine != vendor:
        raise BackupError(
            f"Deze back-up is van een {ENGINE_NAMES.get(engine, engine)}-database, maar de site gebruikt nu "
            f"{ENGINE_NAMES[vendor]}. Zet DATABASE_URL op een {ENGINE_NAMES.get(engine, engine)}-database."
        )
    verify(directory, manifest)
    unknown = _unknown_migrations(manifest)
    if unknown:
        raise BackupError(
            "Deze back-up komt van een nieuwere versie van de site. Installeer eerst die versie. "
            f"Onbekende migraties: {', '.join(unknown[:5])}{' …' if len(unknown) > 5 else ''}"
        )
    try:
        empty = database_is_empty()
    except DatabaseError as error:
        raise BackupError(
            f"De database is niet bereikbaar: {error}".strip()
            + "\nMaak de lege database eerst aan (PostgreSQL: createdb) en controleer DATABASE_URL."
        ) from error
    name = _connection().settings_dict["NAME"]
    if not empty:
        if not force:
            raise BackupError(
                f"De database {Path(str(name)).name} is niet leeg. Terugzetten zou alles wat erin staat "
                "overschrijven. Zet de back-up terug in een lege database. Of gebruik --force als je de "
                "huidige inhoud zeker kwijt wilt."
            )
        if vendor == "postgresql":
            _drop_all_tables()
    # No connection of ours may hold the database while it is replaced.
    _connection().close()
    database_file = directory / manifest["database"]["file"]
    if vendor == "postgresql":
        _restore_postgresql(database_file)
    else:
        _restore_sqlite(database_file)
    media_count = None
    if manifest["media"].get("storage") == "filesystem":
        media_count = _unpack_media(directory / manifest["media"]["file"])
    call_command("migrate", interactive=False, verbosity=0, stdout=stdout)
    # Pages cached before the backup was made may come from older templates; start afresh.
    content_changed()
    return {"manifest": manifest, "media_files": media_count}
