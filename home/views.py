from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.defaults import page_not_found as django_page_not_found
from wagtail.models import Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 100


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().filter(depth__gt=1).search(query)
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
    # No request context on purpose: whatever broke (the database, a
    # template tag) must not break the error page too.
    return HttpResponseServerError(loader.get_template("500.html").render())
