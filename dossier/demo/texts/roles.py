"""The roles in the "wie doet wat" of the dossier (Role snippets), in their order."""

from home.demo import html_list, html_paragraphs, squash


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
                "Meldingen doorgeven aan de gemeente of de politie, en bij gevaar direct [alarmnummer] bellen.",
            ),
            "what_you_can_expect": html_list(
                "Een vriendelijk gezicht in de straat, herkenbaar aan een hesje.",
                "Een luisterend oor: je kunt hen vertellen wat jou opvalt in de buurt.",
                "Dat zij wat ze zien doorgeven aan de mensen die er iets mee kunnen.",
                "Dat zij niet zelf optreden: zij zijn geen politie en geen handhaver.",
            ),
            "what_they_expect": html_list(
                "Dat je zelf ook oplet en je eigen deuren en ramen goed afsluit.",
                "Dat je bij gevaar zelf meteen [alarmnummer] belt en niet wacht tot het team langskomt.",
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
                """Zorgen dat het team na elke ronde een verslag invult via de teamlink, en die link alleen
                met de eigen teamleden delen.""",
                "Geregeld contact houden met de wijkagent en de gemeente, bijvoorbeeld elke maand even.",
                "Het teambudget beheren en samen met het team bepalen waar het aan opgaat.",
                "Naar de jaarlijkse bijeenkomst van coördinatoren gaan en ervaringen uitwisselen.",
            ),
            "what_you_can_expect": html_list(
                "Een duidelijk rooster en afspraken waar je op kunt rekenen.",
                "Bij elke melding uit jullie verslagen een e-mail met wat de gemeente ermee doet.",
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
                """De beheerder zorgt dat de app-groep rustig, bruikbaar en veilig blijft, en houdt
                contact met de wijkagent."""
            ),
            "responsibilities": html_list(
                "Nieuwe leden toelaten: alleen mensen die in het gebied van de groep wonen of werken.",
                """De groepsregels opstellen en bewaken, bijvoorbeeld volgens de bekende werkwijze
                <b>SAAR</b>: Signaleer, Alarmeer [alarmnummer], App de groep, Reageer.""",
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
                "Dat je bij gevaar eerst [alarmnummer] belt, en pas daarna de groep waarschuwt.",
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
                "De verslagen van de teams lezen en gebruiken bij het werk in de wijk.",
                "Zorgen dat collega's in de wijk en de meldkamer weten wanneer en waar een team loopt.",
                "Af en toe meelopen met een ronde en helpen bij trainingen.",
            ),
            "what_you_can_expect": html_list(
                "Iemand die jouw wijk kent en bereikbaar is.",
                """Algemene terugkoppeling over wat de politie met jullie informatie doet, waar dat kan ook
                persoonlijk.""",
                "Uitleg over wat je wel en niet moet doen als er iets gebeurt.",
            ),
            "what_they_expect": html_list(
                "Verslagen met concrete gegevens: tijd, route en wat je zag.",
                "Dat je bij spoed [alarmnummer] belt en niet de wijkagent.",
                "Dat je nooit zelf ingrijpt en geen eigen onderzoek doet.",
                "Dat je de aanwijzingen van de politie opvolgt.",
            ),
            "how_to_reach": html_paragraphs(
                """Bel [politie] en vraag naar de wijkagent van jouw buurt, of zoek hem of haar op
                politie.nl met je postcode. Bij spoed bel je altijd <b>[alarmnummer]</b>."""
            ),
        },
        {
            "name": "Boa (handhaver)",
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
                """Via de gemeente: bel [telefoon] of doe een melding over de openbare ruimte. De boa is niet
                bereikbaar voor spoed; bel dan <b>[alarmnummer]</b>."""
            ),
        },
        {
            "name": "Gemeente: team buurtpreventie",
            "slug": "gemeente",
            "organisation": "Gemeente",
            "summary": squash(
                """Het team buurtpreventie, met de beleidsadviseur veiligheid, regelt de aanmeldingen en
                de ondersteuning, en verbindt teams, politie en gemeente."""
            ),
            "responsibilities": html_list(
                "Aanmeldmomenten en informatiebijeenkomsten organiseren.",
                "Samen met de politie de intakegesprekken voeren en afspraken vastleggen.",
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
                """Bel [telefoon] of mail naar [e-mail]. Op werkdagen zijn we
                bereikbaar van 9.00 tot 17.00 uur."""
            ),
        },
    ]
