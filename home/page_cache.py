"""A shared cache of whole rendered pages for anonymous visitors.

Content pages (dossier, chapters, standard pages) look the same for every
visitor without a session, so their HTML is kept in a database cache shared
by all server processes. A hit costs one indexed query instead of routing,
about ten queries and the template rendering.

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
"""

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse

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


def _on_change(sender, instance=None, **kwargs):
    if _content_models and isinstance(instance, tuple(_content_models)):
        clear_page_cache()


def connect_signals():
    from wagtail.signals import page_unpublished, post_page_move

    # No sender: a page is saved under its own class (DossierChapterPage...),
    # so one receiver checks isinstance against the registered models.
    post_save.connect(_on_change, weak=False, dispatch_uid="page_cache_post_save")
    post_delete.connect(_on_change, weak=False, dispatch_uid="page_cache_post_delete")
    # Moving a page rewrites paths with raw SQL: no post_save.
    post_page_move.connect(clear_page_cache, weak=False, dispatch_uid="page_cache_page_move")
    page_unpublished.connect(clear_page_cache, weak=False, dispatch_uid="page_cache_unpublished")


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _key(request):
    return f"{KEY_PREFIX}:{request.get_host()}:{request.path}"


class PageCacheMiddleware:
    """Serve cached pages before sessions, auth and routing run; store new ones."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (is_enabled() and _cacheable_request(request)):
            return self.get_response(request)
        key = _key(request)
        cached = page_cache().get(key)
        if cached is not None:
            response = HttpResponse(cached["content"])
            # The headers inner middleware set (X-Frame-Options, Content-Type...).
            for name, value in cached["headers"]:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        timeout = getattr(request, "page_cache_timeout", None)
        if (
            timeout
            and request.method == "GET"
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and not response.cookies
            and not response.streaming
        ):
            headers = [(name, value) for name, value in response.items() if name.lower() not in UNCACHED_HEADERS]
            page_cache().set(key, {"content": response.content, "headers": headers}, timeout)
            response["X-Page-Cache"] = "miss"
        return response


class CachedPageMixin:
    """For Wagtail pages whose HTML is the same for every anonymous visitor."""

    page_cache_timeout = 24 * 60 * 60

    def serve(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False):
            request.page_cache_timeout = self.page_cache_timeout
        return super().serve(request, *args, **kwargs)
