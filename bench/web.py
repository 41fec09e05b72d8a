"""Single requests to the loopback server and the HTML it answers with.

(Not called `http.py`: `python bench/run.py` puts bench/ first on the import path, where such
a module would hide the standard library's `http` package.)
"""

from __future__ import annotations

import http.client
import http.cookies
import re
import urllib.parse
from html.parser import HTMLParser

from bench.common import HOST, BenchError


def fetch(port: int, path: str, timeout: float = 30.0) -> tuple[int, dict[str, str], bytes]:
    """One GET to the loopback server, without compression: (status, headers, body)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "identity"})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


class _StylesheetFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").split() and attributes.get("href"):
            self.hrefs.append(attributes["href"])


def stylesheet_path(html: bytes) -> str:
    """The path of the site's own stylesheet (its hashed URL) in a page."""
    finder = _StylesheetFinder()
    finder.feed(html.decode("utf-8", errors="replace"))
    local = [urllib.parse.urlsplit(href) for href in finder.hrefs]
    local = [url.path for url in local if url.hostname in (None, HOST, "localhost") and url.path.endswith(".css")]
    if not local:
        raise BenchError("no <link rel=stylesheet> to a local .css file on the home page")
    return local[0]


def chapter_from_sitemap(port: int) -> str | None:
    """Fallback: the first /buurtpreventie/<chapter>/ URL in the sitemap."""
    status, _, body = fetch(port, "/sitemap.xml")
    if status != 200:
        return None
    for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", body.decode("utf-8", errors="replace")):
        path = urllib.parse.urlsplit(loc).path
        if re.fullmatch(r"/buurtpreventie/[^/]+/", path):
            return path
    return None


class _FormFinder(HTMLParser):
    """Every POST form in a page: the names of its fields and the values of its hidden inputs."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._form: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and (attributes.get("method") or "").lower() == "post":
            self._form = {"names": set(), "hidden": {}}
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea", "select") and attributes.get("name"):
            self._form["names"].add(attributes["name"])
            if tag == "input" and (attributes.get("type") or "").lower() == "hidden":
                self._form["hidden"][attributes["name"]] = attributes.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def fetch_signup_form(port: int, path: str, source: str) -> tuple[str, dict[str, str], set[str]]:
    """GET the sign-up form from `source` as a resident does: (Cookie header, hidden inputs, field names)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30, source_address=(source, 0))
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "identity"})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise BenchError(f"GET {path} from {source} answered {response.status}")
    cookies = http.cookies.SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    finder = _FormFinder()
    finder.feed(body.decode("utf-8", errors="replace"))
    form = next((form for form in finder.forms if "persons" in form["names"]), None)
    if form is None:
        raise BenchError(f"no sign-up form (a POST form with a 'persons' field) on {path}")
    return "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items()), form["hidden"], form["names"]
