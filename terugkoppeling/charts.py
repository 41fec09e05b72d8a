"""Charts of a feedback page as inline SVG, made on the server: no JavaScript, no chart library.

Horizontal bars, each with its label above it and its number (with a word: "12
meldingen") after it, so colour is never the only way to tell two series apart.
Bar lengths are percentages of the SVG's width and the text is in CSS pixels, so
the chart fills any width and its text stays readable on a phone. Every chart has
a ``<title>`` and ``<desc>`` (``aria-labelledby``); the page shows the same numbers
in a table and sums the chart up in one sentence (``*_summary``).

Input is the dict of ``terugkoppeling.figures``; nothing here reads the database.
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe

LABEL_HEIGHT = 24  # a label line above its bars
BAR_HEIGHT = 20
BAR_GAP = 6
GROUP_GAP = 14
LONGEST_BAR = 72  # % of the width; the rest is room for the number after the longest bar


def _count(value, one, many):
    return f"{value} {one if value == 1 else many}"


def bar_chart(chart_id, title, description, groups):
    """An SVG with a group per ``(label, [(value, text after the bar, series)])``."""
    largest = max((value for _, bars in groups for value, _, _ in bars), default=0) or 1
    parts, y = [], 0
    for label, bars in groups:
        parts.append(format_html('<text class="chart__label" x="0" y="{}">{}</text>', y + 17, label))
        y += LABEL_HEIGHT
        for value, text, series in bars:
            width = round(LONGEST_BAR * value / largest, 2)
            parts.append(
                format_html(
                    '<rect class="chart__bar chart__bar--{}" x="0" y="{}" width="{}%" height="{}"></rect>'
                    '<text class="chart__value" x="{}%" dx="6" y="{}">{}</text>',
                    series,
                    y,
                    width,
                    BAR_HEIGHT,
                    width,
                    y + 15,
                    text,
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    return format_html(
        '<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="100%" height="{}" role="img" '
        'aria-labelledby="{}-title {}-desc"><title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        y,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        mark_safe("".join(parts)),  # noqa: S308 - each part made with format_html above
    )


def category_chart(figures):
    groups = [
        (row["label"], [(row["count"], _count(row["count"], "melding", "meldingen"), "signals")])
        for row in figures["per_category"]
    ]
    return bar_chart("chart-categories", "Meldingen per soort", category_summary(figures), groups)


def category_summary(figures):
    total = figures["signals"]
    if not total:
        return "In deze periode kwamen er geen meldingen over de openbare ruimte binnen."
    most = max(row["count"] for row in figures["per_category"])
    labels = [row["label"].lower() for row in figures["per_category"] if row["count"] == most]
    if len(labels) == 1:
        return f"De meeste meldingen gingen over {labels[0]}: {most} van de {total}."
    return f"De meeste meldingen gingen over {_and(labels)}: elk {most} van de {total}."


def bucket_chart(figures):
    groups = [
        (
            row["label"],
            [
                (row["rounds"], _count(row["rounds"], "ronde", "rondes"), "rounds"),
                (row["signals"], _count(row["signals"], "melding", "meldingen"), "signals"),
            ],
        )
        for row in figures["per_bucket"]
    ]
    title = "Rondes en meldingen per week" if figures["per_week"] else "Rondes en meldingen per maand"
    return bar_chart("chart-periods", title, bucket_summary(figures), groups)


def _when(figures, row):
    return f"in de week van {row['label']}" if figures["per_week"] else f"in {row['label']}"


def bucket_summary(figures):
    rows = figures["per_bucket"]
    if not figures["rounds"] and not figures["signals"]:
        return "In deze periode liepen de teams geen rondes en kwamen er geen meldingen binnen."
    busiest = max(rows, key=lambda row: row["rounds"])
    sentence = f"De teams liepen de meeste rondes {_when(figures, busiest)}: {busiest['rounds']}."
    if figures["signals"]:
        most = max(rows, key=lambda row: row["signals"])
        sentence = (
            f"De teams liepen de meeste rondes {_when(figures, busiest)} ({busiest['rounds']}); "
            f"de meeste meldingen kwamen {_when(figures, most)} ({most['signals']})."
        )
    return sentence


def _and(words):
    return ", ".join(words[:-1]) + " en " + words[-1] if len(words) > 1 else words[0]
