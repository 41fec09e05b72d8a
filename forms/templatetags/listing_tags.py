"""Template tags for the modeladmin lists (templates/forms/admin/index.html)."""

from django import template

register = template.Library()


@register.simple_tag
def listing_filters(view):
    """The list's filters as groups for the filter drawer: title, choices, and the chosen ones.

    modeladmin's filter column beside the table covered the table's last columns at 1280 px;
    the drawer above the table leaves the table the full width (issue #10 part 3).
    Each choice is modeladmin's own: ``display``, ``query_string``, ``selected``; the first is "all".
    """
    groups = []
    for spec in view.filter_specs:
        choices = list(spec.choices(view))
        chosen = [choice["display"] for choice in choices[1:] if choice["selected"]]
        groups.append({"title": spec.title, "choices": choices, "chosen": chosen})
    return groups
