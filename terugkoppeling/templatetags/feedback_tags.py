"""The figures and charts of the feedback pages, for their templates.

Here rather than in the page models: the figures read the report models, and the
models must not import what imports them (one direction only inside the app).
"""

from django import template

from ..charts import bucket_chart, bucket_summary, category_chart, category_summary
from ..figures import period_figures, rounds_per_page

register = template.Library()


@register.simple_tag
def feedback_figures(page):
    """The figures of a FeedbackPage's period, with its two charts and their one-sentence summaries."""
    figures = dict(period_figures(page.period_start, page.period_end))
    figures["category_chart"] = category_chart(figures)
    figures["category_summary"] = category_summary(figures)
    figures["bucket_chart"] = bucket_chart(figures)
    figures["bucket_summary"] = bucket_summary(figures)
    return figures


@register.simple_tag
def feedback_cards(index_page):
    """``[{"page", "rounds"}]``: the index's feedback pages, newest period first, with their rounds walked."""
    pages = index_page.feedback_pages()
    rounds = rounds_per_page(pages)
    return [{"page": page, "rounds": rounds[page.pk]} for page in pages]


@register.filter
def days(value):
    """A median in days, Dutch style: '4', '4,5'."""
    if value is None:
        return ""
    return f"{value:g}".replace(".", ",")
