"""Helpers of the newsletter issue tests (archive, issue pages, feed, agenda)."""

from datetime import date, timedelta

from django.utils import timezone

from nieuwsbrief.models import NewsletterArchivePage, NewsletterIssuePage, PracticeExampleIndexPage, PracticeExamplePage


def make_archive(home, **fields):
    fields = {"title": "Nieuwsbrieven", "slug": "nieuwsbrieven", **fields}
    return home.add_child(instance=NewsletterArchivePage(**fields))


def make_issue(archive, title="Nieuwsbrief", *, published_at=None, live=True, sections=(), **fields):
    """An issue under ``archive``; published (first at ``published_at``) unless ``live`` is False."""
    fields = {"subject": title, "intro": f"Het nieuws van {title}.", **fields}
    issue = archive.add_child(instance=NewsletterIssuePage(title=title, live=False, sections=list(sections), **fields))
    if live:
        issue.save_revision().publish()
        if published_at is not None:
            NewsletterIssuePage.objects.filter(pk=issue.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
    return NewsletterIssuePage.objects.get(pk=issue.pk)


def make_examples(home, count, *, live=True):
    """``count`` practice examples under an index page (made once under ``home``)."""
    index = PracticeExampleIndexPage.objects.child_of(home).first() or home.add_child(
        instance=PracticeExampleIndexPage(title="Praktijkvoorbeelden", slug="praktijkvoorbeelden")
    )
    start = PracticeExamplePage.objects.count()
    examples = []
    for n in range(start, start + count):
        example = index.add_child(
            instance=PracticeExamplePage(
                title=f"Voorbeeld {n}",
                slug=f"voorbeeld-{n}",
                summary=f"Samenvatting van voorbeeld {n}.",
                team_name="Team Noorderpark",
                wijk="Noorderpark",
                date=date(2026, 1, 1) + timedelta(days=n),
                live=live,
            )
        )
        examples.append(example)
    return examples


def examples_section(examples, heading="Uit de teams"):
    return {"type": "practice_examples", "value": {"heading": heading, "examples": [e.pk for e in examples]}}


def text_section(html="<p>Een tekst.</p>", heading="Nieuws"):
    return {"type": "text", "value": {"heading": heading, "text": html}}


def cta_section(page=None, url="", heading="Doe mee", button_label="Lees meer"):
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading,
            "text": "Een oproep.",
            "page": page.pk if page else None,
            "url": url,
            "button_label": button_label,
        },
    }


def agenda_section(heading="Agenda", text=""):
    return {"type": "agenda", "value": {"heading": heading, "text": text}}


def days(n):
    return timezone.now() + timedelta(days=n)
