"""What the dossier's demo loader builds: the roles, the dossier page with its
chapters and the link cards on the home page. The texts are in ``texts``.

Like every demo loader it only creates what is missing and leaves existing
roles and pages alone, so a second run changes nothing.
"""

from wagtail.models import Page

from home.demo import (
    Summary,
    ensure_page,
    get_default_site,
    get_home_page,
    grant_model_permissions,
    link_card,
    publish,
    squash,
)
from home.groups import EDITOR_GROUPS
from home.models import MunicipalitySettings

from ..models import DossierChapterPage, DossierPage, Role
from .texts import (
    CHAPTERS,
    CONTACT_CARD_TEXT,
    DOSSIER_CARD_TEXT,
    DOSSIER_CARD_TITLE,
    DOSSIER_DESCRIPTION,
    DOSSIER_INTRO,
    DOSSIER_SUMMARY,
    role_texts,
)

DOSSIER_SLUG = "buurtpreventie"
# Pages of other apps' demos that chapters link, found by slug under the home page (the dossier
# imports none of those apps; its demo runs after theirs, see load_demo_content): context key -> slug.
LINKED_PAGES = {
    "registration": "aanmelden",
    "evenings": "informatiebijeenkomsten",
    "questionnaire": "motivatie",
    "evaluation_form": "evaluatieformulier",
    "contact_form": "contactformulier",
}


def linked_pages(home):
    """The pages in LINKED_PAGES as their own type, each None when that demo did not make it."""
    found = {page.slug: page for page in Page.objects.child_of(home).filter(slug__in=LINKED_PAGES.values()).specific()}
    return {key: found.get(slug) for key, slug in LINKED_PAGES.items()}


def load(stdout):
    summary = Summary("Dossier")
    home = get_home_page()
    if home is None:
        summary.note("Geen startpagina gevonden; het dossier is overgeslagen.")
        summary.write(stdout)
        return
    site = get_default_site()
    municipality = MunicipalitySettings.for_site(site) if site else MunicipalitySettings()
    context = {
        "municipality": municipality,
        "privacy": municipality.privacy_page if site else None,
        "contact": municipality.contact_page if site else None,
        **linked_pages(home),
    }

    roles = ensure_roles(summary)
    grant_model_permissions(EDITOR_GROUPS, Role, ["add", "change", "delete", "view"])
    dossier = ensure_dossier(home, summary)
    if dossier is not None:
        ensure_chapters(dossier, roles, context, summary)
        add_home_highlights(home, dossier, context["contact"], summary)
    summary.write(stdout)


def ensure_roles(summary):
    roles = []
    for sort_order, data in enumerate(role_texts(), start=1):
        role = Role.objects.filter(slug=data["slug"]).first() or Role.objects.filter(name=data["name"]).first()
        created = role is None
        if created:
            role = Role.objects.create(sort_order=sort_order * 10, **data)
        summary.add(f"rol '{role.name}'", created)
        roles.append(role)
    return roles


def ensure_dossier(home, summary):
    dossier, created = ensure_page(
        home,
        DossierPage,
        DOSSIER_SLUG,
        report=summary,
        report_label="dossier 'Buurtpreventie'",
        title="Buurtpreventie",
        show_in_menus=True,
        intro=squash(DOSSIER_INTRO),
        summary=DOSSIER_SUMMARY,
        search_description=DOSSIER_DESCRIPTION,
    )
    if created:
        # First in the menu, before the service pages that home made earlier.
        first = home.get_first_child()
        if first is not None and first.pk != dossier.pk:
            dossier.move(first, pos="left")
            dossier = DossierPage.objects.get(pk=dossier.pk)
    if not isinstance(dossier, DossierPage):
        summary.note(f"De pagina '{dossier.title}' is geen dossier; hoofdstukken overgeslagen.")
        return None
    return dossier


def ensure_chapters(dossier, roles, context, summary):
    chapters = {}
    for slug, title, intro, description, build, local_facts in CHAPTERS:
        page, _ = ensure_page(
            dossier,
            DossierChapterPage,
            slug,
            report=summary,
            report_label=f"hoofdstuk '{title}'",
            title=title,
            intro=squash(intro),
            search_description=description,
            local_facts="\n".join(local_facts),
            body=build(context | {"roles": roles, "chapters": chapters}),
        )
        chapters[slug] = page


def add_home_highlights(home, dossier, contact_page, summary):
    """Link cards on the home page, only while it has none and no unpublished draft."""
    home = type(home).objects.get(pk=home.pk)
    if home.highlights or home.has_unpublished_changes:
        return
    cards = [link_card(dossier, title=DOSSIER_CARD_TITLE, text=DOSSIER_CARD_TEXT)]
    if contact_page is not None:
        cards.append(link_card(contact_page, text=CONTACT_CARD_TEXT))
    home.highlights = cards
    publish(home)
    summary.note("Verwijzingen naar het dossier en de contactpagina op de startpagina gezet.")
