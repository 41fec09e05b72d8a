"""Demo content of the dossier: the roles and the dossier "Buurtpreventie" with its chapters.

``load(stdout)`` is called by ``manage.py load_demo_content`` after
``home.demo.load``, which made the home page and the service pages. Like
every demo loader it only creates what is missing and leaves existing roles
and pages alone, so a second run changes nothing.

The texts are our own, written from the facts in the CCV guideline
"Buurtpreventie binnen lokale veiligheidsaanpak" (2018) and the articles
on why residents take part.
"""

from home.demo import (
    Summary,
    callout,
    contact,
    ensure_page,
    external_link,
    faq,
    get_default_site,
    get_home_page,
    grant_model_permissions,
    heading,
    html_list,
    html_paragraphs,
    link_card,
    list_items,
    page_link,
    paragraph,
    publish,
    rich_text,
    squash,
    steps,
)
from home.models import MunicipalitySettings

from .models import DossierChapterPage, DossierPage, Role

DOSSIER_SLUG = "buurtpreventie"


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
    }

    roles = ensure_roles(summary)
    grant_model_permissions(["Editors", "Moderators"], Role, ["add", "change", "delete", "view"])
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
        intro=squash(
            """Wil je meedoen aan buurtpreventie, of wil je weten hoe het werkt? In dit dossier lees je
            wat buurtpreventie is, wie wat doet, wat gemeente en politie bieden en hoe je je
            aanmeldt."""
        ),
        summary=html_list(
            "Bewoners letten samen op hun buurt: lopend in een team of via een app-groep.",
            "Je signaleert, je helpt voorkomen en je verbindt. Het werk van de politie neem je nooit over.",
            "Gemeente en politie bieden training, hesjes en zaklampen, vast contact en terugkoppeling.",
            "Aanmelden kan een paar keer per jaar. Daarna volgen een informatieavond en een kort gesprek.",
            "Bij gevaar bel je altijd eerst <b>112</b>.",
        ),
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
    for slug, title, intro, build in CHAPTERS:
        page, _ = ensure_page(
            dossier,
            DossierChapterPage,
            slug,
            report=summary,
            report_label=f"hoofdstuk '{title}'",
            title=title,
            intro=squash(intro),
            body=build(context | {"roles": roles, "chapters": chapters}),
        )
        chapters[slug] = page


def add_home_highlights(home, dossier, contact_page, summary):
    """Link cards on the home page, only while it has none and no unpublished draft."""
    home = type(home).objects.get(pk=home.pk)
    if home.highlights or home.has_unpublished_changes:
        return
    cards = [
        link_card(
            dossier,
            title="Alles over buurtpreventie",
            text="Wat het is, wie wat doet, wat gemeente en politie bieden en hoe je meedoet.",
        )
    ]
    if contact_page is not None:
        cards.append(link_card(contact_page, text="Vragen, de wijkagent, en wat je doet bij spoed."))
    home.highlights = cards
    publish(home)
    summary.note("Verwijzingen naar het dossier en de contactpagina op de startpagina gezet.")


# ---------------------------------------------------------------------------
# Roles
# ---------------------------------------------------------------------------


def role_texts():
    return [
        {
            "name": "Buurtprevent",
            "slug": "buurtprevent",
            "organisation": "Bewoners",
            "summary": squash(
                """Een bewoner die vrijwillig rondes loopt in de wijk of in een app-groep oplet, en
                doorgeeft wat opvalt."""
            ),
            "responsibilities": html_list(
                "Rondes lopen volgens het rooster van je team, altijd met minstens één teamgenoot.",
                """Letten op wat anders is dan normaal: open ramen en deuren, kapotte verlichting,
                verdachte situaties.""",
                "Na elke ronde een kort verslag maken: wanneer, welke route, wie liep mee en wat viel op.",
                "Een praatje maken met buurtgenoten en horen wat er speelt.",
                "Meldingen doorgeven aan de gemeente of de politie, en bij gevaar direct 112 bellen.",
            ),
            "what_you_can_expect": html_list(
                "Een vriendelijk gezicht in de straat, herkenbaar aan een hesje.",
                "Een luisterend oor: je kunt hen vertellen wat jou opvalt in de buurt.",
                "Dat zij wat ze zien doorgeven aan de mensen die er iets mee kunnen.",
                "Dat zij niet zelf optreden: zij zijn geen politie en geen handhaver.",
            ),
            "what_they_expect": html_list(
                "Dat je zelf ook oplet en je eigen deuren en ramen goed afsluit.",
                "Dat je bij gevaar zelf meteen 112 belt en niet wacht tot het team langskomt.",
                "Dat je tips of zorgen over de buurt met hen deelt.",
            ),
            "how_to_reach": html_paragraphs(
                """Spreek hen aan als je ze tegenkomt tijdens een ronde. Wil je weten welk team in jouw
                buurt loopt? Vraag het aan het team buurtpreventie van de gemeente."""
            ),
        },
        {
            "name": "Coördinator",
            "slug": "coordinator",
            "organisation": "Bewoners",
            "summary": squash(
                """De coördinator houdt het team bij elkaar en is het vaste aanspreekpunt voor de
                gemeente en de politie."""
            ),
            "responsibilities": html_list(
                "Het rooster maken en zorgen dat niemand alleen loopt.",
                "Nieuwe teamleden wegwijs maken en het team gemotiveerd houden.",
                "De verslagen van de rondes verzamelen en doorsturen naar gemeente en wijkagent.",
                "Geregeld contact houden met de wijkagent en de gemeente, bijvoorbeeld elke maand even.",
                "Het teambudget beheren en samen met het team bepalen waar het aan opgaat.",
                "Naar de jaarlijkse bijeenkomst van coördinatoren gaan en ervaringen uitwisselen.",
            ),
            "what_you_can_expect": html_list(
                "Een duidelijk rooster en afspraken waar je op kunt rekenen.",
                "Terugkoppeling van wat gemeente en politie met jullie verslagen doen.",
                "Iemand die naar je luistert en je wensen doorgeeft, bijvoorbeeld voor een extra training.",
            ),
            "what_they_expect": html_list(
                "Dat je je aan het rooster houdt, of op tijd laat weten dat je niet kunt.",
                "Dat je na elke ronde een duidelijk verslag maakt.",
                "Dat je je aan de veiligheidsafspraken houdt.",
                "Dat je ideeën en zorgen deelt, zodat het team beter kan werken.",
            ),
            "how_to_reach": html_paragraphs(
                """Via je team of de app-groep van je team. Ben je nog geen lid? Het team
                buurtpreventie van de gemeente brengt je in contact met de coördinator in jouw
                wijk."""
            ),
        },
        {
            "name": "Beheerder app-groep",
            "slug": "beheerder-app-groep",
            "organisation": "Bewoners",
            "summary": squash(
                """De beheerder zorgt dat de buurtapp-groep rustig, bruikbaar en veilig blijft, en houdt
                contact met de wijkagent."""
            ),
            "responsibilities": html_list(
                "Nieuwe leden toelaten: alleen mensen die in het gebied van de groep wonen of werken.",
                """De groepsregels opstellen en bewaken, bijvoorbeeld volgens de bekende werkwijze
                <b>SAAR</b>: Signaleer, Alarmeer 112, App de groep, Reageer.""",
                "Berichten verwijderen die niet in de groep horen, zoals kletspraat of beschuldigingen.",
                "Leden aanspreken die zich niet aan de regels houden, en hen zo nodig uit de groep halen.",
                "Nuttige signalen doorgeven aan de wijkagent of de gemeente.",
            ),
            "what_you_can_expect": html_list(
                "Duidelijke regels die voor iedereen gelden.",
                "Een groep zonder ruis, zodat belangrijke berichten opvallen.",
                "Zorgvuldig omgaan met je telefoonnummer en andere gegevens.",
            ),
            "what_they_expect": html_list(
                "Dat je bij gevaar eerst 112 belt, en pas daarna de groep waarschuwt.",
                "Dat je de groep alleen gebruikt waarvoor hij bedoeld is.",
                "Dat je geen foto's of namen van mensen deelt en niemand beschuldigt.",
                "Dat je nooit zelf op een verdachte situatie afgaat.",
            ),
            "how_to_reach": html_paragraphs(
                """De naam van de beheerder zie je in de informatie van de groep. Zoek je een app-groep
                in jouw buurt? Het team buurtpreventie van de gemeente weet welke groepen er zijn."""
            ),
        },
        {
            "name": "Wijkagent",
            "slug": "wijkagent",
            "organisation": "Politie",
            "summary": squash(
                """De vaste agent voor jouw wijk, en het aanspreekpunt van de politie voor teams en
                app-groepen."""
            ),
            "responsibilities": html_list(
                "Contact houden met de coördinatoren en beheerders in de wijk.",
                """Informatie delen die teams helpt, zoals een reeks inbraken in de buurt, voor zover dat
                mag.""",
                "Reageren op verslagen en meldingen, en laten weten wat de politie ermee doet.",
                "Zorgen dat collega's in de wijk en de meldkamer weten wanneer en waar een team loopt.",
                "Af en toe meelopen met een ronde en helpen bij trainingen.",
            ),
            "what_you_can_expect": html_list(
                "Iemand die jouw wijk kent en bereikbaar is.",
                "Terugkoppeling op jullie verslagen, waar dat kan persoonlijk.",
                "Uitleg over wat je wel en niet moet doen als er iets gebeurt.",
            ),
            "what_they_expect": html_list(
                "Verslagen met concrete gegevens: tijd, route en wat je zag.",
                "Dat je bij spoed 112 belt en niet de wijkagent.",
                "Dat je nooit zelf ingrijpt en geen eigen onderzoek doet.",
                "Dat je de aanwijzingen van de politie opvolgt.",
            ),
            "how_to_reach": html_paragraphs(
                """Bel 0900-8844 en vraag naar de wijkagent van jouw buurt, of zoek hem of haar op
                politie.nl met je postcode. Bij spoed bel je altijd <b>112</b>."""
            ),
        },
        {
            "name": "BOA (handhaver)",
            "slug": "boa",
            "organisation": "Gemeente, afdeling handhaving",
            "summary": squash(
                """De boa houdt in opdracht van de gemeente toezicht op regels in de openbare ruimte,
                zoals bij overlast, afval en parkeren."""
            ),
            "responsibilities": html_list(
                "Toezicht houden op overlast, zwerfafval, hondenpoep en fout parkeren.",
                "Optreden als regels worden overtreden, bijvoorbeeld met een waarschuwing of een boete.",
                "Met teams afstemmen waar overlast speelt en daar vaker langsgaan.",
                "Signalen doorgeven aan de politie als iets buiten zijn of haar taak valt.",
            ),
            "what_you_can_expect": html_list(
                "Dat signalen over overlast serieus worden bekeken.",
                "Eerlijke uitleg over wat een boa wel en niet mag doen.",
                "Zo nodig een gesprek met je team over een overlastplek.",
            ),
            "what_they_expect": html_list(
                "Concrete signalen: waar, wanneer en hoe vaak de overlast voorkomt.",
                "Dat je zelf geen discussie of ruzie aangaat met de veroorzakers.",
            ),
            "how_to_reach": html_paragraphs(
                """Via de gemeente: bel 14 0000 of doe een melding over de openbare ruimte. De boa is niet
                bereikbaar voor spoed; bel dan <b>112</b>."""
            ),
        },
        {
            "name": "Gemeente: team buurtpreventie",
            "slug": "gemeente",
            "organisation": "Gemeente Voorbeeld",
            "summary": squash(
                """Het team buurtpreventie, met de beleidsadviseur veiligheid, regelt de aanmeldingen en
                de ondersteuning, en verbindt teams, politie en gemeente."""
            ),
            "responsibilities": html_list(
                "Aanmeldmomenten en informatieavonden organiseren.",
                "Samen met de politie de kennismakingsgesprekken voeren en afspraken vastleggen.",
                "Het basispakket regelen: twee trainingen, hesjes, zaklampen en een teambudget.",
                """Elk jaar een bijeenkomst voor coördinatoren en beheerders organiseren, en één
                activiteit voor alle buurtpreventen.""",
                "De nieuwsbrief maken en algemene terugkoppeling op de website zetten.",
                "Meldingen over de openbare ruimte doorzetten naar de juiste afdeling.",
                "Buurtpreventie laten aansluiten op het veiligheidsbeleid van de gemeente.",
            ),
            "what_you_can_expect": html_list(
                "Duidelijkheid over wat de gemeente wel en niet biedt, en waarom.",
                "Een vast aanspreekpunt dat je snel antwoord geeft.",
                "Terugkoppeling over wat er met meldingen en verslagen gebeurt.",
                "Waardering voor wat jullie doen.",
            ),
            "what_they_expect": html_list(
                "Dat je je houdt aan de afspraken die we samen hebben vastgelegd.",
                "Dat je verslagen en meldingen duidelijk en op tijd doorgeeft.",
                "Dat je veranderingen in je team doorgeeft, zoals nieuwe leden of mensen die stoppen.",
                "Dat veiligheid altijd voorgaat.",
            ),
            "how_to_reach": html_paragraphs(
                """Bel 14 0000 of mail naar buurtpreventie@gemeente.example. Op werkdagen zijn we
                bereikbaar van 9.00 tot 17.00 uur."""
            ),
        },
    ]


# ---------------------------------------------------------------------------
# Chapters: (slug, title, intro, body builder). Each builder gets a context
# with the municipality settings, the privacy and contact pages, the roles
# and the chapters made so far (for links back to earlier chapters).
# ---------------------------------------------------------------------------


def _municipality_contact(context, text):
    municipality = context["municipality"]
    return contact(
        "Team buurtpreventie",
        role=municipality.municipality_name,
        text=text,
        phone=municipality.phone,
        email=municipality.contact_email,
    )


def what_is_body(context):
    return [
        heading("Samen een oogje in het zeil"),
        paragraph(
            """Bij buurtpreventie zetten bewoners zich samen in voor een veilige en prettige buurt. Je
            doet dat als vrijwilliger, in je eigen wijk en in je eigen tijd. De gemeente en de politie
            werken met je samen en ondersteunen je.""",
            """Buurtpreventie is dus niet iets van bewoners alleen, en ook niet van de overheid alleen.
            Het werkt pas goed als beide kanten er iets in steken.""",
        ),
        heading("Wat buurtpreventie doet"),
        heading("Signaleren", "h3"),
        paragraph(
            """Jullie zijn extra ogen en oren in de wijk. Je kent je buurt, dus je merkt snel als iets
            anders is dan normaal. Door dat door te geven, kunnen gemeente en politie sneller en gerichter
            iets doen. En ze leren beter wat er in jouw buurt speelt."""
        ),
        heading("Voorkomen", "h3"),
        paragraph(
            """Buurtpreventie zet mensen aan het denken. Zit de schuurdeur op slot? Brandt de
            buitenlamp? Door buren daarop te wijzen en zelf het goede voorbeeld te geven, maak je het
            inbrekers moeilijker."""
        ),
        heading("Verbinden", "h3"),
        paragraph(
            """Tijdens een ronde maak je een praatje met buurtgenoten en hoor je wat er leeft. Daaruit
            ontstaat vaak meer contact in de straat, en soms nieuwe activiteiten. Een buurt waarin
            mensen elkaar kennen, voelt veiliger en is dat vaak ook."""
        ),
        heading("Lopen of appen"),
        rich_text(
            html_paragraphs("Er zijn twee vormen van buurtpreventie. Veel wijken hebben ze allebei.")
            + html_list(
                """<b>Een buurtpreventieteam.</b> Bewoners lopen op vaste momenten samen een ronde door de
                wijk, herkenbaar aan een hesje.""",
                """<b>Een digitale buurtpreventiegroep.</b> Bewoners waarschuwen elkaar via een
                app-groep en geven signalen door aan de politie.""",
            )
            + html_paragraphs(
                """Je kunt je aanmelden om een nieuw team of een nieuwe app-groep te starten, of om aan te
                sluiten bij een team dat al bestaat."""
            )
        ),
        heading("Wat buurtpreventie niet is"),
        paragraph(
            """Buurtpreventen zijn geen politie en geen handhavers. Je houdt niemand aan, je doet geen
            eigen onderzoek en je gaat geen confrontatie aan. Je weet veel van je buurt, maar je hebt
            niet de opleiding en de bevoegdheden van agenten en boa's.""",
            """Daarom is de taakverdeling helder: jij ziet en meldt, de professionals beslissen wat er
            daarna gebeurt.""",
        ),
        callout(
            "warning",
            "Bij gevaar: bel 112",
            html_paragraphs(
                """Zie je iets verdachts dat nu gebeurt, of is er gevaar? Bel direct <b>112</b>. Ga er
                niet zelf op af."""
            ),
        ),
        heading("Waarom de gemeente meedoet"),
        paragraph(
            """Voor de gemeente is buurtpreventie geen doel op zich. Het is een manier om samen met
            bewoners te werken aan een veilige en leefbare buurt, als aanvulling op het werk van de
            politie en de gemeente. Zo past het in het veiligheidsbeleid van de gemeente.""",
            """In de volgende hoofdstukken lees je wie wat doet, wat de gemeente en de politie je bieden
            en hoe je je aanmeldt.""",
        ),
    ]


def roles_body(context):
    return [
        heading("Wie doet wat?"),
        paragraph(
            """Bij buurtpreventie werken bewoners, de gemeente en de politie samen. Iedereen heeft een
            eigen rol. In het overzicht hieronder zie je in het kort wie wat doet. Daarna lees je per rol
            wat je van elkaar mag verwachten en hoe je elkaar bereikt."""
        ),
        {"type": "role_overview", "value": None},
        heading("Samenwerken gaat twee kanten op"),
        paragraph(
            """Bewoners geven hun tijd en hun kennis van de buurt. De gemeente en de politie geven
            steun, informatie en ook hun tijd. Dat werkt alleen als iedereen weet wat van hem of haar
            verwacht wordt. Daarom leggen we bij de start van elk team of elke app-groep samen vast wie
            wat doet."""
        ),
        heading("De rollen uitgelegd"),
        {"type": "roles", "value": {"title": "", "roles": list_items(role.pk for role in context["roles"])}},
        heading("Coördinator en beheerder: de verbinders"),
        rich_text(
            html_paragraphs(
                """De coördinator van een team en de beheerder van een app-groep zijn de schakel tussen
                de bewoners en de professionals. Via hen bereiken de gemeente en de politie het hele team
                in één keer, en zij weten als eersten wat er speelt. Vooral in de eerste maanden, als
                er veel te regelen is, maakt een gedreven coördinator het verschil.""",
                "Wat helpt in deze rol:",
            )
            + html_list(
                "anderen kunnen motiveren;",
                "goed kunnen organiseren en plannen;",
                "mensenkennis en goed kunnen samenwerken;",
                "de leiding durven nemen als dat nodig is.",
            )
        ),
        callout(
            "tip",
            "Coördinator of beheerder worden?",
            html_paragraphs(
                """Vertel het in je kennismakingsgesprek. We helpen je op weg, bijvoorbeeld met een
                training en met contact met ervaren coördinatoren."""
            ),
        ),
        heading("Je vaste contactpersonen"),
        paragraph(
            """Elk team en elke app-groep krijgt een vaste contactpersoon bij de gemeente en een vaste
            wijkagent. Zo weet je altijd bij wie je terechtkunt, en kennen zij jouw team."""
        ),
    ]


def offer_body(context):
    return [
        heading("Een samenwerking met afspraken"),
        paragraph(
            """Als de gemeente en de politie met jouw team of app-groep samenwerken, beloven zij ook
            zelf iets. Ze maken tijd voor je, delen informatie en zorgen voor middelen. Hieronder lees je
            wat je van ons krijgt, en wat we van jou vragen."""
        ),
        heading("Wat we je bieden"),
        heading("Vast contact", "h3"),
        paragraph(
            """Je team heeft een vaste contactpersoon bij de gemeente en een vaste wijkagent. Met de
            coördinator of beheerder hebben we geregeld contact, bijvoorbeeld elke maand een kort
            telefoontje of mailtje om te horen hoe het gaat. De wijkagent loopt af en toe mee met een
            ronde."""
        ),
        heading("Informatie", "h3"),
        paragraph(
            """We vertellen je wat er in je buurt speelt als dat voor jullie werk belangrijk is,
            bijvoorbeeld een reeks inbraken. En we laten weten wat we met jullie verslagen en meldingen
            hebben gedaan."""
        ),
        heading("Training en middelen", "h3"),
        rich_text(
            html_paragraphs("Iedereen die meedoet, krijgt een basispakket:")
            + html_list(
                """twee vaste trainingen: <b>Veilig op ronde</b> (wat je wel en niet doet als er iets
                gebeurt) en <b>Signaleren en melden</b> (wat je doorgeeft, hoe en aan wie);""",
                "een hesje en een zaklamp voor teams die rondes lopen;",
                "een verzekering tijdens je activiteiten voor het team.",
            )
            + html_paragraphs(
                """Wil je meer leren? Dan kun je kiezen uit extra trainingen, zoals EHBO, reanimeren met
                een AED of omgaan met lastige gesprekken. Dat hoeft niet: wie het druk heeft, volstaat
                met het basispakket."""
            )
        ),
        heading("Een eigen teambudget", "h3"),
        paragraph(
            """Elk team krijgt een klein budget dat het zelf mag besteden. Het ene team gaat een keer
            samen eten, het andere volgt een extra training. Hoe hoog het budget is, hangt af van het
            aantal actieve leden."""
        ),
        heading("Elkaar ontmoeten", "h3"),
        paragraph(
            """Eén keer per jaar organiseren we een bijeenkomst voor alle coördinatoren en beheerders: om
            elkaar te leren kennen, ervaringen uit te wisselen en de samenwerking te verbeteren. Daarnaast
            is er elk jaar een activiteit voor alle buurtpreventen, bijvoorbeeld een barbecue of een
            thema-avond over veiligheid."""
        ),
        heading("Wat we van jou vragen"),
        rich_text(
            html_list(
                """<b>Duidelijke verslagen.</b> Niet alleen 'het was rustig', maar ook wanneer je liep,
                welke route en wat je opviel.""",
                """<b>Afspraken nakomen.</b> Houd je aan het rooster en de werkafspraken, en meld je op
                tijd af als je niet kunt.""",
                """<b>Veiligheid voorop.</b> Je grijpt nooit zelf in. Bij gevaar bel je 112.""",
                """<b>Respect.</b> Je behandelt iedereen in de buurt vriendelijk en gelijk, en je
                beschuldigt niemand.""",
                """<b>Zorgvuldig met informatie.</b> Wat je van de wijkagent hoort, blijft binnen het
                team.""",
            )
        ),
        heading("Afspraken op papier"),
        paragraph(
            """Voordat een team of app-groep start, bespreken we samen wat je van elkaar mag verwachten.
            Dat leggen we vast: in een convenant dat we allebei ondertekenen, of in een korte lijst met
            afspraken. Bij de evaluatie kijken we of de afspraken nog kloppen."""
        ),
        _municipality_contact(context, "Vragen over wat de gemeente biedt? Neem gerust contact op."),
    ]


def register_body(context):
    return [
        heading("Vaste aanmeldmomenten"),
        paragraph(
            """Een paar keer per jaar is er een aanmeldmoment. Je kunt je dan een aantal weken lang
            aanmelden. Zo kunnen de gemeente en de politie alles goed voorbereiden en begin je samen met
            andere nieuwe buurtpreventen.""",
            """Is er op dit moment geen aanmeldmoment? Laat dan je e-mailadres achter op de
            aanmeldpagina. Je krijgt bericht zodra je je weer kunt aanmelden.""",
        ),
        heading("Kies wat bij je past"),
        rich_text(
            html_list(
                "<b>Een nieuw team</b> dat rondes loopt in jouw buurt;",
                "<b>een nieuwe app-groep</b> waarin buren elkaar waarschuwen;",
                "<b>aansluiten bij een team</b> dat al bestaat.",
            )
        ),
        heading("Stap voor stap"),
        steps(
            [
                (
                    "Je meldt je aan",
                    html_paragraphs(
                        """Tijdens een aanmeldmoment vul je het formulier in: je gegevens, je buurt en
                        waarom je mee wilt doen."""
                    ),
                ),
                (
                    "Je komt naar de informatieavond",
                    html_paragraphs(
                        """Bij elk aanmeldmoment hoort een informatieavond. De gemeente, de politie en
                        coördinatoren van bestaande teams vertellen wat buurtpreventie inhoudt en wat we
                        van elkaar verwachten. Je kunt al je vragen stellen."""
                    ),
                ),
                (
                    "We voeren een kennismakingsgesprek",
                    html_paragraphs(
                        """In een intakegesprek praten we over wat je wilt doen, hoeveel tijd je hebt en
                        wat je nodig hebt. We vragen ook wat je drijft om mee te doen: zo kunnen we je
                        beter ondersteunen."""
                    ),
                ),
                (
                    "We leggen de afspraken vast",
                    html_paragraphs(
                        """Samen zetten we op papier wat je van elkaar mag verwachten: in een convenant
                        of in een korte lijst met afspraken."""
                    ),
                ),
                (
                    "Je gaat van start",
                    html_paragraphs(
                        """Je volgt de training, krijgt je hesje en zaklamp en loopt je eerste ronde,
                        samen met de coördinator of de wijkagent. Voor een app-groep krijgen de
                        beheerders uitleg over de groepsregels."""
                    ),
                ),
            ]
        ),
        heading("Hoe lang duurt het?"),
        paragraph(
            """Meestal zit er tussen het sluiten van het aanmeldmoment en je eerste ronde zes tot acht
            weken. Je hoort van ons steeds wat de volgende stap is."""
        ),
        callout(
            "tip",
            "Twijfel je nog?",
            html_paragraphs(
                """Aanmelden verplicht je tot niets. Na de informatieavond en het gesprek beslis je zelf
                of je meedoet."""
            ),
        ),
        heading("Je gegevens"),
        paragraph(
            f"""We vragen alleen de gegevens die we nodig hebben om je aanmelding af te handelen. In de
            {page_link(context["privacy"], "privacyverklaring")} lees je wat we ermee doen en hoe lang we
            ze bewaren."""
        ),
    ]


def safety_body(context):
    return [
        heading("Jouw veiligheid gaat voor"),
        paragraph(
            """Als buurtprevent ben je ogen en oren, geen agent. Je grijpt nooit zelf in, ook niet als
            je denkt dat het kan. Mensen die op de vlucht zijn, kunnen onvoorspelbaar en gevaarlijk
            reageren. Houd daarom altijd afstand."""
        ),
        heading("Zo verloopt een ronde"),
        rich_text(
            html_list(
                "Loop altijd met minstens twee personen.",
                "Draag je hesje en neem een zaklamp en een opgeladen telefoon mee.",
                "Laat de coördinator of de app-groep weten wanneer je gaat lopen en wanneer je terug bent.",
                "Wissel van route en tijdstip, zodat je niet voorspelbaar bent.",
                "Noteer onderweg wat je opvalt, en maak na afloop een kort verslag.",
            )
        ),
        heading("Als er iets gebeurt"),
        callout(
            "warning",
            "Nooit zelf ingrijpen",
            html_paragraphs(
                """Zie je een inbraak, overval of vechtpartij? Houd afstand, breng jezelf en je
                teamgenoot in veiligheid en bel <b>112</b>. Ga niemand achterna en spreek verdachten
                niet aan."""
            ),
        ),
        steps(
            [
                (
                    "Houd afstand",
                    html_paragraphs("Zoek een veilige plek, op ruime afstand van wat er gebeurt."),
                ),
                (
                    "Bel 112",
                    html_paragraphs("Zeg dat je buurtprevent bent en op ronde bent met je team."),
                ),
                (
                    "Vertel wat je ziet",
                    html_paragraphs("Geef zo precies mogelijk door wat er gebeurt. Zie hieronder."),
                ),
                (
                    "Blijf bereikbaar",
                    html_paragraphs(
                        """Houd je telefoon bij je: de politie belt misschien terug. Volg de aanwijzingen
                        van de politie op."""
                    ),
                ),
                (
                    "Laat het je team weten",
                    html_paragraphs(
                        """Vertel het daarna aan je coördinator en zet het in je verslag. Praat erover als
                        het je dwarszit."""
                    ),
                ),
            ]
        ),
        heading("Wat geef je door aan 112?"),
        rich_text(
            html_list(
                "<b>Waar</b>: straat, huisnummer of een herkenningspunt.",
                "<b>Wat</b> er gebeurt, en of er gewonden zijn.",
                """<b>Signalement</b>: man of vrouw, geschatte leeftijd, lengte en postuur, kleding van
                boven naar beneden, en opvallende dingen zoals een tas of tatoeage.""",
                """<b>Vluchtrichting</b>: welke kant op, en hoe: lopend, op de fiets, op een scooter of met
                een auto.""",
                """<b>Voertuig</b>: merk, type, kleur en kenteken. Ook een deel van het kenteken helpt
                al.""",
            )
        ),
        heading("De politie weet waar je loopt"),
        paragraph(
            """Stel dat er in de wijk een overval is gepleegd terwijl jouw team op ronde is. De daders
            vluchten misschien juist jullie kant op. Daarom weten de agenten die dienst hebben en de
            meldkamer wanneer en waar een team loopt. Gebeurt er iets, dan waarschuwt de politie jullie
            zo snel mogelijk, via de coördinator of de app-groep.""",
            """Geef je rooster dus altijd door aan de wijkagent. En krijg je een waarschuwing? Stop dan
            met de ronde en ga naar huis of naar een veilige plek.""",
        ),
        heading("Training"),
        paragraph(
            """Voordat je je eerste ronde loopt, volg je de training Veilig op ronde. Je oefent daar met
            situaties zoals hierboven: wat zie je, wat doe je, wat doe je juist niet. Zo weet je het op
            het moment zelf."""
        ),
        heading("Na een heftige ervaring"),
        paragraph(
            f"""Iets naars meemaken kan je nog lang bezighouden. Praat erover met je coördinator of je
            wijkagent. Ook bij {external_link("https://www.slachtofferhulp.nl", "Slachtofferhulp Nederland")}
            kun je terecht."""
        ),
    ]


def information_body(context):
    municipality = context["municipality"]
    return [
        heading("Ook 'het was rustig' is informatie"),
        paragraph(
            """Een verslag met alleen 'het was rustig' helpt weinig. Vertel je erbij wanneer en waar je
            liep, dan weet de politie dat het op die plek en dat moment rustig was. En de gemeente ziet
            welke delen van de wijk aandacht krijgen. Een ronde waarin niets gebeurde, is dus wel degelijk
            nuttig."""
        ),
        heading("Wat zet je in je verslag?"),
        rich_text(
            html_list(
                "op welke dag en hoe laat jullie liepen;",
                "welke route, straat voor straat;",
                "of jullie alleen over de hoofdwegen liepen, of ook door achterpaden en brandgangen;",
                "wie er meeliepen;",
                "wat jullie opviel;",
                "met wie jullie een praatje maakten, waarover het ging en hoe het contact verliep;",
                "waar jullie vooral op letten, zoals open ramen en deuren of overhangend groen;",
                "wat de gemeente moet weten over de openbare ruimte, zoals een kapotte lantaarnpaal of "
                "een losse stoeptegel.",
            )
        ),
        heading("Waar meld je wat?"),
        rich_text(
            html_list(
                "<b>Gevaar of een misdrijf dat nu gebeurt:</b> bel 112.",
                "<b>Iets verdachts zonder spoed:</b> bel de politie op 0900-8844 of laat het je wijkagent weten.",
                "<b>Anoniem iets melden:</b> bel Meld Misdaad Anoniem op 0800-7000.",
                f"""<b>Kapotte verlichting, losse tegels of afval:</b> meld het bij de gemeente via
                {municipality.phone}.""",
                "<b>Overlast zoals lawaai of fout parkeren:</b> meld het bij de gemeente; de boa pakt het op.",
                "<b>Je verslag van een ronde:</b> geef het aan je coördinator.",
            )
        ),
        paragraph(
            """De coördinator stuurt de verslagen door. De gemeente en de politie delen de informatie
            met elkaar, zodat jij het maar op één plek hoeft te melden."""
        ),
        heading("Zo laten we weten wat we ermee doen"),
        paragraph(
            """Waar het kan, hoort de melder of het team persoonlijk wat er met een melding is gebeurd.
            Soms kan dat niet, bijvoorbeeld omdat de politie nog onderzoek doet of om de privacy van
            anderen te beschermen.""",
            """Dan geven we algemene terugkoppeling voor alle bewoners: op deze website en in de
            nieuwsbrief. Zo zie je toch wat jullie inzet oplevert.""",
        ),
        callout(
            "info",
            "Informatie werkt twee kanten op",
            html_paragraphs(
                """Jullie geven informatie aan de gemeente en de politie, en zij geven informatie
                terug. Zo blijft iedereen betrokken en kun je je ronde beter afstemmen op wat er speelt."""
            ),
        ),
        heading("Wat je niet deelt"),
        rich_text(
            html_list(
                "geen foto's of namen van mensen die je verdenkt, in de app-groep of op sociale media;",
                "geen gegevens over buren die niet nodig zijn voor je melding;",
                "geen vertrouwelijke informatie van de wijkagent buiten je team.",
            )
        ),
    ]


def motivation_body(context):
    return [
        heading("Iedereen heeft een eigen reden"),
        paragraph(
            """De een wil iets betekenen voor de buurt, de ander zoekt gezelligheid of wil iets leren.
            Onderzoek van de Universiteit Leiden laat zien hoe verschillend die redenen zijn. Het
            onderzoek beschrijft drie profielen. De meeste mensen herkennen zich in één ervan, vaak met
            iets van de andere twee."""
        ),
        heading("Drie profielen"),
        heading("De normatieve partner", "h3"),
        paragraph(
            """Je vindt dat iedereen medeverantwoordelijk is voor een veilige buurt, en je doet mee
            omdat het goed is voor de samenleving. Samenwerken met de politie vind je belangrijk. Maar
            agent spelen wil je niet."""
        ),
        heading("De pragmatische samenwerker", "h3"),
        paragraph(
            """Ook jij vindt dat je je hoort in te zetten, maar je bent er nuchter onder. Je hecht aan
            een eigen plek naast de politie en je kijkt kritisch naar wat de politie doet. Het samen doen,
            met je teamgenoten en je buren, is voor jou het belangrijkst."""
        ),
        heading("De rationele vrijwilliger", "h3"),
        paragraph(
            """Je ziet buurtpreventie niet als plicht. Je wilt vooral actief bezig zijn, iets leren en
            zien dat je inzet resultaat heeft. Veiligheid zelf is voor jou niet de grootste drijfveer."""
        ),
        heading("Waarom maatwerk?"),
        rich_text(
            html_paragraphs(
                """Omdat mensen om verschillende redenen meedoen, past één aanpak niet bij iedereen. Wat
                de een motiveert, vindt de ander overbodig. Daarom stemmen we de ondersteuning af op wat
                jij zoekt. Bijvoorbeeld:"""
            )
            + html_list(
                "Wil je je ontwikkelen? Dan kun je extra trainingen volgen.",
                "Heb je het druk? Dan is het basispakket genoeg.",
                "Doe je mee voor het contact? Dan zijn de teamactiviteiten iets voor jou.",
                "Wil je resultaat zien? Dan houden we je op de hoogte van wat er met je meldingen gebeurt.",
            )
        ),
        heading("Wat weeg je zelf af?"),
        rich_text(
            html_paragraphs("Of je meedoet, en blijft meedoen, hangt ook af van:")
            + html_list(
                "hoe belangrijk je buurtpreventie vindt;",
                "wat je precies moet doen;",
                "of je dat kunt, en of je er de tijd voor hebt;",
                "wat jouw inzet volgens jou oplevert;",
                "of je de gemeente en de politie vertrouwt als partner.",
            )
        ),
        heading("We vragen ernaar in het gesprek"),
        paragraph(
            """In het kennismakingsgesprek gaat het niet alleen over taken en roosters. We vragen ook
            waarom je mee wilt doen. Soms leggen we je een paar stellingen voor, zoals 'Ik vind dat ik als
            bewoner mee moet helpen aan een veilige buurt' of 'Ik wil graag zien wat mijn inzet oplevert'.
            Er zijn geen goede of foute antwoorden.""",
            """Met je antwoorden zoeken we een team, een taak en een wijkagent die bij je passen.""",
        ),
    ]


def appreciation_body(context):
    municipality = context["municipality"]
    return [
        heading("Waardering werkt twee kanten op"),
        paragraph(
            """Buurtpreventen steken er veel tijd in: ze lopen rondes, maken roosters en volgen
            trainingen. Professionals van de gemeente en de politie investeren in begeleiden en
            ondersteunen. Wie zich gewaardeerd voelt, blijft zich graag inzetten. Dat geldt voor
            bewoners, en net zo goed voor de wijkagent."""
        ),
        heading("Zo laten wij onze waardering zien"),
        rich_text(
            html_list(
                "een persoonlijk bedankje, per mail of telefoon;",
                "de wijkagent of een wethouder die een ronde meeloopt;",
                "een jaarlijkse bijeenkomst op het gemeentehuis, met de burgemeester erbij;",
                "aandacht voor jullie werk in de nieuwsbrief of de lokale krant;",
                "een eigen teambudget, dat jullie vrij mogen besteden;",
                "elk jaar een activiteit voor alle buurtpreventen.",
            )
        ),
        heading("En jij?"),
        paragraph(
            """Heeft de wijkagent je goed geholpen, of kreeg je snel antwoord van de gemeente? Laat het
            weten. Een kort berichtje doet ook professionals goed."""
        ),
        heading("Samen terugkijken"),
        rich_text(
            html_paragraphs(
                """Een paar keer per jaar houden we een tussenevaluatie: een bijeenkomst met
                verschillende teams, de gemeente en de politie. We kijken wat goed gaat en wat beter
                kan, en we leren van elkaar. Vragen die we dan bespreken zijn bijvoorbeeld:"""
            )
            + html_list(
                "Lukt het om het rooster rond te krijgen?",
                "Krijgen jullie genoeg terugkoppeling?",
                "Welke informatie was nuttig, en welke niet?",
                "Wat hebben jullie nog nodig?",
            )
            + html_paragraphs("Eén keer per jaar kijken we ook of de afspraken die we vastlegden nog kloppen.")
        ),
        heading("Praktijkvoorbeelden delen"),
        paragraph(
            """Teams kunnen veel van elkaar leren. In de nieuwsbrief delen teams daarom hun
            praktijkvoorbeelden: een actie die goed werkte, een handig rooster of hoe een team nieuwe
            leden vond. Ervaren teams helpen zo nieuwe teams op weg."""
        ),
        callout(
            "tip",
            "Deel jouw voorbeeld",
            html_paragraphs(
                f"""Heeft jouw team iets gedaan waar anderen iets aan hebben? Mail het naar
                {municipality.contact_email}. Misschien staat het in de volgende nieuwsbrief."""
            ),
        ),
    ]


def faq_body(context):
    chapters = context["chapters"]
    safety = chapters.get("veilig-op-ronde")
    offer = chapters.get("wat-gemeente-en-politie-bieden")
    return [
        heading("Vragen en antwoorden"),
        faq(
            [
                (
                    "Kost meedoen mij geld?",
                    html_paragraphs(
                        f"""Nee. De trainingen, het hesje en de zaklamp krijg je van de gemeente, en elk
                        team krijgt een eigen budget. Lees meer in
                        {page_link(offer, "wat gemeente en politie bieden")}."""
                    ),
                ),
                (
                    "Hoeveel tijd kost het?",
                    html_paragraphs(
                        """Dat bepaal je grotendeels zelf. De meeste buurtpreventen lopen een of twee
                        keer per maand een ronde van ongeveer een uur. Daarnaast volg je twee trainingen
                        en ga je een paar keer per jaar naar een overleg. Een app-groep kost weinig tijd,
                        behalve voor de beheerder."""
                    ),
                ),
                (
                    "Hoe oud moet ik zijn?",
                    html_paragraphs(
                        """Je moet minstens 18 jaar zijn. Een maximumleeftijd is er niet: wat telt, is dat
                        de taken bij je passen."""
                    ),
                ),
                (
                    "Ben ik verzekerd?",
                    html_paragraphs(
                        """Ja. Tijdens rondes, trainingen en bijeenkomsten van je team ben je verzekerd
                        via de vrijwilligersverzekering van de gemeente. Die dekt ongelukken en schade die
                        je per ongeluk veroorzaakt."""
                    ),
                ),
                (
                    "Wat doe ik als ik iets verdachts zie?",
                    html_paragraphs(
                        f"""Gebeurt het nu, of is er gevaar? Bel <b>112</b> en houd afstand. Is er geen
                        spoed, bel dan 0900-8844 of laat het je wijkagent weten. Grijp nooit zelf in.
                        Lees meer in {page_link(safety, "Veilig op ronde")}."""
                    ),
                ),
                (
                    "Welke regels gelden in een app-groep?",
                    html_paragraphs(
                        """De groep is alleen voor meldingen over veiligheid in de buurt, niet om te
                        kletsen. Bij gevaar bel je eerst 112 en waarschuw je daarna de groep. Je deelt
                        geen foto's of namen van mensen en je beschuldigt niemand. De beheerder mag
                        berichten verwijderen en leden uit de groep halen die zich niet aan de regels
                        houden."""
                    ),
                ),
                (
                    "Mag ik zelf mensen aanspreken?",
                    html_paragraphs(
                        """Een vriendelijk praatje met buurtgenoten hoort erbij. Maar iemand die je
                        verdenkt, spreek je niet aan en je stelt geen vragen. Dat laat je aan de politie
                        over."""
                    ),
                ),
                (
                    "Moet ik in de wijk wonen?",
                    html_paragraphs(
                        """Ja, je woont of werkt in de buurt waar je team loopt of waar de app-groep voor
                        is. Je kent de buurt dan goed, en dat maakt je signalen waardevol."""
                    ),
                ),
                (
                    "Kan ik meedoen als ik niet goed ter been ben?",
                    html_paragraphs(
                        """Zeker. Je kunt meedoen in een app-groep, kortere rondes lopen of helpen met
                        het rooster en de verslagen. Bespreek het in het kennismakingsgesprek."""
                    ),
                ),
                (
                    "Hoor ik wat er met mijn melding gebeurt?",
                    html_paragraphs(
                        """Als het kan, hoor je het persoonlijk. Mag dat niet, bijvoorbeeld omdat er nog
                        een onderzoek loopt, dan vertellen we in algemene woorden wat we hebben gedaan:
                        op deze website en in de nieuwsbrief."""
                    ),
                ),
                (
                    "Kan ik weer stoppen?",
                    html_paragraphs(
                        """Ja, dat kan altijd. Laat het je coördinator en de gemeente weten en lever je
                        hesje en zaklamp weer in. We hopen dat je ons vertelt waarom je stopt, zodat we
                        ervan kunnen leren."""
                    ),
                ),
                (
                    "Wat doet de gemeente met mijn gegevens?",
                    html_paragraphs(
                        f"""We gebruiken je gegevens alleen voor buurtpreventie en delen ze alleen met de
                        politie als dat nodig is. Na de bewaartermijn verwijderen we ze. Alles hierover
                        lees je in de {page_link(context["privacy"], "privacyverklaring")}."""
                    ),
                ),
            ]
        ),
        heading("Staat je vraag er niet bij?"),
        paragraph(
            f"""Neem contact met ons op. Op de {page_link(context["contact"], "contactpagina")} vind je ook
            hoe je de wijkagent bereikt."""
        ),
        _municipality_contact(context, "Op werkdagen bereikbaar van 9.00 tot 17.00 uur."),
    ]


CHAPTERS = [
    (
        "wat-is-buurtpreventie",
        "Wat is buurtpreventie en waarom",
        """Bij buurtpreventie letten bewoners samen op hun eigen buurt. Ze zien wat er speelt, geven
        signalen door aan gemeente en politie en leren hun buren beter kennen. Hier lees je wat
        buurtpreventie is, en ook wat het niet is.""",
        what_is_body,
    ),
    (
        "rollen-en-verantwoordelijkheden",
        "Rollen en verantwoordelijkheden",
        """Bewoners, gemeente en politie hebben elk een eigen rol. Hier zie je wie wat doet, wat je van
        elkaar mag verwachten en hoe je elkaar bereikt.""",
        roles_body,
    ),
    (
        "wat-gemeente-en-politie-bieden",
        "Wat gemeente en politie bieden en verwachten",
        """Buurtpreventie werkt alleen als beide kanten zich inzetten. De gemeente en de politie beloven
        je een aantal dingen en vragen ook iets terug. Zo weet je vooraf waar je aan toe bent.""",
        offer_body,
    ),
    (
        "aanmelden",
        "Zo meld je je aan",
        """Een paar keer per jaar kun je je aanmelden voor een nieuw team, een nieuwe app-groep of een
        bestaand team. Daarna volgen een informatieavond en een kennismakingsgesprek, en leggen we
        samen de afspraken vast.""",
        register_body,
    ),
    (
        "veilig-op-ronde",
        "Veilig op ronde",
        """Je eigen veiligheid gaat altijd voor: buurtpreventen grijpen nooit zelf in. Hier lees je hoe
        een ronde verloopt, wat je doet als er iets gebeurt en wat de politie dan van je wil weten.""",
        safety_body,
    ),
    (
        "informatie-delen",
        "Informatie delen en terugkoppeling",
        """Wat jullie zien en horen, helpt gemeente en politie om gericht te werken. Hier lees je welke
        informatie nuttig is, waar je die kwijt kunt en hoe je hoort wat er met je meldingen
        gebeurt.""",
        information_body,
    ),
    (
        "motivatie-en-maatwerk",
        "Motivatie en maatwerk",
        """Iedereen heeft een eigen reden om mee te doen. Als we weten wat jou drijft, kunnen we je beter
        ondersteunen. Daarom vragen we er ook naar.""",
        motivation_body,
    ),
    (
        "waardering-en-evaluatie",
        "Waardering en evaluatie",
        """Buurtpreventie vraagt inzet van bewoners én van professionals. Waardering laten zien houdt die
        inzet gaande, en door samen terug te kijken blijft de samenwerking goed.""",
        appreciation_body,
    ),
    (
        "veelgestelde-vragen",
        "Veelgestelde vragen",
        """Antwoorden op vragen die we vaak krijgen over meedoen aan buurtpreventie: over kosten, tijd,
        veiligheid, app-groepen en je gegevens.""",
        faq_body,
    ),
]
