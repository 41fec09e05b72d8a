"""Texts of the home page and the service pages (privacy, accessibility, contact, colofon).

Written for residents at language level B1, addressed as "je". The
municipality's name and contact details are never typed into a text: the texts
use the placeholders ([gemeente], [telefoon], [alarmnummer]...) and the
contact details block of home/contact_details.py, which show the settings as
they are when the page is shown.
"""

from django.conf import settings

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
                team rondes door de wijk, anderen waarschuwen elkaar in een app-groep. Je ziet wat er
                speelt, je geeft signalen door aan de gemeente en de politie, en je leert je buren beter
                kennen.""",
                """Buurtpreventen zijn geen agenten. Jullie kijken, luisteren en melden. Wat er daarna
                moet gebeuren, beslissen de politie en de gemeente.""",
            ),
            heading("Meedoen?"),
            paragraph(
                """Een paar keer per jaar kun je je aanmelden. Dat kan voor een nieuw team of een
                nieuwe app-groep. Je kunt ook aansluiten bij een team in jouw buurt. Eerst kom je naar
                een informatiebijeenkomst. Daarna volgt een kort intakegesprek. Meedoen kost je niets."""
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


# The two legal bases (AVG article 6): every processing below names one of them, and its
# checkbox says the same (consent: for exactly what; a public task: only that you have read this).
PUBLIC_TASK = "een taak van algemeen belang. Daarvoor is je toestemming niet nodig."
CONSENT = "je toestemming. Die kun je altijd weer intrekken."

# The demo contact form's own retention (forms.demo.texts.CONTACT_RETENTION_DAYS, set on that page;
# tests/home/test_privacy_statement.py checks that the two agree).
CONTACT_FORM_RETENTION = "180 dagen (een half jaar)"

# How many nightly backups the backup unit keeps (`--keep 14` in deploy/systemd/buurtpreventie-backup.service),
# so how many days a backup lasts; tests/home/test_privacy_statement.py checks that the two agree.
BACKUP_KEEP_DAYS = 14

# Who sees what is said about the intake: the registration mails say it in the same words
# (aanmelding.mails.registrations.INTAKE_WHO_SEES; tests/home/test_privacy_statement.py checks it).
INTAKE_WHO_SEES = (
    "Je aanmelding zien alleen de medewerkers van de gemeente die aanmeldingen behandelen. "
    "Bij het intakegesprek is ook de wijkagent of de coördinator van je wijk. "
    "Die krijgt je naam en hoort wat je vertelt. "
    "Je andere gegevens en de aantekeningen van het gesprek blijven bij de gemeente."
)


def processing(title, *, what, why, basis, who, how_long):
    """One processing of personal data: what, why, on which ground, who sees it and how long."""
    items = [
        ("Wat we bewaren", what),
        ("Waarom", why),
        ("Grondslag", basis),
        ("Wie ziet het", who),
        ("Hoe lang", how_long),
    ]
    return [
        heading(title, "h3"),
        rich_text(html_list(*(f"<b>{label}:</b> {squash(text)}" for label, text in items))),
    ]


def privacy_content(municipality):
    retention = _retention_text(municipality.retention_days)
    return {
        "intro": squash(
            """Hier lees je welke gegevens de gemeente bewaart als je een formulier op deze website
            invult. Per formulier staat wat we bewaren, waarom, wie het ziet en hoe lang. Je leest ook
            welke rechten je hebt."""
        ),
        "body": [
            heading("Wie is verantwoordelijk?"),
            paragraph(
                """[gemeente] is verantwoordelijk voor de persoonsgegevens die via deze website binnenkomen.
                We houden ons daarbij aan de Algemene verordening gegevensbescherming (AVG). We vragen
                nooit meer gegevens dan we echt nodig hebben."""
            ),
            heading("Op welke grond mogen we dit?"),
            rich_text(
                html_paragraphs(
                    """De AVG noemt een paar gronden waarop je persoonsgegevens mag gebruiken. Wij
                    gebruiken er twee."""
                )
                + html_list(
                    """<b>Een taak van algemeen belang</b> (artikel 6, lid 1, onder e van de AVG). De
                    gemeente zorgt samen met de politie voor een veilige en leefbare buurt. Voor die taak
                    is je toestemming niet nodig.""",
                    """<b>Toestemming</b> (artikel 6, lid 1, onder a van de AVG). Sommige dingen doen we
                    alleen als jij dat wilt, zoals je de nieuwsbrief sturen. Je toestemming kun je altijd
                    weer intrekken.""",
                )
                + html_paragraphs(
                    """Elk formulier heeft een vinkje. Gaat het om een taak van algemeen belang? Dan zeg
                    je met het vinkje alleen dat je hebt gelezen hoe we je gegevens gebruiken. Vragen we
                    je toestemming? Dan staat bij het vinkje precies waarvoor.""",
                    """Gebruiken we je gegevens voor een taak van algemeen belang? Dan mag je bezwaar
                    maken. Hoe dat gaat, lees je onder ‘Je rechten’.""",
                )
            ),
            heading("Wat we per formulier bewaren"),
            paragraph(
                f"""Hieronder staat per formulier wat we bewaren en waarom. Ook lees je op welke grond,
                wie het ziet en hoe lang we het bewaren. De gemeente stelt de bewaartermijn in. Nu is
                die {retention}."""
            ),
            *processing(
                "Aanmelden voor buurtpreventie",
                what="""Je naam, e-mailadres, postcode en wijk, en je telefoonnummer als je dat invult.
                Waarvoor je je aanmeldt: een nieuw team, een nieuwe app-groep of een bestaand team. Als je
                ze invult: wanneer je kunt, hoe je van ons hoorde, je opmerking en je antwoorden op de
                stellingen. Wanneer je het formulier verstuurde, en welke versie van deze
                privacyverklaring er toen stond. Later ook de stand van je aanmelding en aantekeningen
                van het intakegesprek. En de persoonlijke regel in je uitnodiging, zoals de datum en de
                plaats.""",
                why="""Om je aanmelding te behandelen. Om je uit te nodigen voor de informatiebijeenkomst
                en het intakegesprek. En om je daarna te laten beginnen in een team of app-groep.""",
                basis=PUBLIC_TASK,
                who=INTAKE_WHO_SEES,
                how_long=f"""Tot {retention} na het sluiten van het aanmeldmoment. Dan halen we je naam,
                je contactgegevens, je opmerking, de aantekeningen en de persoonlijke regel automatisch
                weg. De kopieën van onze
                mails aan jou gaan ook weg. Wat overblijft, zegt niet wie je bent. Dat zijn de soort
                aanmelding, de wijk, de cijfers van je postcode, de stand en je antwoorden op de
                keuzevragen. Trek je je aanmelding in? Dan halen we je gegevens meteen weg.""",
            ),
            *processing(
                "Houd mij op de hoogte",
                what="""Je e-mailadres, wanneer je erom vroeg en wanneer je het bevestigde. Bij welke
                aanmeldmomenten we je mailden. En welke versie van deze privacyverklaring er stond.""",
                why="Om je te mailen zodra je je weer kunt aanmelden.",
                basis=CONSENT + " Dat doe je met de afmeldlink in elke mail.",
                who="Alleen de medewerkers van de gemeente die aanmeldingen behandelen.",
                how_long="""Tot je je afmeldt. Bevestig je je e-mailadres niet binnen een week? Dan halen
                we het weg.""",
            ),
            *processing(
                "Opgeven voor een informatiebijeenkomst of tussenevaluatie",
                what="""Je naam en e-mailadres, met hoeveel personen je komt, en je vraag of opmerking.
                Of je een plaats hebt of op de wachtlijst staat. Welke versie van deze privacyverklaring
                er stond. En een versleutelde code van het netwerk waarvandaan je je opgaf, nooit je
                internetadres zelf.""",
                why="""Om je een plaats te geven. Om je een bevestiging, een herinnering of een wijziging
                te mailen. De code zorgt dat niemand in z'n eentje de zaal vult. Per netwerk kunnen zich
                maar een paar mensen opgeven.""",
                basis=PUBLIC_TASK,
                who="""De medewerkers van de gemeente die aanmeldingen behandelen. Op de bijeenkomst
                hebben zij een lijst met de namen van wie er komt. Redacteuren zien alleen aantallen, zoals
                het aantal vrije plaatsen.""",
                how_long=f"""Tot {retention} na de bijeenkomst. Dan halen we je naam, e-mailadres,
                opmerking en de code automatisch weg, met de kopieën van onze mails. Alleen het aantal
                personen en of je een plaats had, blijven over voor de cijfers.""",
            ),
            *processing(
                "Nieuwsbrief",
                what="""Je e-mailadres, en de wijk die je het meest interesseert als je die kiest.
                Wanneer je je aanmeldde, bevestigde en afmeldde. Welke versie van deze privacyverklaring
                er stond. En van elke nieuwsbrief of hij naar je adres is verstuurd.""",
                why="""Om je de nieuwsbrief te sturen. Met de wijk zien we welke wijken de lezers het
                meest interesseren.""",
                basis=CONSENT
                + """ Je krijgt de nieuwsbrief pas als je je aanmelding hebt bevestigd. Afmelden kan
                onder elke nieuwsbrief en op je persoonlijke pagina.""",
                who="Alleen de redactie van de nieuwsbrief bij de gemeente.",
                how_long=f"""Zolang je de nieuwsbrief wilt. Meld je je af, dan krijg je hem meteen niet
                meer. Na {retention} halen we je gegevens weg, met de kopieën van de mails over je
                aanmelding. Van verzonden nieuwsbrieven blijft alleen het aantal over. Bevestig je je
                aanmelding niet binnen een week? Dan halen we je e-mailadres weg.""",
            ),
            *processing(
                "Een praktijkvoorbeeld insturen",
                what="""Je naam en e-mailadres, de naam van je team en je wijk. Wat je over jullie
                voorbeeld schrijft, en een foto als je die meestuurt. Wanneer je het formulier
                verstuurde, en welke versie van deze privacyverklaring er stond. Uit een foto halen we
                vóór het opslaan de verborgen gegevens, zoals de plaats waar hij is gemaakt.""",
                why="""Om je voorbeeld op de website en misschien in de nieuwsbrief te zetten. Zo leren
                teams van elkaar. Je naam en e-mailadres gebruiken we alleen om je te laten weten dat
                we het ontvingen en wanneer het online staat.""",
                basis=CONSENT
                + """ Met het vinkje geef je toestemming om je voorbeeld te publiceren, met de naam van
                je team, de wijk en de foto. Je zegt er ook mee dat wie herkenbaar op de foto staat,
                dat goed vindt. Wil je het voorbeeld toch niet op de website? Mail dan naar [e-mail].""",
                who="""Eerst alleen de redactie. Na publicatie iedereen: het voorbeeld, de naam van je
                team, de wijk en de foto. Je naam en e-mailadres komen nooit op de website. Een
                voorbeeld dat niet op de website komt, verwijdert de redactie, met de foto.""",
                how_long=f"""Je naam en e-mailadres halen we {retention} na het insturen automatisch
                weg, met de kopieën van de mails daarover. Het voorbeeld blijft op de website tot je
                vraagt het weg te halen.""",
            ),
            *processing(
                "Je team of app-groep",
                what="""De naam van het team en de wijk. De naam en het e-mailadres van de coördinator of
                beheerder. Van elk teamlid de naam en, als we het hebben, het e-mailadres.""",
                why="""Om contact te houden met je team. De coördinator krijgt per mail de teamlink: het
                geheime adres waarmee het team verslagen invult. Een account is er niet.""",
                basis=PUBLIC_TASK,
                who="""De medewerkers van de gemeente die aanmeldingen behandelen. Wie de teamlink heeft,
                ziet de namen van de teamleden. Daaruit kies je wie er meeliepen. Deel de link daarom
                alleen met je team.""",
                how_long="""Zolang het team bestaat. Ga je uit het team? Laat het de gemeente weten. Dan
                halen we je naam en e-mailadres weg.""",
            ),
            *processing(
                "Verslag van een loopronde",
                what="""Het team, de datum, de begin- en eindtijd, de route en met hoeveel mensen jullie
                liepen. Wie er meeliepen, als je dat kiest uit de namen van je teamleden. Wat jullie
                opviel, waarover jullie met bewoners spraken en waar jullie op letten. Bij een rustige
                ronde alleen de datum, de tijden en de route. Het verslag vraagt niet wie het invult.
                Bij een melding over de openbare ruimte: de soort, de straat, een huisnummer of plek in
                de buurt, en wat er mis is. En wat de gemeente ermee deed, met de reactie aan het
                team.""",
                why="""Om samen met de politie te werken aan een veilige buurt. Om meldingen door te
                zetten naar de afdeling die erover gaat. En om in cijfers te laten zien wat de teams
                meldden en wat de gemeente ermee deed.""",
                basis=PUBLIC_TASK,
                who="""De medewerkers van de gemeente die verslagen en meldingen behandelen. Een afdeling
                krijgt alleen de melding die over haar gaat. Daarin staan de soort, de plek met het
                huisnummer, wat er mis is, de datum en het team. Je team ziet met de teamlink zijn eigen
                verslagen en de reacties. Daarbij staan geen huisnummers en niet wie er meeliep. Op de
                pagina’s ‘Wat we met jullie meldingen deden’ staan alleen cijfers en een paar meldingen.
                Daar staan geen namen en geen huisnummers.""",
                how_long=f"""Na {retention} halen we automatisch weg wat het team zelf schreef: de
                route, wat opviel en de gesprekken. Ook wie er meeliepen, en bij meldingen de
                omschrijving, het huisnummer, de plek en de reacties. Wat overblijft, gebruiken we alleen
                voor de cijfers. Dat zijn de datum, de tijden, het team, het aantal lopers, de soort
                melding, de straat en de afhandeling. De kopieën van de mails over meldingen halen we
                {retention} na het versturen weg.""",
            ),
            paragraph(
                """Schrijf in een verslag niets op waarmee iemand te herkennen is, zoals een naam of hoe
                iemand eruitziet. Noem ook geen namen van bewoners met wie jullie spraken. Gaat het om
                iets dringends? Bel dan [alarmnummer], of [politie] als er geen spoed is."""
            ),
            *processing(
                "Het formulier voor de tussenevaluatie",
                what="""Je antwoorden op de vragen, de naam van je team als je die invult, en wanneer je
                het formulier verstuurde. Je naam, je e-mailadres en je internetadres bewaren we niet.
                Schrijf ook geen namen van anderen op. Staat er toch iets persoonlijks in een antwoord? Dan
                gaan we daar even zorgvuldig mee om.""",
                why="""Om te leren wat goed gaat en wat beter kan. We bespreken de antwoorden met de
                politie.""",
                basis=PUBLIC_TASK + " Het formulier heeft daarom geen vinkje.",
                who="""Alleen de medewerkers van de gemeente die aanmeldingen behandelen, en de beheerders
                van de website. Met de politie bespreken we wat eruit komt, niet wat één persoon
                schreef.""",
                how_long=f"""Tot {retention} na het versturen. Daarna halen we je antwoorden automatisch
                weg.""",
            ),
            *processing(
                "Het contactformulier",
                what="""Je naam, je e-mailadres en je vraag. Wanneer je het formulier verstuurde, en welke
                versie van deze privacyverklaring er stond.""",
                why="Om je vraag te beantwoorden.",
                basis=CONSENT
                + """ Met het vinkje geef je toestemming om je naam, e-mailadres en vraag daarvoor te
                gebruiken. Trek je die in? Mail dan naar [e-mail], dan halen we je vraag weg.""",
                who="""Alleen de medewerkers van de gemeente die aanmeldingen behandelen, en de beheerders
                van de website. Je vraag gaat ook per mail naar het team buurtpreventie. Ons antwoord
                sturen we naar je e-mailadres.""",
                how_long=f"""Tot {CONTACT_FORM_RETENTION} na het versturen. Dan halen we je vraag en je
                gegevens automatisch weg van de website, met de kopie van de mail. De mail aan het team
                buurtpreventie halen we weg als je vraag is beantwoord.""",
            ),
            paragraph(
                """Maakt de gemeente nog een ander formulier? Dan stelt ze per formulier in wie de
                antwoorden ziet en hoe lang we ze bewaren. Dat staat dan ook hier."""
            ),
            *processing(
                "De vragenlijst over je motivatie",
                what="""Niets wat over jou gaat. Je vult geen naam of e-mailadres in, dus er is ook geen
                vinkje. We tellen alleen per week hoeveel mensen de vragenlijst invulden, en hoe vaak elk
                profiel bovenaan stond.""",
                why="Zo zien we welke redenen om mee te doen vaak voorkomen.",
                basis="niet nodig, want we bewaren niets wat naar jou te herleiden is.",
                who="""De tellingen zien alleen de redacteuren en behandelaars van de gemeente. Je
                antwoorden staan in de link naar je uitslag. Wie die link heeft, kan ze lezen. Kies je
                ‘Meld je aan’? Dan gaan je antwoorden mee naar het aanmeldformulier. We bewaren ze pas
                als je je aanmelding verstuurt.""",
                how_long="""De link naar je uitslag werkt één dag. De tellingen per week zeggen niets over
                jou; die bewaren we zonder termijn.""",
            ),
            *processing(
                "Misbruik van formulieren tegengaan",
                what="""Een versleutelde code van je internetadres, nooit het adres zelf. Daarmee tellen
                we hoe vaak een formulier vanaf dat adres wordt verstuurd.""",
                why="Zo kan niemand de website overspoelen met berichten.",
                basis=PUBLIC_TASK,
                who="Niemand. De code is alleen voor de website zelf.",
                how_long="Enkele minuten.",
            ),
            *processing(
                "Inloggen op het beheer",
                what="""Als iemand probeert in te loggen op het beheer van deze website: het internetadres,
                de ingevulde gebruikersnaam, de browser en het tijdstip.""",
                why="""Zo houden we mensen tegen die een wachtwoord proberen te raden. Na tien verkeerde
                wachtwoorden kan inloggen met die naam vanaf dat adres een kwartier niet.""",
                basis=PUBLIC_TASK,
                who="Alleen de beheerders van de website.",
                # adminlogin's daily purge deletes them after this period.
                how_long=f"{getattr(settings, 'ADMIN_LOGIN_RECORDS_DAYS', 30)} dagen.",
            ),
            *processing(
                "Reservekopieën van de website",
                what="""Elke nacht maken we een reservekopie (back-up) van de hele website. Daarin staan ook
                de persoonsgegevens die hierboven staan.""",
                why="""Zo kunnen we de website herstellen als er iets misgaat. Bijvoorbeeld als de server
                kapotgaat.""",
                basis="dezelfde als voor de gegevens zelf. Die staat hierboven bij elk formulier.",
                who="""Alleen de beheerders van de server. We bewaren de reservekopieën beveiligd. Niemand
                anders kan erbij.""",
                how_long=f"""Elke reservekopie bewaren we {BACKUP_KEEP_DAYS} dagen. Daarna verwijderen we die.
                Verwijderen we gegevens van de website? Dan zijn ze na hoogstens {BACKUP_KEEP_DAYS} dagen
                ook uit de reservekopieën weg.""",
            ),
            heading("Met wie delen we je gegevens?"),
            paragraph(
                """We delen je gegevens alleen zoals hierboven staat. De politie krijgt alleen wat nodig
                is, zoals bij het intakegesprek of voor de samenwerking met de wijkagent. We verkopen je
                gegevens nooit. Deze website laadt niets van andere partijen."""
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
                    """Gaf je toestemming? Dan kun je die altijd intrekken. Wat we tot dan deden, blijft
                    wel geldig.""",
                    """Stuur je verzoek naar [e-mail] of bel [telefoon]. We reageren binnen een maand.
                    Soms vragen we je eerst aan te tonen wie je bent. Zo geven we je gegevens niet aan
                    een ander.""",
                )
            ),
            contact_details(title="Team buurtpreventie"),
            heading("Cookies"),
            paragraph(
                """Deze website gebruikt alleen cookies die nodig zijn om formulieren veilig te laten
                werken. Na het versturen van een formulier onthoudt een cookie soms welk formulier je
                stuurde, voor de bedankpagina. Dat cookie verloopt na twee weken. We gebruiken geen
                cookies om je te volgen en geen advertenties."""
            ),
            heading("Het logboek van de webserver"),
            paragraph(
                """Zoals elke website houdt de server een logboek bij. Daarin staat welke pagina werd
                geopend en wanneer. Ook je internetadres en je browser staan erin. Links uit onze mails en
                de link naar je uitslag van de vragenlijst hebben een geheime code. Die code halen we weg
                voordat de link in het logboek komt. Dat logboek bewaren we hoogstens 14 dagen."""
            ),
            heading("Vragen of een klacht?"),
            paragraph(
                """Heb je een vraag over privacy? Of ben je het niet eens met hoe we met je gegevens
                omgaan? Neem dan contact op met de functionaris gegevensbescherming (FG) van [gemeente].
                Mail de FG, of bel [telefoon] en vraag naar de FG."""
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
                text="""Voor vragen over aanmelden, de informatiebijeenkomsten, trainingen en je team.
                Bereikbaar op werkdagen van 9.00 tot 17.00 uur.""",
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
                f"""De informatie in het dossier komt uit twee bronnen. De eerste is de handreiking
                <i>Buurtpreventie binnen lokale veiligheidsaanpak</i> van het
                {external_link("https://hetccv.nl", "Centrum voor Criminaliteitspreventie en Veiligheid")}
                (CCV, 2018). De tweede is onderzoek van de Universiteit Leiden naar waarom mensen meedoen
                aan buurtpreventie. Alle teksten op deze website hebben we zelf geschreven."""
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


# What the service pages' demo texts invent and the municipality must check (LocalFactsMixin):
# shown to editors on top of the page's edit form, never on the site.
SERVICE_PAGE_FACTS = {
    "startpagina": [
        "Meedoen kost bewoners niets",
        "Aanmelden kan een paar keer per jaar, met daarna een informatiebijeenkomst en een intakegesprek",
    ],
    "privacyverklaring": [
        "Bewaartermijn: 365 dagen (Instellingen > Instellingen gemeente), voor aanmeldingen, opgaven, "
        "verslagen, praktijkvoorbeelden en afgemelde abonnees",
        "Grondslag per formulier: taak van algemeen belang (aanmelding, bijeenkomsten, teams, verslagen, "
        "tussenevaluatie) of toestemming (houd mij op de hoogte, nieuwsbrief, praktijkvoorbeelden, contact)",
        "Bij het intakegesprek is de wijkagent of de coördinator van de wijk; die krijgt de naam van de aanvrager",
        "De politie krijgt alleen wat nodig is voor het intakegesprek en de samenwerking met de wijkagent",
        "Onbevestigde aanvragen (nieuwsbrief, houd mij op de hoogte) gaan na een week weg",
        "Contactformulier: de mail aan het team buurtpreventie gaat weg als de vraag is beantwoord",
        "Logboek van de webserver: hoogstens 14 dagen bewaard, zonder de codes uit links "
        "(zoals in deploy/nginx/buurtpreventie.conf en deploy/gunicorn.conf.py)",
        f"Inlogpogingen op het beheer: {getattr(settings, 'ADMIN_LOGIN_RECORDS_DAYS', 30)} dagen bewaard "
        "(DJANGO_ADMIN_LOGIN_RECORDS_DAYS)",
        f"Reservekopieën: elke nacht een, elk {BACKUP_KEEP_DAYS} dagen bewaard (--keep {BACKUP_KEEP_DAYS} in "
        "deploy/systemd/buurtpreventie-backup.service), alleen voor de beheerders van de server",
        "Contactformulier: bewaartermijn 180 dagen (op de formulierpagina); tussenevaluatie: de bewaartermijn "
        "uit de instellingen; beide alleen zichtbaar voor de behandelaars van aanmeldingen",
        "Reactietermijn op een verzoek over je gegevens: binnen een maand",
        "E-mailadres van de functionaris gegevensbescherming: fg@gemeente.example",
    ],
    "toegankelijkheid": [
        "Status: eerste maatregelen genomen; nog geen onderzoek door een onafhankelijke deskundige",
        "Reactie op een melding over toegankelijkheid: binnen vijf werkdagen",
        "Klachten daarna: de Nationale ombudsman (of een gemeentelijke ombudsman)",
    ],
    "contact": [
        "Team buurtpreventie bereikbaar op werkdagen van 9.00 tot 17.00 uur",
        "Langskomen op het gemeentehuis alleen op afspraak",
        "Meldingen over de openbare ruimte via [telefoon] of [e-mail]",
    ],
    "colofon": [
        "Uitgever: team buurtpreventie van de gemeente",
        "Haal de melding ‘Dit is een demonstratiewebsite’ weg",
    ],
}

# The service pages under the home page: (slug, title, in the menu, content from the municipality settings).
SERVICE_PAGES = [
    ("privacyverklaring", "Privacyverklaring", False, privacy_content),
    ("toegankelijkheid", "Toegankelijkheidsverklaring", False, accessibility_content),
    ("contact", "Contact", True, contact_content),
    ("colofon", "Colofon", False, colofon_content),
]
