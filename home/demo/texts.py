"""Texts of the home page and the service pages (privacy, accessibility, contact, colofon).

Written for residents at language level B1, addressed as "je". The
municipality's name and contact details are never typed into a text: the texts
use the placeholders ([gemeente], [telefoon], [alarmnummer]...) and the
contact details block of home/contact_details.py, which show the settings as
they are when the page is shown.
"""

from .blocks import (
    callout,
    contact,
    contact_details,
    external_link,
    heading,
    html_list,
    html_paragraphs,
    paragraph,
    rich_text,
    squash,
    steps,
)

# The municipality settings on first use. Made up, like the municipality.
MUNICIPALITY = {
    "municipality_name": "Gemeente Voorbeeld",
    "contact_email": "buurtpreventie@gemeente.example",
    "notification_email": "aanmeldingen-buurtpreventie@gemeente.example",
    "phone": "14 0000",
    "visiting_address": "Stadhuisplein 1\n1234 AB Voorbeeld",
    "retention_days": 365,
}


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
                "Gebeurt er nu iets? Bel het alarmnummer",
                html_paragraphs(
                    """Zie je een inbraak, een overval of een andere gevaarlijke situatie? Bel meteen
                    <b>[alarmnummer]</b> en ga er niet zelf op af.""",
                    """Geen spoed, maar wil je wel de politie spreken? Bel [politie]. Iets anoniem
                    melden kan bij Meld Misdaad Anoniem: 0800-7000.""",
                ),
            ),
        ],
    }


def _retention_text(days):
    return "365 dagen (een jaar)" if days == 365 else f"{days} dagen"


def privacy_content(municipality):
    retention = _retention_text(municipality.retention_days)
    return {
        "intro": squash(
            """Hier lees je welke persoonsgegevens de gemeente verzamelt als je meedoet aan buurtpreventie
            of een formulier op deze website invult. Je leest ook waarom we dat doen, hoe lang we je
            gegevens bewaren en welke rechten je hebt."""
        ),
        "body": [
            heading("Wie is verantwoordelijk?"),
            paragraph(
                """[gemeente] is verantwoordelijk voor de persoonsgegevens die via deze website binnenkomen.
                We houden ons daarbij aan de Algemene verordening gegevensbescherming (AVG). We vragen
                nooit meer gegevens dan we echt nodig hebben."""
            ),
            heading("Welke gegevens verzamelen we?"),
            heading("Aanmelden voor buurtpreventie", "h3"),
            paragraph(
                """Je naam, e-mailadres, telefoonnummer (als je dat invult), je wijk of postcode en of
                je een nieuw team, een nieuwe app-groep of aansluiten bij een team kiest. Ook je
                antwoorden op de vragen over je motivatie. Tijdens de verdere afhandeling noteren we
                de stand van je aanmelding en korte aantekeningen van het kennismakingsgesprek. In de
                uitnodiging voor dat gesprek kan een persoonlijke regel staan, zoals de datum en de
                plaats; die bewaren we bij je aanmelding, net zo lang als je andere gegevens."""
            ),
            heading("Opgeven voor een informatieavond", "h3"),
            paragraph(
                """Je naam en e-mailadres, en of je een plaats hebt of op de wachtlijst staat. Zo kunnen
                we je een bevestiging en een herinnering sturen, en een bericht als de tijd of de plaats
                van de avond verandert.""",
                """Ook bewaren we een versleutelde code van het netwerk waarvandaan je je opgaf (niet je
                internetadres zelf): vanaf één netwerk kunnen zich per avond maar een paar personen opgeven,
                zodat niemand in z'n eentje de zaal kan vullen. Die code verdwijnt met je andere
                gegevens.""",
            ),
            heading("Misbruik van formulieren tegengaan", "h3"),
            paragraph(
                """We tellen hoe vaak een formulier vanaf een internetadres wordt verstuurd, zodat
                niemand de website kan overspoelen. Daarvoor bewaren we een versleutelde code van het
                adres, nooit het adres zelf, en die verwijderen we na enkele minuten weer."""
            ),
            heading("Nieuwsbrief", "h3"),
            paragraph(
                """Je e-mailadres, de wijk die je het meest interesseert (als je er een kiest), wanneer
                je je aanmeldde, bevestigde en afmeldde, en met welke versie van deze privacyverklaring
                je instemde. Je krijgt de nieuwsbrief pas nadat je de link in onze bevestigingsmail hebt
                geopend en daar op de knop hebt gedrukt. Met de wijk zien we welke wijken de lezers het
                meest interesseren. Je wijk veranderen of je afmelden doe je op je persoonlijke pagina,
                via de link in elke mail; onder elke nieuwsbrief staat ook een afmeldlink.""",
                """Van elke verzonden nieuwsbrief houden we per adres bij of hij is verstuurd. Verwijderen
                we je adres, dan blijft daarvan alleen het aantal over.""",
            ),
            heading("Een praktijkvoorbeeld insturen", "h3"),
            paragraph(
                """Je naam en e-mailadres, de naam van je team, je wijk, wat je over jullie voorbeeld
                schrijft, een foto als je die meestuurt, en wanneer je het formulier verstuurde en met
                welke versie van deze privacyverklaring. Je naam en e-mailadres komen nooit op de
                website: we gebruiken ze alleen om je te laten weten dat we je voorbeeld ontvingen en
                wanneer het op de website staat. Uit een foto halen we vóór het opslaan alle
                verborgen gegevens, zoals de plaats waar hij is gemaakt en het merk van de camera.""",
                """Je voorbeeld, met de naam van je team, je wijk en de foto, zetten we op de website en
                misschien in de nieuwsbrief, nadat de redactie het heeft gelezen. Een voorbeeld dat
                niet op de website komt, verwijdert de redactie, met de foto.""",
            ),
            heading("Je team of app-groep", "h3"),
            paragraph(
                """Maakt de gemeente een team of app-groep van je aanmelding, dan bewaren we de naam van
                het team, de wijk, en de naam en het e-mailadres van de coördinator of beheerder. Van elk
                teamlid bewaren we de naam en, als we het hebben, het e-mailadres.""",
                """De coördinator krijgt per mail de teamlink: het geheime adres waarmee het team
                verslagen invult. Een account is er niet. De coördinator krijgt ook een mail als de
                gemeente reageert op een melding van het team.""",
                """Je gegevens blijven bewaard zolang je in het team zit. Ga je uit het team? Laat het
                de gemeente weten. Dan verwijderen we je naam en e-mailadres.""",
            ),
            heading("Verslag van een loopronde", "h3"),
            paragraph(
                """Na een ronde vult het team een verslag in via de teamlink. Daarin staan: het team,
                de datum, de begin- en eindtijd, de route, waar jullie liepen en met hoeveel mensen. Wie
                er meeliepen, kies je als je wilt uit de namen van de leden van je team; andere namen
                kun je niet invullen. Verder wat jullie opviel, waarover jullie met bewoners spraken en
                waar jullie op letten. Bij een rustige ronde zijn dat alleen de datum, de tijden en de
                route. Het verslag vraagt niet wie het invult.""",
                """Bij een melding over de openbare ruimte, zoals een kapotte lantaarnpaal, staan de
                soort melding, de straat en een huisnummer in de buurt (of een omschrijving van de
                plek) en wat er aan de hand is. Daarbij bewaren we wat de gemeente met de melding deed
                en de reactie aan het team.""",
                """Schrijf in een verslag niets op waarmee iemand te herkennen is, zoals een naam of hoe
                iemand eruitziet. Noem ook geen namen van bewoners met wie jullie spraken. Gaat het om
                iets dringends? Bel dan [alarmnummer], of [politie] als er geen spoed is.""",
                """Wie ziet het verslag? De medewerkers van de gemeente die de verslagen en meldingen
                behandelen. Zetten zij een melding door, dan krijgt de afdeling die erover gaat een mail
                met alleen die melding: de soort, de plek met het huisnummer, wat er aan de hand is, de
                datum van de ronde, en de naam en de wijk van het team. Je team ziet met de teamlink zijn
                eigen verslagen en de reacties van de gemeente, zonder de namen van wie er meeliepen en
                zonder huisnummers. Wie de teamlink heeft, kan dit zien. Deel de link daarom alleen met
                je team.""",
                """Op de pagina's ‘Wat we met jullie meldingen deden’ staan alleen cijfers en een paar
                meldingen met een korte tekst van de gemeente. Daar staan geen namen en geen
                huisnummers, hoogstens de straat.""",
            ),
            heading("Waarom we je gegevens gebruiken"),
            rich_text(
                html_list(
                    "om je aanmelding af te handelen en je uit te nodigen voor de informatieavond en het gesprek;",
                    "om contact met je te houden over je team of app-groep;",
                    "om je een bevestiging, herinnering of ander bericht over je aanmelding te sturen;",
                    "om je de nieuwsbrief te sturen, als je je daarvoor hebt aangemeld;",
                    """om je te laten weten dat we je praktijkvoorbeeld ontvingen en wanneer het op de
                    website staat;""",
                    """om samen met de politie te werken aan de veiligheid in je buurt, op basis van de
                    verslagen en meldingen van de teams;""",
                    """om meldingen over de openbare ruimte door te zetten naar de afdeling die erover
                    gaat, en het team te laten weten wat ermee gebeurt;""",
                    """om per kwartaal of maand in cijfers te laten zien wat de teams meldden en wat de
                    gemeente ermee deed.""",
                )
            ),
            heading("Op welke grond mogen we dit?"),
            paragraph(
                """Voor aanmeldingen, informatieavonden, teams en verslagen van looprondes gebruiken we
                je gegevens omdat dat nodig is voor een taak van algemeen belang: de zorg voor veiligheid
                en leefbaarheid in de gemeente, die de gemeente samen met de politie uitvoert (artikel 6,
                lid 1, onder e van de AVG).""",
                """Ook ingestuurde praktijkvoorbeelden gebruiken we voor die taak: teams leren van
                elkaar. Het vinkje op dat formulier gaat over publiceren: dat we je voorbeeld met de
                naam van je team, je wijk en de foto op de website en in de nieuwsbrief mogen zetten,
                en dat wie herkenbaar op de foto staat dat goed vindt.""",
                """Voor de nieuwsbrief vragen we je toestemming (artikel 6, lid 1, onder a van de AVG).
                Die toestemming kun je altijd weer intrekken met de afmeldlink onder elke nieuwsbrief of
                op je persoonlijke pagina.""",
            ),
            heading("Met wie delen we je gegevens?"),
            paragraph(
                """Alleen met de politie, en alleen als dat nodig is: bijvoorbeeld voor het
                kennismakingsgesprek of voor de samenwerking tussen je team en de wijkagent. We
                verkopen je gegevens nooit en geven ze niet aan andere organisaties. Deze website laadt
                niets van andere partijen.""",
                """Een melding over de openbare ruimte uit een verslag zetten we door naar de afdeling
                die erover gaat. Die krijgt alleen de melding zelf. De namen van wie er meeliepen en de
                rest van het verslag krijgt de afdeling niet.""",
            ),
            heading("Hoe lang bewaren we je gegevens?"),
            paragraph(
                f"""Gegevens van aanmeldingen bewaren we {retention} na het sluiten van de
                aanmeldronde, opgaven voor een informatieavond {retention} na de avond. Daarna worden ze
                automatisch verwijderd, samen met de kopieën van de mails die we je daarover stuurden.
                De gemeente legt deze bewaartermijn vast in de instellingen van de website; verandert
                de termijn, dan passen we deze verklaring aan.""",
                """De gegevens van een team en zijn leden bewaren we zolang het team bestaat. Ga je uit
                het team, dan verwijderen we je naam en e-mailadres.""",
                f"""Van een verslag van een loopronde verwijderen we {retention} na het insturen
                automatisch de teksten die het team zelf schreef: de route, wat opviel en de gesprekken.
                Ook wie er meeliepen, en bij de meldingen de omschrijving, het huisnummer, de
                beschrijving van de plek en de reacties van de gemeente gaan weg. Wat overblijft,
                gebruiken we alleen voor de cijfers: de datum en de tijden, het team, het aantal lopers,
                de soort melding, de straat en hoe de melding is afgehandeld. De kopieën van de mails
                over meldingen verwijderen we {retention} nadat we ze verstuurden.""",
                """Vraag je om een mail bij een nieuw aanmeldmoment, dan bewaren we je e-mailadres tot
                je je afmeldt; bevestig je het niet binnen een week, dan verwijderen we het.""",
                f"""Je gegevens voor de nieuwsbrief bewaren we zolang je de nieuwsbrief wilt ontvangen.
                Meld je je af, dan krijg je meteen geen nieuwsbrief meer; {retention} later verwijderen
                we je gegevens, samen met de kopieën van de mails over je aanmelding. Bevestig je je
                aanmelding niet binnen een week, dan verwijderen we je e-mailadres.""",
                f"""Je naam en e-mailadres bij een ingestuurd praktijkvoorbeeld verwijderen we
                automatisch {retention} na het insturen, samen met de kopieën van de mails daarover. Het
                voorbeeld op de website blijft staan, zonder je naam en adres; wil je dat we het
                weghalen, mail dan naar [e-mail].""",
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
                    """Stuur je verzoek naar [e-mail] of bel [telefoon]. We reageren binnen een maand.
                    Soms vragen we je eerst aan te tonen wie je bent, zodat we je gegevens niet aan een
                    ander geven."""
                )
            ),
            contact_details(title="Team buurtpreventie"),
            heading("Cookies"),
            paragraph(
                """Deze website gebruikt alleen cookies die nodig zijn om formulieren veilig te laten
                werken. We gebruiken geen cookies om je te volgen en geen advertenties."""
            ),
            heading("Vragen of een klacht?"),
            paragraph(
                """Heb je een vraag over privacy, of ben je het niet eens met hoe we met je gegevens
                omgaan? Neem dan contact op met de functionaris gegevensbescherming (FG) van
                [gemeente]: mail de FG, of bel [telefoon] en vraag naar de FG."""
            ),
            contact(
                "Functionaris gegevensbescherming",
                text="De FG houdt binnen de gemeente toezicht op de bescherming van persoonsgegevens.",
                email="fg@gemeente.example",
            ),
            paragraph(
                f"""Kom je er met ons niet uit? Dan kun je een klacht indienen bij de
                {external_link("https://autoriteitpersoonsgegevens.nl", "Autoriteit Persoonsgegevens")}."""
            ),
        ],
    }


def accessibility_content(municipality):
    return {
        "intro": squash(
            """De gemeente wil dat iedereen deze website kan gebruiken: ook als je slecht ziet, geen muis
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
                            """Mail naar [e-mail] of bel [telefoon]. Noem de pagina, wat je probeerde
                            te doen en welk apparaat en welke browser je gebruikt."""
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
    return {
        "intro": squash(
            """Heb je een vraag over buurtpreventie, wil je iets melden of zoek je de wijkagent? Hier
            lees je wie je waarvoor kunt bereiken."""
        ),
        "body": [
            heading("Spoed"),
            contact_details(
                "emergency",
                title="Politie, brandweer en ambulance",
                text="""Is er gevaar, of gebeurt er op dit moment een misdrijf? Bel direct het alarmnummer.
                Ga er niet zelf op af en wacht niet tot je team of app-groep reageert.""",
            ),
            heading("Vragen over buurtpreventie"),
            contact_details(
                title="Team buurtpreventie",
                text="""Voor vragen over aanmelden, de informatieavonden, trainingen en je team. Bereikbaar
                op werkdagen van 9.00 tot 17.00 uur.""",
            ),
            paragraph(
                """Liever langskomen? Dat kan op het gemeentehuis: [adres]. Maak wel eerst een afspraak,
                dan weet je zeker dat er iemand van het team is."""
            ),
            heading("De wijkagent"),
            paragraph(
                f"""Voor zaken zonder spoed en om je wijkagent te spreken, bel je de politie op [politie].
                Op {external_link("https://www.politie.nl", "politie.nl")} zoek je met je postcode wie de
                wijkagent van jouw buurt is."""
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
                """Dit soort meldingen over de openbare ruimte doe je bij de gemeente: bel [telefoon]
                of mail naar [e-mail]. Loop je een ronde met
                je team? Zet het dan ook in je verslag."""
            ),
        ],
    }


def colofon_content(municipality):
    return {
        "intro": "Over deze website: wie hem maakt, waar de informatie vandaan komt en hoe hij gebouwd is.",
        "body": [
            heading("Uitgever"),
            paragraph(
                """Deze website is van [gemeente], team buurtpreventie. Vragen of opmerkingen over de
                website kun je mailen naar [e-mail]."""
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
                    """[gemeente] bestaat niet. De namen, adressen, e-mailadressen en telefoonnummers van
                    de gemeente zijn verzonnen. De landelijke nummers [alarmnummer], [politie] (politie) en
                    0800-7000 (Meld Misdaad Anoniem) zijn wel echt."""
                ),
            ),
        ],
    }


# The service pages under the home page: (slug, title, in the menu, content from the municipality settings).
SERVICE_PAGES = [
    ("privacyverklaring", "Privacyverklaring", False, privacy_content),
    ("toegankelijkheid", "Toegankelijkheidsverklaring", False, accessibility_content),
    ("contact", "Contact", True, contact_content),
    ("colofon", "Colofon", False, colofon_content),
]
