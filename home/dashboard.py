"""The editors' panel on the admin dashboard: pages with changes not yet published.

Wagtail's own panels show pages awaiting moderation (to moderators) and the editor's own
recent edits; neither shows the drafts of a team of editors, which is what a gemeente's
editors pick up from each other.
"""

from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

DRAFTS_SHOWN = 8


def draft_pages(user):
    """Pages the user may edit whose latest changes are not live, newest change first."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return (
        editable.filter(has_unpublished_changes=True, depth__gt=1)
        .select_related("latest_revision__user")
        .order_by("-latest_revision_created_at", "-pk")
    )


class DraftPagesPanel(Component):
    name = "draft_pages"
    template_name = "home/dashboard/drafts.html"
    order = 240  # between Wagtail's pages to moderate (220) and the user's own recent edits (250)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        pages = list(draft_pages(parent_context["request"].user)[: DRAFTS_SHOWN + 1])
        context["pages"] = pages[:DRAFTS_SHOWN]
        context["more"] = len(pages) > DRAFTS_SHOWN
        return context


def add_panels(request, panels):
    """The hook: only for users who may edit some page."""
    if PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"]):
        panels.append(DraftPagesPanel())
