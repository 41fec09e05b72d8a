"""Routing a request to its page in two queries, however deep the page is.

Wagtail's ``Page.route()`` walks down the tree from the site's root page, one
child lookup and one ``.specific`` per level: a dossier chapter costs four
queries before anything is rendered. ``DirectRoutingMixin`` on the root page
looks up every page on the path at once, by URL path, and hands the rest of
the path to the deepest one found: the page the walk reaches. Only when a live
page on the way serves the rest of the path itself (a ``RoutablePageMixin``
whose routes match it) does the walk end elsewhere; then it walks as Wagtail does.
"""

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


class DirectRoutingMixin:
    """For a site's root page: route in one query for the path and one for the page's own fields."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            "/".join([self.url_path.rstrip("/"), *path_components[:end]]) + "/"
            for end in range(1, len(path_components) + 1)
        ]
        on_the_way = list(
            Page.objects.filter(url_path__in=prefixes, depth__gt=self.depth, path__startswith=self.path).order_by(
                "depth"
            )
        )
        if not on_the_way:
            raise Http404
        if any(self._serves_rest_itself(page, path_components) for page in on_the_way[:-1]):
            return super().route(request, path_components)
        # As the walk does: each page knows its parent, so breadcrumbs and neighbours ask no query for it.
        for parent, page in zip([self, *on_the_way[:-1]], on_the_way, strict=True):
            page._cached_parent_obj = parent
        deepest = on_the_way[-1].specific
        deepest._cached_parent_obj = on_the_way[-1]._cached_parent_obj
        return deepest.route(request, path_components[deepest.depth - self.depth :])

    def _serves_rest_itself(self, page, path_components):
        """Would this page on the way answer the rest of the path with a route of its own (as Wagtail's walk asks)?

        Its routes come from its class; no query is needed to know.
        """
        page_class = page.specific_class or Page
        if not (page.live and issubclass(page_class, RoutablePageMixin)):
            return False
        rest = path_components[page.depth - self.depth :]
        try:
            page_class.get_resolver().resolve("/" + "".join(f"{part}/" for part in rest))
        except Http404:
            return False
        return True
