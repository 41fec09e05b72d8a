"""Finding and making pages, and the report every demo loader prints.

Shared with the other apps' demo packages (through ``home.demo``).
"""

from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

from ..models import HomePage


class Summary:
    """What one demo loader created and what it found already present.

    ``write()`` prints a short Dutch report, e.g.::

        Algemeen: 5 aangemaakt, 0 al aanwezig
          aangemaakt: startpagina 'Buurtpreventie', pagina 'Contact', ...
    """

    def __init__(self, section):
        self.section = section
        self.created = []
        self.present = []
        self.notes = []

    def add(self, label, created):
        (self.created if created else self.present).append(label)

    def note(self, text):
        self.notes.append(text)

    def write(self, stdout):
        stdout.write(f"{self.section}: {len(self.created)} aangemaakt, {len(self.present)} al aanwezig\n")
        if self.created:
            stdout.write(f"  aangemaakt: {', '.join(self.created)}\n")
        if self.present:
            stdout.write(f"  al aanwezig: {', '.join(self.present)}\n")
        for note in self.notes:
            stdout.write(f"  {note}\n")


def publish(page):
    """Publish the page's current state as a new revision; return it fresh from the database."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def ensure_page(parent, page_class, slug, *, report=None, report_label=None, **fields):
    """Return ``(page, created)`` for the child of ``parent`` with this slug.

    An existing child is returned as it is (as its specific class, which may
    differ from ``page_class`` if an editor replaced it); otherwise a
    ``page_class(**fields)`` is added under ``parent`` and published with a
    first revision. ``report`` (a Summary) records the outcome under
    ``report_label``.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        page, created = existing.specific, False
    else:
        page = page_class(slug=slug, live=False, **fields)
        parent.add_child(instance=page)
        page, created = publish(page), True
    if report is not None:
        report.add(report_label or f"pagina '{page.title}'", created)
    return page, created


def get_home_page():
    """The site's HomePage (there is at most one), or None."""
    return HomePage.objects.first()


def get_default_site():
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def ensure_tree_roots():
    """The locale, root page and root collection Wagtail's migrations create.

    Normally there; made again when a database was emptied without running
    the migrations again (a flushed test database, say).
    """
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root
