"""A shared cache of whole rendered pages for anonymous visitors.

Content pages (dossier, chapters, standard pages) look the same for every
visitor without a session, so their HTML is kept in a database cache shared
by all server processes. A hit costs one indexed query instead of routing,
about ten queries and the template rendering; a page the same process served
lately costs one smaller query, for the content version (``_cached_page``).

Correctness rules:
- only GET/HEAD without a query string and without a session cookie or
  Authorization header is served from or stored in the cache, so editors and
  people with a form in progress always get a fresh page;
- a page opts in by setting ``request.page_cache_timeout`` while it is served
  (see ``CachedPageMixin``); forms, and pages whose content depends on the
  visitor, never do;
- only a 200 ``text/html`` response that sets no cookie is stored;
- any save or delete of content (pages, snippets, settings, images, documents,
  and models apps register with ``register_content_model``) empties the cache,
  so a published change shows at once for everyone.

Requests the cache cannot answer whole (a query string, a session, a logged-in
editor) still get what is the same for everyone from it, kept in the same cache
so the same emptying keeps it right: the route to an opted-in page (which page
a path leads to, on which site) and its rendered body (header, menu,
breadcrumbs, content, footer; ``cached_fragment``). Only the access check, the
``<head>`` and what the page computes per request are then done each time.
Form pages keep only their route (``CachedRouteMixin``): a GET of the form keeps it,
and the POST that follows gets it without Wagtail's site and page lookup.

With the page cache off (``DJANGO_PAGE_CACHE=0``) every page is rendered for
every request, but the route, the site settings and the menu are still not
looked up again each time: each process keeps them in its own memory for as
long as the content version (one row, ``ContentVersion``, given a new value by
the same content changes that empty the cache) stays the same. One query per
request reads it, so a change made in any process shows at once everywhere.
Rendered HTML is never kept that way.
"""

import contextvars
import pickle
import secrets
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.safestring import mark_safe
from wagtail.models import Page, PageViewRestriction

CACHE_ALIAS = "pages"
UNCACHED_HEADERS = {"set-cookie", "x-page-cache", "content-length"}
KEY_PREFIX = "page2"
_content_models = []


def page_cache():
    return caches[CACHE_ALIAS]


def is_enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True) and CACHE_ALIAS in settings.CACHES


def register_content_model(model):
    """Empty the page cache whenever ``model`` (or a subclass: every page type) is saved or deleted."""
    if model not in _content_models:
        _content_models.append(model)


def clear_page_cache(**kwargs):
    if is_enabled():
        page_cache().clear()


def content_changed(**kwargs):
    """Empty the page cache and give the content version a new value (in the current transaction)."""
    clear_page_cache()
    ContentVersion = apps.get_model("home", "ContentVersion")
    value = secrets.randbits(62)
    if not ContentVersion.objects.filter(pk=1).update(value=value):
        ContentVersion.objects.update_or_create(pk=1, defaults={"value": value})


def _on_change(sender, instance=None, **kwargs):
    if _content_models and isinstance(instance, tuple(_content_models)):
        content_changed()
        # Again once committed: a request between the save and the commit may have
        # stored what it read before the change.
        transaction.on_commit(clear_page_cache)


def connect_signals():
    from wagtail.signals import page_unpublished, post_page_move

    # No sender: a page is saved under its own class (DossierChapterPage...),
    # so one receiver checks isinstance against the registered models.
    post_save.connect(_on_change, weak=False, dispatch_uid="page_cache_post_save")
    post_delete.connect(_on_change, weak=False, dispatch_uid="page_cache_post_delete")
    # Moving a page rewrites paths with raw SQL: no post_save.
    post_page_move.connect(content_changed, weak=False, dispatch_uid="page_cache_page_move")
    page_unpublished.connect(content_changed, weak=False, dispatch_uid="page_cache_unpublished")


# --- With the page cache off: values kept in this process per content version -------------

_request_version = contextvars.ContextVar("content_version", default=None)


class VersionedMemo:
    """Values this process keeps for one content version; a new version (or a full memo) starts afresh."""

    def __init__(self, max_entries):
        self.max_entries = max_entries
        self.version = None
        self.values = {}

    def get(self, version, key):
        if version is None or version != self.version:
            return None
        return self.values.get(key)

    def put(self, version, key, value):
        if version is None:
            return
        if version != self.version or len(self.values) >= self.max_entries:
            self.version, self.values = version, {}
        self.values[key] = value


_local = VersionedMemo(max_entries=1000)


def read_content_version():
    """The current content version, or None when there is no row (then nothing is kept)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM home_contentversion WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else None


def _stored(key):
    """A value kept under ``key``: from the page cache, or from this process's memory."""
    if is_enabled():
        return page_cache().get(key)
    value = _local.get(_request_version.get(), key)
    # Kept pickled, so no request sees objects another one changed.
    return None if value is None else pickle.loads(value)  # noqa: S301 - pickled by this process


def _store(key, value, timeout=None):
    if is_enabled():
        page_cache().set(key, value, timeout)
        return
    _local.put(_request_version.get(), key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _key(request):
    return f"{KEY_PREFIX}:{request.get_host()}:{request.path}"


def _route_key(request):
    return f"{KEY_PREFIX}:route:{request.get_host()}:{request.path}"


def _restore_route(request, cached):
    """Give Wagtail the site and route found before; it looks for them on the request."""
    if cached is not None:
        request._wagtail_site, request._wagtail_route_for_request = pickle.loads(cached)
        request.page_cache_route_restored = True


def _remember_route(request, page):
    """Called while an opted-in page is served: its route, as found, before rendering adds to it.

    Whether any view restriction applies is looked up once and kept with it, so the access
    check of a restored route costs no query (adding a restriction empties the cache).
    """
    route = getattr(request, "_wagtail_route_for_request", None)
    if getattr(request, "page_cache_route_restored", False):
        return
    if route is None or route.page is not page or not hasattr(request, "_wagtail_site"):
        return
    if not _view_by_name(page, route):
        return
    page.known_unrestricted = not page.get_view_restrictions()  # read already by Wagtail's access check
    page.__dict__.pop("_view_restrictions", None)  # not kept with the route
    request.page_cache_route = pickle.dumps((request._wagtail_site, route), pickle.HIGHEST_PROTOCOL)


def _view_by_name(page, route):
    """Whether a routable page's view in ``route`` can be pickled: a method the page class has under its name.

    Sub-page views made by a function (``forms.views.page_view``, a link with a token in its path)
    are not: their route is looked up each time.
    """
    view = route.args[0] if route.args else None
    if not callable(view):
        return True
    func = getattr(view, "__func__", None)
    if func is None or getattr(view, "__self__", None) is not page:
        return False
    return getattr(type(page), func.__name__, None) is func


def remembered(key, compute, timeout=None):
    """``compute()``, kept under ``key`` until the next content change (page cache or process memory)."""
    key = f"{KEY_PREFIX}:{key}"
    value = _stored(key)
    if value is None:
        value = compute()
        _store(key, value, timeout)
    return value


def _fragment_key(request, page):
    """The key of a page's rendered body, or None when this render may not use the cache.

    Only while an opted-in page is served (not previewed): ``CachedPageMixin`` sets
    ``request.page_cache_timeout`` then. The query string is not part of the key: such
    pages look the same whatever it holds.
    """
    timeout = getattr(request, "page_cache_timeout", None) if request is not None else None
    if not (timeout and is_enabled() and getattr(page, "pk", None)):
        return None
    revision = page.live_revision_id or page.last_published_at
    return f"{KEY_PREFIX}:body:{request.get_host()}:{request.path}:{page.pk}:{revision}"


def cached_fragment(request, page, render):
    """The page body that ``render()`` makes, from the cache when it is there."""
    key = _fragment_key(request, page)
    if key is None:
        return render()
    html = page_cache().get(key)
    if html is None:
        html = str(render())
        page_cache().set(key, html, request.page_cache_timeout)
    return mark_safe(html)  # noqa: S308 - rendered by our own templates, escaped there


# --- Pages this process served from the cache lately ---------------------------------------
# Reading a page from the shared cache means fetching, decoding and unpickling its HTML. Each
# process keeps the pages it served lately and serves them again while the content version (one
# small row) is the one they were read under and their own expiry (the home page's minute) has
# not passed. A change in any process gives the version a new value, so it shows at once.

_recent_pages = VersionedMemo(max_entries=500)


def _cached_page(key):
    """The cached page under ``key`` (a dict with content and headers), or None."""
    version = read_content_version()
    recent = _recent_pages.get(version, key)
    if recent is not None and recent["expires_at"] > time.time():
        return recent
    cached = page_cache().get(key)
    # Read after the version: a change committed in between gives a new version, never an old page.
    if cached is not None and "expires_at" in cached:
        _recent_pages.put(version, key, cached)
    return cached


class PageCacheMiddleware:
    """Serve cached pages before sessions, auth and routing run; store new ones."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_enabled():
            token = _request_version.set(read_content_version())
            try:
                return self._serve_with_route(request)
            finally:
                _request_version.reset(token)
        if not _cacheable_request(request):
            # Form POSTs too: the route their GET kept spares Wagtail's site and page lookup.
            return self._serve_with_route(request)
        key = _key(request)
        cached = _cached_page(key)
        if cached is not None:
            response = HttpResponse(cached["content"])
            # The headers inner middleware set (X-Frame-Options, Content-Type...).
            for name, value in cached["headers"]:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self._serve_with_route(request)
        if self._storable(request, response):
            headers = [(name, value) for name, value in response.items() if name.lower() not in UNCACHED_HEADERS]
            expires_at = time.time() + request.page_cache_timeout
            page_cache().set(
                key,
                {"content": response.content, "headers": headers, "expires_at": expires_at},
                request.page_cache_timeout,
            )
            response["X-Page-Cache"] = "miss"
        return response

    def _serve_with_route(self, request):
        """A request the cache does not answer whole: the route to the page may come from it."""
        route_key = _route_key(request)
        cached_route = _stored(route_key)
        _restore_route(request, cached_route)
        response = self.get_response(request)
        route = getattr(request, "page_cache_route", None)
        if route is not None and cached_route is None and self._route_storable(request, response):
            _store(route_key, route, request.page_route_timeout)
        return response

    @staticmethod
    def _route_storable(request, response):
        """Only a GET's route is kept: a POST may change content after its route was read.

        The route does not depend on the answer's cookies (a form sets its CSRF cookie).
        """
        return (
            getattr(request, "page_route_timeout", None)
            and request.method == "GET"
            and response.status_code == 200
            and not response.streaming
        )

    @staticmethod
    def _storable(request, response):
        return (
            getattr(request, "page_cache_timeout", None)
            and request.method == "GET"
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and not response.cookies
            and not response.streaming
        )


class CachedRouteMixin:
    """For Wagtail pages whose route (which page a path leads to) may be kept until the next content change.

    Its HTML is not kept: for pages that differ per visitor, such as forms. A GET keeps the
    route; later GETs and POSTs to the same path get it without Wagtail's site and page lookup.
    """

    page_route_timeout = 24 * 60 * 60

    def serve(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False):
            request.page_route_timeout = self.page_route_timeout
            _remember_route(request, self)
        return super().serve(request, *args, **kwargs)

    def get_view_restrictions(self):
        """Wagtail's restrictions of this page and its ancestors (aliases by their source), in one query."""
        if getattr(self, "known_unrestricted", False):
            return PageViewRestriction.objects.none()
        if getattr(self, "_view_restrictions", None) is None:
            # One queryset per instance: once Wagtail's access check has read it, asking again costs nothing.
            steplen = self.steplen
            paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
            sources = Page.objects.filter(path__in=paths).values(source=Coalesce("alias_of_id", "id"))
            self._view_restrictions = PageViewRestriction.objects.filter(page_id__in=Subquery(sources))
        return self._view_restrictions


class CachedPageMixin(CachedRouteMixin):
    """For Wagtail pages whose HTML is the same for every anonymous visitor and query string.

    Their body (everything but the ``<head>`` and the editors' user bar) is the same for
    logged-in visitors too: it is kept as a fragment for the requests the page cache
    does not answer (see ``cached_fragment``).
    """

    page_cache_timeout = 24 * 60 * 60

    @property
    def page_route_timeout(self):
        return self.page_cache_timeout

    def serve(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False):
            request.page_cache_timeout = self.page_cache_timeout
        return super().serve(request, *args, **kwargs)
