"""Demo content of the base app.

``load(stdout)`` builds the skeleton of the demo site: the home page as the
root of the default site, the fixed service pages (privacy, accessibility,
contact, colofon), the municipality settings and, where the settings allow
it, the demo editor account. ``manage.py load_demo_content`` calls it first,
before the ``demo`` modules of the apps that build on ``home``.

Every step is find-or-create: what already exists is left as it is (an editor
may have changed it), so running the loader twice changes nothing.

The helpers in the first half of this module (``ensure_page``, the block
builders, ``Summary``, ``write_demo_account``) are meant for the other apps'
demo modules too; they depend on nothing outside ``home``.
"""

import os
import re
import secrets
import uuid
from functools import partial
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Collection, GroupPagePermission, Locale, Page, Site

from .models import HomePage, MunicipalitySettings, StandardPage

DEMO_EDITOR_LABEL = "Demo-redacteur"
DEMO_EDITOR_USERNAME = "redacteur"
DEMO_EDITOR_GROUPS = ("Editors", "Moderators")
# Footer pages in MunicipalitySettings and the slug of the demo page each points at.
SETTINGS_PAGES = (
    ("privacy_page", "privacyverklaring"),
    ("accessibility_page", "toegankelijkheid"),
    ("contact_page", "contact"),
)


# ---------------------------------------------------------------------------
# Helpers shared with the other apps' demo modules
# ---------------------------------------------------------------------------


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


def squash(text):
    """Collapse the whitespace of a text written over several source lines."""
    return " ".join(text.split())


def html_paragraphs(*paragraphs):
    return "".join(f"<p>{squash(text)}</p>" for text in paragraphs)


def html_list(*items, ordered=False):
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{squash(item)}</li>" for item in items) + f"</{tag}>"


def page_link(page, text):
    """An internal link in Wagtail's rich text format, or plain text without a page."""
    if page is None:
        return text
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def external_link(url, text):
    return f'<a href="{url}">{text}</a>'


# StreamField blocks in Wagtail's raw format: a list of {"type", "value"} dicts.


def list_items(values):
    """A ListBlock value in Wagtail's current raw format, each item with its own id."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(*paragraphs):
    """A rich-text block of one or more <p> paragraphs."""
    return {"type": "paragraph", "value": html_paragraphs(*paragraphs)}


def rich_text(html):
    """A rich-text block of ready-made HTML (lists, several paragraphs...)."""
    return {"type": "paragraph", "value": html}


def callout(kind, title, html):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": html}}


def steps(items, title=""):
    """``items``: (title, html) pairs."""
    return {
        "type": "steps",
        "value": {"title": title, "steps": list_items({"title": step, "text": text} for step, text in items)},
    }


def faq(items, title=""):
    """``items``: (question, html answer) pairs."""
    return {
        "type": "faq",
        "value": {"title": title, "questions": list_items({"question": q, "answer": a} for q, a in items)},
    }


def contact(name, role="", text="", phone="", email="", url=""):
    return {
        "type": "contact",
        "value": {"name": name, "role": role, "text": squash(text), "phone": phone, "email": email, "url": url},
    }


def link_card(page, title="", text=""):
    return {"type": "link", "value": {"page": page.pk, "title": title, "text": squash(text)}}


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


def demo_accounts_file():
    """Where the demo accounts are written; ``make run`` prints this file."""
    default = Path(settings.BASE_DIR) / "var" / "demo-accounts.txt"
    return Path(getattr(settings, "DEMO_ACCOUNTS_FILE", default))


_ACCOUNT_LINE = re.compile(r"^\s*(?P<label>[^:]+):\s+(?P<username>\S+) / (?P<password>\S+)\s*$")


def read_demo_accounts():
    """The accounts in the demo accounts file, as {username: password}."""
    path = demo_accounts_file()
    if not path.exists():
        return {}
    accounts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _ACCOUNT_LINE.match(line)
        if match:
            accounts[match["username"]] = match["password"]
    return accounts


def write_demo_account(label, username, password):
    """Write one account's line (``  label: username / password``) to the demo accounts file.

    Only that account's line is replaced (matched on username or label);
    the lines of other accounts stay as they are. The file is readable by
    its owner only.
    """
    path = demo_accounts_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    new_line = f"  {label}: {username} / {password}"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    result, replaced = [], False
    for line in lines:
        match = _ACCOUNT_LINE.match(line)
        if match and (match["username"] == username or match["label"].strip() == label):
            if not replaced:
                result.append(new_line)
                replaced = True
            continue
        result.append(line)
    if not replaced:
        result.append(new_line)
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("\n".join(result) + "\n")
    os.replace(temporary, path)


def schedule_demo_account(label, username, password):
    """Write the account line once the surrounding transaction commits.

    A rolled-back load then never leaves a password in the file that does
    not work.
    """
    transaction.on_commit(partial(write_demo_account, label, username, password))


# ---------------------------------------------------------------------------
# The home app's own demo content
# ---------------------------------------------------------------------------


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
        home, _ = ensure_page(root, HomePage, slug, title="Buurtpreventie", **home_page_content())
        summary.add(f"startpagina '{home.title}'", True)
    else:
        summary.add(f"startpagina '{home.title}'", False)

    site = get_default_site()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, is_default_site=True, site_name="Buurtpreventie", root_page=home
        )
        summary.add("standaardsite", True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or "Buurtpreventie"
        site.save()
        summary.note(f"De standaardsite ({site.hostname}) begint nu bij de startpagina.")

    if welcome is not None:
        Site.objects.filter(root_page=welcome).update(root_page=home)
        Page.objects.get(pk=welcome.pk).delete()
        summary.note("De welkomstpagina van Wagtail is vervangen door de startpagina.")
    return home, site


def _municipality_settings(site):
    existed = MunicipalitySettings.objects.filter(site=site).exists()
    return MunicipalitySettings.for_site(site), existed


def ensure_municipality_settings(municipality, existed, pages, summary):
    """Fill the settings on first use; afterwards only fill a footer page that is still empty."""
    changed = not existed
    if not existed:
        municipality.municipality_name = "Gemeente Voorbeeld"
        municipality.contact_email = "buurtpreventie@gemeente.example"
        municipality.notification_email = "aanmeldingen-buurtpreventie@gemeente.example"
        municipality.phone = "14 0000"
        municipality.visiting_address = "Stadhuisplein 1\n1234 AB Voorbeeld"
        municipality.retention_days = 365
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
    builders = [
        ("privacyverklaring", "Privacyverklaring", False, privacy_content),
        ("toegankelijkheid", "Toegankelijkheidsverklaring", False, accessibility_content),
        ("contact", "Contact", True, contact_content),
        ("colofon", "Colofon", False, colofon_content),
    ]
    for slug, title, in_menu, build in builders:
        existing = home.get_children().filter(slug=slug).first()
        if existing is not None:
            pages[slug] = existing.specific
            summary.add(f"pagina '{existing.title}'", False)
            continue
        pages[slug], _ = ensure_page(
            home, StandardPage, slug, report=summary, title=title, show_in_menus=in_menu, **build(municipality)
        )
    return pages


# --- the demo editor --------------------------------------------------------


def ensure_demo_account(label, username, group_names, summary, **user_fields):
    """A demo login in the given groups; its password goes to the demo accounts file.

    Only where DEMO_ACCOUNTS_ALLOWED (never in production). The password is
    set when the user is made, or made anew when the file lacks its line, so
    the printed password always works. Returns the user, or None when skipped.
    """
    if not getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
        summary.note(f"Demo-account '{username}' overgeslagen: DEMO_ACCOUNTS_ALLOWED staat uit.")
        return None
    user_model = get_user_model()
    groups = [_wagtail_group(name) for name in group_names]
    user = user_model.objects.filter(username=username).first()
    if user is None:
        password = secrets.token_urlsafe(12)
        user = user_model.objects.create_user(username=username, password=password, **user_fields)
        user.groups.add(*groups)
        schedule_demo_account(label, username, password)
        summary.add(f"{label.lower()} '{username}'", True)
    elif username not in read_demo_accounts():
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save(update_fields=["password"])
        schedule_demo_account(label, username, password)
        summary.add(f"{label.lower()} '{username}'", False)
        summary.note(f"Nieuw wachtwoord voor '{username}': het stond niet in {demo_accounts_file()}.")
    else:
        summary.add(f"{label.lower()} '{username}'", False)
    return user


def ensure_demo_editor(home, summary):
    user = ensure_demo_account(
        DEMO_EDITOR_LABEL,
        DEMO_EDITOR_USERNAME,
        DEMO_EDITOR_GROUPS,
        summary,
        email="redacteur@gemeente.example",
        first_name="Demo",
        last_name="Redacteur",
    )
    if user is None:
        return
    groups = [_wagtail_group(name) for name in DEMO_EDITOR_GROUPS]
    # Editors at the municipality also keep its contact details up to date.
    grant_model_permissions(["Moderators"], MunicipalitySettings, ["change"])
    if _grant_editor_rights(home, groups):
        summary.note("De groepen Editors en Moderators mogen nu pagina's onder de startpagina bewerken en publiceren.")
    summary.note(f"Inloggegevens van demo-accounts staan in {demo_accounts_file()}.")


def grant_model_permissions(group_names, model, actions):
    """Let Wagtail's editor groups manage a non-page model (snippets, settings).

    Demo only: a real municipality decides its own group rights. Adding a
    permission a group already has changes nothing, so this is idempotent.
    """
    content_type = ContentType.objects.get_for_model(model)
    model_name = model._meta.model_name
    permissions = list(
        Permission.objects.filter(
            content_type=content_type, codename__in=[f"{action}_{model_name}" for action in actions]
        )
    )
    for name in group_names:
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*permissions)


def _wagtail_group(name):
    """One of the groups Wagtail's migrations create; made again if someone deleted it."""
    group, _ = Group.objects.get_or_create(name=name)
    return group


def _grant_editor_rights(home, groups):
    """Make sure the demo editor's groups can reach the admin and edit and publish the site's pages.

    Wagtail's migrations give Editors (add, change) and Moderators (add,
    change, publish) on the root page, which covers every page; rights are
    added on the home page only where these are missing. Returns whether
    anything was granted.
    """
    granted = False
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    if not any(group.permissions.filter(pk=access_admin.pk).exists() for group in groups):
        groups[0].permissions.add(access_admin)
        granted = True
    ancestor_paths = [home.path[:end] for end in range(Page.steplen, len(home.path) + 1, Page.steplen)]
    have = set(
        GroupPagePermission.objects.filter(group__in=groups, page__path__in=ancestor_paths).values_list(
            "permission__codename", flat=True
        )
    )
    publisher = groups[-1]
    for codename in ("add_page", "change_page", "publish_page"):
        if codename not in have:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=publisher, page=home, permission=permission)
            granted = True
    return granted


# ---------------------------------------------------------------------------
# Texts. Written for residents at language level B1, addressed as "je".
# ---------------------------------------------------------------------------


def home_page_content():
    return {
        "intro": squash(
            """Samen met je buren een oogje in het zeil houden. Hier lees je hoe buurtpreventie
            werkt, wie wat doet en hoe je zelf meedoet."""
        ),
        "body": [
            heading("Wat is buurtpreventie?"),
            paragraph(
                """Bij buurtpreventie letten bewoners samen op hun eigen buurt. Sommigen lopen met een
                team rondes door de wijk, anderen waarschuwen elkaar in een buurtapp. Je ziet wat er
                speelt, je geeft signalen door aan de gemeente en de politie, en je leert je buren beter
                kennen.""",
                """Buurtpreventen zijn geen agenten. Jullie kijken, luisteren en melden. Wat er daarna
                moet gebeuren, beslissen de politie en de gemeente.""",
            ),
            heading("Meedoen?"),
            paragraph(
                """Een paar keer per jaar kun je je aanmelden: voor een nieuw team, een nieuwe
                app-groep of om aan te sluiten bij een team in jouw buurt. Eerst kom je naar een
                informatieavond. Daarna maken we kennis in een kort gesprek. Meedoen kost je niets."""
            ),
            callout(
                "warning",
                "Gebeurt er nu iets? Bel 112",
                html_paragraphs(
                    """Zie je een inbraak, een overval of een andere gevaarlijke situatie? Bel meteen
                    <b>112</b> en ga er niet zelf op af.""",
                    """Geen spoed, maar wil je wel de politie spreken? Bel 0900-8844. Iets anoniem
                    melden kan bij Meld Misdaad Anoniem: 0800-7000.""",
                ),
            ),
        ],
    }


def _retention_text(days):
    return "365 dagen (een jaar)" if days == 365 else f"{days} dagen"


def privacy_content(municipality):
    name = municipality.municipality_name
    retention = _retention_text(municipality.retention_days)
    return {
        "intro": squash(
            f"""Hier lees je welke persoonsgegevens {name} verzamelt als je meedoet aan buurtpreventie
            of een formulier op deze website invult. Je leest ook waarom we dat doen, hoe lang we je
            gegevens bewaren en welke rechten je hebt."""
        ),
        "body": [
            heading("Wie is verantwoordelijk?"),
            paragraph(
                f"""{name} is verantwoordelijk voor de persoonsgegevens die via deze website binnenkomen.
                We houden ons daarbij aan de Algemene verordening gegevensbescherming (AVG). We vragen
                nooit meer gegevens dan we echt nodig hebben."""
            ),
            heading("Welke gegevens verzamelen we?"),
            heading("Aanmelden voor buurtpreventie", "h3"),
            paragraph(
                """Je naam, e-mailadres, telefoonnummer (als je dat invult), je wijk of postcode en of
                je een nieuw team, een nieuwe app-groep of aansluiten bij een team kiest. Ook je
                antwoorden op de vragen over je motivatie. Tijdens de verdere afhandeling noteren we
                de stand van je aanmelding en korte aantekeningen van het kennismakingsgesprek."""
            ),
            heading("Opgeven voor een informatieavond", "h3"),
            paragraph(
                """Je naam en e-mailadres, en of je een plaats hebt of op de wachtlijst staat. Zo kunnen
                we je een bevestiging en eventueel een herinnering sturen."""
            ),
            heading("Nieuwsbrief", "h3"),
            paragraph(
                """Je e-mailadres en het moment waarop je je aanmelding hebt bevestigd. Je krijgt de
                nieuwsbrief pas nadat je op de link in onze bevestigingsmail hebt geklikt."""
            ),
            heading("Verslag van een loopronde", "h3"),
            paragraph(
                """Wie het verslag invult, het team, wanneer en waar jullie liepen, wie er meeliepen en
                wat jullie opviel. Zet in een verslag geen namen of andere gegevens van buurtbewoners,
                tenzij dat echt nodig is."""
            ),
            heading("Waarom we je gegevens gebruiken"),
            rich_text(
                html_list(
                    "om je aanmelding af te handelen en je uit te nodigen voor de informatieavond en het gesprek;",
                    "om contact met je te houden over je team of app-groep;",
                    "om je een bevestiging, herinnering of ander bericht over je aanmelding te sturen;",
                    "om je de nieuwsbrief te sturen, als je je daarvoor hebt aangemeld;",
                    """om samen met de politie te werken aan de veiligheid in je buurt, op basis van de
                    verslagen en meldingen van de teams.""",
                )
            ),
            heading("Op welke grond mogen we dit?"),
            paragraph(
                """Voor aanmeldingen, informatieavonden en verslagen van looprondes gebruiken we je
                gegevens omdat dat nodig is voor een taak van algemeen belang: de zorg voor veiligheid
                en leefbaarheid in de gemeente (artikel 6, lid 1, onder e van de AVG).""",
                """Voor de nieuwsbrief vragen we je toestemming (artikel 6, lid 1, onder a van de AVG).
                Die toestemming kun je altijd weer intrekken met de afmeldlink onder elke nieuwsbrief.""",
            ),
            heading("Met wie delen we je gegevens?"),
            paragraph(
                """Alleen met de politie, en alleen als dat nodig is: bijvoorbeeld voor het
                kennismakingsgesprek of voor de samenwerking tussen je team en de wijkagent. We
                verkopen je gegevens nooit en geven ze niet aan andere organisaties. Deze website laadt
                niets van andere partijen."""
            ),
            heading("Hoe lang bewaren we je gegevens?"),
            paragraph(
                f"""Gegevens van aanmeldingen en van opgaven voor een informatieavond bewaren we
                {retention} na het sluiten van de aanmeldronde. Verslagen van looprondes bewaren we
                {retention} na het invullen. Daarna worden ze automatisch verwijderd. De gemeente legt
                deze bewaartermijn vast in de instellingen van de website; verandert de termijn, dan
                passen we deze verklaring aan.""",
                """Je e-mailadres voor de nieuwsbrief bewaren we tot je je afmeldt.""",
            ),
            heading("Je rechten"),
            rich_text(
                html_paragraphs("Je mag ons altijd vragen:")
                + html_list(
                    "welke gegevens we van je hebben (inzage);",
                    "om gegevens te verbeteren als ze niet kloppen;",
                    "om je gegevens te verwijderen;",
                    "om het gebruik van je gegevens tijdelijk te beperken;",
                    "om te stoppen met het gebruik van je gegevens (bezwaar).",
                )
                + html_paragraphs(
                    f"""Stuur je verzoek naar {municipality.contact_email} of bel {municipality.phone}.
                    We reageren binnen een maand. Soms vragen we je eerst aan te tonen wie je bent, zodat
                    we je gegevens niet aan een ander geven."""
                )
            ),
            heading("Cookies"),
            paragraph(
                """Deze website gebruikt alleen cookies die nodig zijn om formulieren veilig te laten
                werken. We gebruiken geen cookies om je te volgen en geen advertenties."""
            ),
            heading("Vragen of een klacht?"),
            paragraph(
                """Heb je een vraag over privacy, of ben je het niet eens met hoe we met je gegevens
                omgaan? Neem dan contact op met de functionaris gegevensbescherming (FG) van de
                gemeente."""
            ),
            contact(
                "Functionaris gegevensbescherming",
                role=name,
                text="De FG houdt binnen de gemeente toezicht op de bescherming van persoonsgegevens.",
                phone=municipality.phone,
                email="fg@gemeente.example",
            ),
            paragraph(
                f"""Kom je er met ons niet uit? Dan kun je een klacht indienen bij de
                {external_link("https://autoriteitpersoonsgegevens.nl", "Autoriteit Persoonsgegevens")}."""
            ),
        ],
    }


def accessibility_content(municipality):
    name = municipality.municipality_name
    return {
        "intro": squash(
            f"""{name} wil dat iedereen deze website kan gebruiken: ook als je slecht ziet, geen muis
            gebruikt of moeite hebt met lezen. Hier lees je hoe ver we zijn en wat je kunt doen als iets
            niet werkt."""
        ),
        "body": [
            heading("Wat we willen bereiken"),
            paragraph(
                """De website moet voldoen aan de richtlijnen voor toegankelijkheid WCAG 2.1, op niveau
                AA. Dat is de norm voor alle websites van de overheid in Nederland (Besluit digitale
                toegankelijkheid overheid)."""
            ),
            heading("Wat we al doen"),
            rich_text(
                html_list(
                    "elke pagina heeft een duidelijke opbouw met koppen;",
                    "alles werkt met het toetsenbord, en je kunt direct naar de inhoud springen;",
                    """formulieren werken ook zonder JavaScript; een fout zie je bovenaan het formulier
                    en bij het veld zelf;""",
                    "tekst en achtergrond verschillen genoeg van kleur;",
                    "we schrijven in eenvoudige taal (taalniveau B1);",
                    "de website laadt niets van andere partijen.",
                )
            ),
            heading("Status"),
            paragraph(
                """Dit is een demonstratiewebsite. Een onafhankelijke deskundige heeft de website nog
                niet onderzocht. Daarom is de status op dit moment: <b>eerste maatregelen genomen</b>.
                Als het onderzoek klaar is, zetten we de uitkomst hier, met de punten die nog niet goed
                gaan en wanneer we die oplossen."""
            ),
            heading("Wat nog niet goed gaat"),
            paragraph(
                """Documenten die we op de website zetten, zoals pdf-bestanden, zijn niet altijd volledig
                toegankelijk. Heb je een document in een andere vorm nodig? Vraag het ons, dan helpen we
                je verder."""
            ),
            heading("Werkt iets niet? Laat het ons weten"),
            steps(
                [
                    (
                        "Vertel ons wat er misgaat",
                        html_paragraphs(
                            f"""Mail naar {municipality.contact_email} of bel {municipality.phone}.
                            Noem de pagina, wat je probeerde te doen en welk apparaat en welke browser
                            je gebruikt."""
                        ),
                    ),
                    (
                        "We reageren binnen vijf werkdagen",
                        html_paragraphs("Je hoort van ons wat we gaan doen en wanneer het klaar is."),
                    ),
                    (
                        "Niet tevreden?",
                        html_paragraphs(
                            f"""Ben je niet tevreden over hoe we je melding hebben afgehandeld? Dan kun
                            je terecht bij de
                            {external_link("https://www.nationaleombudsman.nl", "Nationale ombudsman")}."""
                        ),
                    ),
                ]
            ),
        ],
    }


def contact_content(municipality):
    name = municipality.municipality_name
    address = ", ".join(line.strip() for line in municipality.visiting_address.splitlines() if line.strip())
    return {
        "intro": squash(
            """Heb je een vraag over buurtpreventie, wil je iets melden of zoek je de wijkagent? Hier
            lees je wie je waarvoor kunt bereiken."""
        ),
        "body": [
            heading("Spoed"),
            contact(
                "Alarmnummer 112",
                role="Politie, brandweer en ambulance",
                text="""Is er gevaar, of gebeurt er op dit moment een misdrijf? Bel direct 112. Ga er niet
                zelf op af en wacht niet tot je team of app-groep reageert.""",
                phone="112",
            ),
            heading("Vragen over buurtpreventie"),
            contact(
                "Team buurtpreventie",
                role=name,
                text="""Voor vragen over aanmelden, de informatieavonden, trainingen en je team. Bereikbaar
                op werkdagen van 9.00 tot 17.00 uur.""",
                phone=municipality.phone,
                email=municipality.contact_email,
            ),
            paragraph(
                f"""Liever langskomen? Dat kan op het gemeentehuis: {address}. Maak wel eerst een
                afspraak, dan weet je zeker dat er iemand van het team is."""
            ),
            heading("De wijkagent"),
            contact(
                "Politie",
                role="Wijkagent",
                text="""Voor zaken zonder spoed en om je wijkagent te spreken. Op politie.nl zoek je met je
                postcode wie de wijkagent van jouw buurt is.""",
                phone="0900-8844",
                url="https://www.politie.nl",
            ),
            heading("Anoniem iets melden"),
            contact(
                "Meld Misdaad Anoniem",
                text="""Weet je iets over een misdrijf, maar wil je dat niet onder je eigen naam melden?
                Bel dan Meld Misdaad Anoniem. Je blijft anoniem.""",
                phone="0800-7000",
                url="https://www.meldmisdaadanoniem.nl",
            ),
            heading("Kapotte lantaarnpaal, losse stoeptegel of afval"),
            paragraph(
                f"""Dit soort meldingen over de openbare ruimte doe je bij de gemeente: bel
                {municipality.phone} of mail naar {municipality.contact_email}. Loop je een ronde met
                je team? Zet het dan ook in je verslag."""
            ),
        ],
    }


def colofon_content(municipality):
    name = municipality.municipality_name
    return {
        "intro": "Over deze website: wie hem maakt, waar de informatie vandaan komt en hoe hij gebouwd is.",
        "body": [
            heading("Uitgever"),
            paragraph(
                f"""Deze website is van {name}, team buurtpreventie. Vragen of opmerkingen over de
                website kun je mailen naar {municipality.contact_email}."""
            ),
            heading("Bronnen"),
            paragraph(
                f"""De informatie in het dossier is gebaseerd op de handreiking <i>Buurtpreventie binnen
                lokale veiligheidsaanpak</i> van het
                {external_link("https://hetccv.nl", "Centrum voor Criminaliteitspreventie en Veiligheid")}
                (CCV, 2018) en op onderzoek van de Universiteit Leiden naar waarom mensen meedoen aan
                buurtpreventie. Alle teksten op deze website hebben we zelf geschreven."""
            ),
            heading("Techniek"),
            paragraph(
                """De website is gemaakt met Wagtail, een opensourcesysteem voor websites. We gebruiken
                geen diensten van andere partijen: geen trackers, geen advertenties en geen lettertypen
                of scripts van buiten."""
            ),
            callout(
                "info",
                "Dit is een demonstratiewebsite",
                html_paragraphs(
                    f"""{name} bestaat niet. De namen, adressen, e-mailadressen en telefoonnummers van de
                    gemeente zijn verzonnen. De landelijke nummers 112, 0900-8844 (politie) en
                    0800-7000 (Meld Misdaad Anoniem) zijn wel echt."""
                ),
            ),
        ],
    }
