"""Find the dossier pages, or count the SQL queries of one warm request per page.

Runs in `manage.py shell` (see bench/django_side/__init__.py). Input:

- BENCH_PATHS: JSON {label: path or null}
- BENCH_DISCOVER: "1" to fill in the paths of "dossier chapter" and "dossier index" through
  the ORM (the first live, public page of each), anything else to request every path through
  Django's test client and count the queries of the second (warm) request.

Answer: {label: {"path": ...}} or {label: {"path": ..., "status": ..., "queries": ...}}.
"""

import json
import os
import urllib.parse

from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.django_side import emit


def first_live_path(app_label: str, model_name: str) -> str | None:
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    page = model.objects.live().public().order_by("path").first()
    url = page.get_url() if page else None
    return urllib.parse.urlsplit(url).path if url else None


def discover(paths: dict[str, str | None]) -> dict[str, dict]:
    paths.setdefault("dossier chapter", first_live_path("dossier", "DossierChapterPage"))
    paths.setdefault("dossier index", first_live_path("dossier", "DossierPage"))
    return {label: {"path": path} for label, path in paths.items()}


def count_queries(paths: dict[str, str]) -> dict[str, dict]:
    pages = {}
    client = Client(HTTP_HOST="127.0.0.1")
    for label, path in paths.items():
        client.get(path)  # warm-up: fills per-process caches (and the page cache)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        pages[label] = {"path": path, "status": response.status_code, "queries": len(queries)}
    return pages


def main() -> None:
    paths = json.loads(os.environ["BENCH_PATHS"])
    if os.environ.get("BENCH_DISCOVER") == "1":
        emit(discover(paths))
    else:
        emit(count_queries(paths))
