"""Contact details come from the site settings: placeholders in rich text, the contact details
block, the footer, and the demo site (home/contact_details.py)."""

import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.template import Context, Template
from wagtail.models import Page, Site

from dossier.models import Role
from home.contact_details import fill_in_html, fill_in_text, tel_href
from home.models import MunicipalitySettings
from tests.factories import DossierChapterPageFactory, DossierPageFactory, RoleFactory, StandardPageFactory, paragraph

pytestmark = pytest.mark.django_db

OLD = {
    "municipality_name": "Gemeente Voorbeeld",
    "phone": "14 0000",
    "contact_email": "buurtpreventie@gemeente.example",
    "visiting_address": "Stadhuisplein 1\n1234 AB Voorbeeld",
    "police_phone": "0900-8844",
    "emergency_phone": "112",
}
NEW = {
    "municipality_name": "Gemeente Zeestad",
    "phone": "020 555 1234",
    "contact_email": "veilig@zeestad.example",
    "visiting_address": "Havenkade 7\n9999 ZZ Zeestad",
    "police_phone": "0900-1111",
    "emergency_phone": "911",
}


def municipality(**values):
    return MunicipalitySettings(**(OLD | values))


def set_contact_details(values):
    settings = MunicipalitySettings.for_site(Site.objects.get(is_default_site=True))
    for field, value in values.items():
        setattr(settings, field, value)
    settings.save()


def visible_text_and_links(html):
    """The page's text (meta description included) and link targets: what a visitor can read or follow."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    meta = soup.find("meta", attrs={"name": "description"})
    parts = [soup.get_text(" "), meta["content"] if meta else ""]
    parts += [a["href"] for a in soup.find_all("a", href=True) if a["href"].startswith(("tel:", "mailto:"))]
    return " ".join(" ".join(parts).split())


def old_values_in(text):
    found = []
    for field, value in OLD.items():
        for line in value.splitlines():
            if field == "visiting_address" and line.endswith("Voorbeeld"):
                continue  # the made-up town also names demo places (an evening's address)
            pattern = rf"(?<![\w-]){re.escape(line)}(?![\w-])"
            if re.search(pattern, text) or re.search(pattern, text.replace("tel:", "")):
                found.append(line)
    if re.search(r"tel:(112|140000|09008844)\b", text):
        found.append("an old phone link")
    return found


# --- Placeholders -------------------------------------------------------------------------


def test_placeholders_become_the_settings_values_with_phone_and_mail_links():
    html = fill_in_html(
        "<p>[Gemeente], [adres]: bel [telefoon], mail [e-mail]; politie [politie], spoed [alarmnummer].</p>",
        municipality(),
    )
    assert html == (
        "<p>Gemeente Voorbeeld, Stadhuisplein 1, 1234 AB Voorbeeld: "
        'bel <a href="tel:140000">14\N{NO-BREAK SPACE}0000</a>, '
        'mail <a href="mailto:buurtpreventie@gemeente.example">buurtpreventie@gemeente.example</a>; '
        'politie <a href="tel:09008844">0900-8844</a>, spoed <a href="tel:112">112</a>.</p>'
    )


def test_a_placeholder_inside_a_link_is_plain_text_and_unknown_words_stay():
    html = fill_in_html(
        '<p><a href="https://politie.nl">Bel [politie]</a> of [telefon] of [onbekend]</p>', municipality()
    )
    assert html == '<p><a href="https://politie.nl">Bel 0900-8844</a> of [telefon] of [onbekend]</p>'


def test_values_are_escaped():
    html = fill_in_html("<p>[gemeente]</p>", municipality(municipality_name="Gemeente <b>A & B</b>"))
    assert html == "<p>Gemeente &lt;b&gt;A &amp; B&lt;/b&gt;</p>"


def test_plain_text_and_phone_links():
    assert fill_in_text("Bel [alarmnummer] of [TELEFOON].", municipality()) == "Bel 112 of 14 0000."
    assert tel_href("+31 (0)20-555 12 34") == "tel:+310205551234"


def test_the_template_tag_reads_the_settings_of_the_request(rf, home_page):
    set_contact_details(NEW)
    request = rf.get("/")
    template = Template("{% load contact_tags %}{% contact_richtext text %}")
    html = template.render(Context({"request": request, "text": "<p>Bel [alarmnummer].</p>"}))
    assert 'Bel <a href="tel:911">911</a>.' in html


# --- In pages -----------------------------------------------------------------------------


def contact_page(home_page):
    return StandardPageFactory(
        parent=home_page,
        title="Contact",
        body=[
            paragraph("<p>Bel [telefoon] of bij spoed [alarmnummer].</p>"),
            {"type": "contact_details", "value": {"kind": "municipality", "title": "Team buurtpreventie", "text": ""}},
            {"type": "contact_details", "value": {"kind": "emergency", "title": "", "text": "Bij gevaar."}},
        ],
    )


def main_of(response):
    return BeautifulSoup(response.content, "html.parser").find("main")


def test_the_block_shows_the_municipality_and_emergency_details_from_the_settings(client, home_page):
    page = contact_page(home_page)
    set_contact_details(NEW)

    main = main_of(client.get(page.url))
    cards = main.select(".contact-card")
    municipality_card, emergency_card = (" ".join(card.get_text(" ").split()) for card in cards)
    assert municipality_card == (
        "Team buurtpreventie Gemeente Zeestad Bezoekadres: Havenkade 7, 9999 ZZ Zeestad "
        "Telefoon: 020 555 1234 E-mail: veilig@zeestad.example"
    )
    assert emergency_card == "Spoed en politie Bij gevaar. Spoed of gevaar: bel 911 Geen spoed, wel politie: 0900-1111"
    assert [a["href"] for a in cards[1].select("a")] == ["tel:911", "tel:09001111"]
    assert "Bel 020 555 1234 of bij spoed 911." in " ".join(main.get_text().split())


def test_a_role_and_the_dossier_summary_show_the_settings(client, home_page):
    role = RoleFactory(how_to_reach="<p>Bel [politie].</p>")
    dossier = DossierPageFactory(parent=home_page, summary="<ul><li>Bij gevaar: [alarmnummer].</li></ul>")
    chapter = DossierChapterPageFactory(
        parent=dossier, body=[{"type": "roles", "value": {"title": "Rollen", "roles": [role.pk]}}]
    )
    set_contact_details(NEW)
    assert "Bel 0900-1111." in main_of(client.get(chapter.url)).get_text()
    assert "Bij gevaar: 911." in main_of(client.get(dossier.url)).get_text()


def test_a_settings_change_empties_the_page_cache(client, home_page, settings):
    settings.PAGE_CACHE_ENABLED = True
    page = contact_page(home_page)
    assert client.get(page.url)["X-Page-Cache"] == "miss"
    assert client.get(page.url)["X-Page-Cache"] == "hit"

    set_contact_details(NEW)
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "911" in main_of(response).get_text() and "14 0000" not in response.content.decode()


def test_the_meta_description_fills_in_placeholders(client, home_page):
    page = StandardPageFactory(parent=home_page, search_description="Hoe je [gemeente] bereikt: bel [telefoon].")
    set_contact_details(NEW)
    meta = BeautifulSoup(client.get(page.url).content, "html.parser").find("meta", attrs={"name": "description"})
    assert meta["content"] == "Hoe je Gemeente Zeestad bereikt: bel 020 555 1234."


def test_the_footer_and_the_not_found_page_show_the_numbers_from_the_settings(client, home_page):
    set_contact_details(NEW)
    html = client.get("/bestaat-niet/").content.decode()
    assert 'bel <a href="tel:911">911</a>' in html  # the page's own text, and the footer's
    assert html.count('href="tel:911"') == 2 and 'href="tel:09001111">0900-1111</a>' in html
    assert old_values_in(visible_text_and_links(html)) == []


# --- The demo site ------------------------------------------------------------------------


def test_no_demo_page_shows_a_typed_copy_of_a_contact_detail(client, settings, tmp_path):
    settings.DEMO_ACCOUNTS_FILE = tmp_path / "demo-accounts.txt"
    call_command("load_demo_content", stdout=StringIO())
    set_contact_details(NEW | {"visiting_address": "Havenkade 7\n9999 ZZ Zeestad"})

    pages = [page for page in Page.objects.live().specific() if page.depth > 1]
    assert len(pages) > 15
    texts = {}
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        texts[page.url] = visible_text_and_links(response.content.decode())
        assert old_values_in(texts[page.url]) == [], page.url
        assert not re.search(r"\[(gemeente|adres|telefoon|e-mail|politie|alarmnummer)\]", texts[page.url], re.I)
    for role in Role.objects.all():  # the role snippets themselves hold no typed copy either
        typed = " ".join([role.organisation, role.summary, role.responsibilities, role.how_to_reach])
        typed += role.what_you_can_expect + role.what_they_expect
        assert old_values_in(typed) == [], role.name

    # Where the pages' own content gives contact details, it gives the new ones.
    def main_text(path):
        return " ".join(main_of(client.get(path)).get_text(" ").split())

    contact = main_text("/contact/")
    for value in ("Gemeente Zeestad", "Havenkade 7, 9999 ZZ Zeestad", "020 555 1234", "veilig@zeestad.example"):
        assert value in contact
    assert "bel 911" in contact and "0900-1111" in contact
    assert "Gemeente Zeestad" in main_text("/privacyverklaring/") and "veilig@zeestad.example" in main_text(
        "/toegankelijkheid/"
    )
    faq = main_text("/buurtpreventie/veelgestelde-vragen/")
    assert "911" in faq and "0900-1111" in faq
    roles = main_text("/buurtpreventie/rollen-en-verantwoordelijkheden/")
    assert "Bel 0900-1111" in roles and "bel 020 555 1234" in roles
