from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Role


class RoleViewSet(SnippetViewSet):
    model = Role
    icon = "group"
    menu_label = "Rollen"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "organisation", "sort_order"]
    search_fields = ["name", "organisation", "summary"]
    # A plain database search: the full-text backend fails on a quote or a NUL byte, and six roles need no index.
    search_backend_name = None


register_snippet(RoleViewSet)
