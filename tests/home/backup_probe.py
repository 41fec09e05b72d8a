"""Run inside ``manage.py shell`` by tests/home/test_backup.py, against a site's own database.

``build_site()`` migrates an empty database, loads the demo content, adds what the test
looks for after the restore, takes a snapshot, and goes back one migration, in one process
(each start of Django costs seconds);
``snapshot()`` serves the site's pages through Django's test client and writes what they
show, with the registrations, the sign-ups and the uploaded files, as JSON to
``$BACKUP_PROBE_OUTPUT``.
"""

import hashlib
import json
import os
from pathlib import Path

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from aanmelding.models import EveningSignup, InfoEveningPage, Registration, RegistrationRound
from tests.factories import EveningSignupFactory, RegistrationFactory

REGISTRATION_EMAIL = "terug@voorbeeld.example"
SIGNUP_EMAIL = "bijeenkomst-terug@voorbeeld.example"
DOCUMENT_TITLE = "Huisregels buurtpreventie"
DOCUMENT_BYTES = b"%PDF-1.4\n% De huisregels van het team.\n" + bytes(range(256)) * 4


def add_content():
    round_ = RegistrationRound.objects.order_by("-opens_at").first()
    RegistrationFactory(round=round_, email=REGISTRATION_EMAIL, name="Terug Gezet", postcode="1234 AB")
    evening = InfoEveningPage.objects.live().order_by("starts_at").first()
    EveningSignupFactory(evening=evening, email=SIGNUP_EMAIL, name="Bij Eenkomst", persons=2)
    get_document_model().objects.create(title=DOCUMENT_TITLE, file=ContentFile(DOCUMENT_BYTES, name="huisregels.pdf"))


# The backup comes from an "older release": one migration short. This one changes no table (it
# only lists a StreamField's blocks), so taking it back loses nothing the pages show.
OLDER_RELEASE = ("dossier", "0003_local_facts")
NEWER_MIGRATION = ("dossier", "0004_data_blocks")


def build_site():
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo_content")
    add_content()
    snapshot()
    call_command("migrate", *OLDER_RELEASE, interactive=False, verbosity=0)


def _main_text(content):
    main = BeautifulSoup(content, "html.parser").find("main")
    return " ".join(main.get_text(" ").split()) if main else None


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def snapshot():
    client = Client()
    pages = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        url = page.relative_url(None)
        if url is None:
            continue
        response = client.get(url)
        pages[url] = {"status": response.status_code, "text": _main_text(response.content)}
    documents = {}
    for document in get_document_model().objects.order_by("title"):
        response = client.get(document.url)
        documents[document.title] = {
            "status": response.status_code,
            "sha256": hashlib.sha256(_body(response)).hexdigest(),
        }
    images = {}
    for image in get_image_model().objects.order_by("title"):
        response = client.get(settings.MEDIA_URL + image.file.name)
        images[image.title] = {"status": response.status_code, "sha256": hashlib.sha256(_body(response)).hexdigest()}
    media_root = Path(settings.MEDIA_ROOT)
    media = {
        str(path.relative_to(media_root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media_root.rglob("*"))
        if path.is_file()
    }
    result = {
        "pages": pages,
        "registrations": [
            list(row)
            for row in Registration.objects.order_by("pk").values_list(
                "pk", "round__title", "kind", "name", "email", "postcode", "status"
            )
        ],
        "signups": [
            list(row)
            for row in EveningSignup.objects.order_by("pk").values_list(
                "pk", "evening__title", "name", "email", "persons", "status"
            )
        ],
        "documents": documents,
        "images": images,
        "media": media,
        "document_sha256": hashlib.sha256(DOCUMENT_BYTES).hexdigest(),
    }
    Path(os.environ["BACKUP_PROBE_OUTPUT"]).write_text(json.dumps(result, indent=1, ensure_ascii=False))
