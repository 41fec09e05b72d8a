import re
import sys

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control
from django.views.defaults import page_not_found as django_page_not_found
from wagtail.models import Page

from . import outage

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 100


def search_terms(query):
    """The words of a query, without what a search backend reads as syntax.

    Quotes, brackets, operators and control characters (a NUL byte) make
    SQLite's full-text search or PostgreSQL fail; residents mean the words.
    """
    return " ".join(re.findall(r"\w+", query))


def search(request):
    # What the resident typed, shown back without characters that have no place in a page.
    query = "".join(char for char in request.GET.get("q", "") if char.isprintable()).strip()[:MAX_QUERY_LENGTH]
    terms = search_terms(query)
    results = Page.objects.none()
    if terms:
        results = Page.objects.live().public().filter(depth__gt=1).search(terms)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_of_results = paginator.page(request.GET.get("pagina", 1))
    except PageNotAnInteger:
        page_of_results = paginator.page(1)
    except EmptyPage:
        page_of_results = paginator.page(paginator.num_pages)
    # The specific pages of this one results page, for their introductions:
    # one query per page type, however many pages the site has.
    specific = {page.pk: page for page in Page.objects.filter(pk__in=[r.pk for r in page_of_results]).specific()}
    page_of_results.object_list = [specific.get(result.pk, result) for result in page_of_results]
    return TemplateResponse(
        request,
        "home/search.html",
        {"search_query": query, "results": page_of_results, "paginator": paginator},
    )


@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /zoeken/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return django_page_not_found(request, exception, template_name="404.html")


def server_error(request):
    # Called while the exception is being handled: a database that does not answer gets the 503 page.
    if outage.is_database_outage(sys.exc_info()[1]):
        return outage.unavailable_response()
    # No request context on purpose: whatever broke (the database, a
    # template tag) must not break the error page too.
    return HttpResponseServerError(loader.get_template("500.html").render())


def back_url(request):
    """Where a 'back to the form' link goes: the page the request came from, if it is ours; else home."""
    referer = request.META.get("HTTP_REFERER", "")
    allowed = url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}, require_https=False)
    return referer if referer and allowed else "/"


def csrf_failure(request, reason=""):
    """A form whose CSRF check failed: what happened and what to do, in Dutch (settings.CSRF_FAILURE_VIEW)."""
    return TemplateResponse(request, "403_csrf.html", {"back_url": back_url(request)}, status=403)


def bad_request(request, exception=None):
    """A request the site cannot read (e.g. a form far too large): a Dutch page with a way back."""
    return TemplateResponse(request, "400.html", {"back_url": back_url(request)}, status=400)
