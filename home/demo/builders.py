"""The home app's own demo content: the home page as the root of the default
site, the service pages, the municipality settings and the demo editor.

Every step is find-or-create: what already exists is left as it is (an editor
may have changed it), so running the loader twice changes nothing. One
exception: the default site's address follows ``WAGTAILADMIN_BASE_URL`` on
every run (``make run`` sets it from ``PORT``), so page addresses (the
canonical link) and links in mails sent in the background agree.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Page, Site

from ..models import HomePage, MunicipalitySettings, StandardPage
from .accounts import ensure_demo_editor
from .common import Summary, ensure_page, ensure_tree_roots, get_default_site, get_home_page
from .descriptions import HOME, service_page_description
from .texts import MUNICIPALITY, SERVICE_PAGE_FACTS, SERVICE_PAGES, home_page_content

# Footer pages in MunicipalitySettings and the slug of the demo page each points at.
SETTINGS_PAGES = (
    ("privacy_page", "privacyverklaring"),
    ("accessibility_page", "toegankelijkheid"),
    ("contact_page", "contact"),
)


def load(stdout):
    summary = Summary("Algemeen")
    home, site = ensure_home_and_site(summary)
    municipality, settings_existed = _municipality_settings(site)
    pages = ensure_service_pages(home, municipality, summary)
    ensure_municipality_settings(municipality, settings_existed, pages, summary)
    ensure_demo_editor(home, summary)
    summary.write(stdout)


def _welcome_page(root):
    """Wagtail's default 'Welcome to Wagtail' page, if it is still there untouched."""
    page_type = ContentType.objects.get_for_model(Page)
    return root.get_children().filter(slug="home", content_type=page_type, numchild=0).first()


def ensure_home_and_site(summary):
    root = ensure_tree_roots()
    home = get_home_page()
    welcome = None
    if home is None:
        welcome = _welcome_page(root)
        if welcome is not None:
            # Free the slug "home" first; the page itself goes once no site points at it.
            Page.objects.filter(pk=welcome.pk).update(slug=f"wagtail-welkom-{welcome.pk}")
        slug = "home" if not root.get_children().filter(slug="home").exists() else "buurtpreventie"
        home, _ = ensure_page(
            root,
            HomePage,
            slug,
            title="Buurtpreventie",
            search_description=HOME,
            local_facts="\n".join(SERVICE_PAGE_FACTS["startpagina"]),
            **home_page_content(),
        )
        summary.add(f"startpagina '{home.title}'", True)
    else:
        summary.add(f"startpagina '{home.title}'", False)

    site = get_default_site()
    if site is None:
        hostname, port = base_url_address()
        if Site.objects.filter(hostname=hostname, port=port).exists():
            hostname, port = "localhost", 80  # taken by another site: match_site_to_base_url says so
        site = Site.objects.create(
            hostname=hostname, port=port, is_default_site=True, site_name="Buurtpreventie", root_page=home
        )
        summary.add("standaardsite", True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or "Buurtpreventie"
        site.save()
        summary.note(f"De standaardsite ({site.hostname}) begint nu bij de startpagina.")
    match_site_to_base_url(site, summary)

    if welcome is not None:
        Site.objects.filter(root_page=welcome).update(root_page=home)
        Page.objects.get(pk=welcome.pk).delete()
        summary.note("De welkomstpagina van Wagtail is vervangen door de startpagina.")
    return home, site


def base_url_address():
    """``(hostname, port)`` of ``WAGTAILADMIN_BASE_URL``, as Wagtail's Site stores an address."""
    value = settings.WAGTAILADMIN_BASE_URL
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(f"WAGTAILADMIN_BASE_URL ({value!r}) is not an address such as http://127.0.0.1:8000")
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def match_site_to_base_url(site, summary):
    """Give the default site the address of ``WAGTAILADMIN_BASE_URL``, unless another site has it.

    Wagtail makes page addresses from the site's hostname and port; mails the
    worker sends make theirs from the setting: the two must be the same server.
    """
    hostname, port = base_url_address()
    if (site.hostname, site.port) == (hostname, port):
        return
    if Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
        summary.note(
            f"Het adres {hostname}:{port} (WAGTAILADMIN_BASE_URL) hoort bij een andere site; "
            f"de standaardsite houdt {site.hostname}:{site.port}."
        )
        return
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    summary.note(f"De standaardsite heeft nu het adres {site.root_url} (WAGTAILADMIN_BASE_URL).")


def _municipality_settings(site):
    existed = MunicipalitySettings.objects.filter(site=site).exists()
    return MunicipalitySettings.for_site(site), existed


def ensure_municipality_settings(municipality, existed, pages, summary):
    """Fill the settings on first use; afterwards only fill a footer page that is still empty."""
    changed = not existed
    if not existed:
        for field, value in MUNICIPALITY.items():
            setattr(municipality, field, value)
    for field, slug in SETTINGS_PAGES:
        if getattr(municipality, f"{field}_id") is None and pages.get(slug) is not None:
            setattr(municipality, field, pages[slug])
            changed = True
    if changed:
        municipality.save()
    summary.add("instellingen gemeente", not existed)
    if existed and changed:
        summary.note("Lege verwijzingen naar vaste pagina's in de instellingen zijn ingevuld.")


def ensure_service_pages(home, municipality, summary):
    pages = {}
    for slug, title, in_menu, build in SERVICE_PAGES:
        existing = home.get_children().filter(slug=slug).first()
        if existing is not None:
            pages[slug] = existing.specific
            summary.add(f"pagina '{existing.title}'", False)
            continue
        pages[slug], _ = ensure_page(
            home,
            StandardPage,
            slug,
            report=summary,
            title=title,
            show_in_menus=in_menu,
            search_description=service_page_description(slug, municipality),
            local_facts="\n".join(SERVICE_PAGE_FACTS.get(slug, ())),
            **build(municipality),
        )
    return pages
