"""Texts of the terugkoppeling demo: the pages, the departments, and the rounds and matters of the demo teams.

Every matter (``SIGNALS``) says where it ends up and with which responses, so the
demo shows signals in every status; ``public_text`` is what the feedback page
says about it to all residents (no names, no house numbers).
"""

from home.demo import html_paragraphs, page_link

# --- The team page (TeamReportPage) -------------------------------------------------

REPORT_PAGE_SLUG = "loopronde"
REPORT_PAGE_TITLE = "Verslag van een loopronde"
REPORT_PAGE_INTRO = html_paragraphs(
    """Op deze pagina vult een team na elke ronde het verslag in. Je opent hem met de teamlink van je
    team.""",
    """De gemeente mailt die link naar de coördinator van het team. Die deelt hem met de teamleden.
    Heb je de link niet? Vraag hem aan je coördinator.""",
)
REPORT_PAGE_FORM_INTRO = html_paragraphs(
    """Vul het verslag in na elke ronde, ook als het rustig was. Zo weten gemeente en politie waar en
    wanneer jullie liepen.""",
    """Schrijf niets op waarmee iemand te herkennen is. Gaat het om iets dringends? Bel dan 112, of
    0900-8844 als er geen spoed is.""",
)
REPORT_PAGE_THANKS = html_paragraphs(
    """Bedankt voor jullie verslag. Meldingen over de openbare ruimte zetten we door naar de afdeling die
    erover gaat. Wat ermee gebeurt, zie je hieronder bij jullie verslagen. De coördinator krijgt het ook
    per mail."""
)
REPORT_PAGE_DESCRIPTION = "Hier vult een team na elke ronde het verslag in, via de teamlink van het team."

# --- The general feedback (FeedbackIndexPage, FeedbackPage) --------------------------

INDEX_SLUG = "terugkoppeling"
INDEX_TITLE = "Wat we met jullie meldingen deden"
INDEX_INTRO = html_paragraphs(
    """De teams geven na elke ronde door wat ze zagen. Hier lees je per periode hoeveel rondes ze liepen,
    wat ze meldden en wat de gemeente ermee deed.""",
    """Op deze pagina's staan geen namen en geen huisnummers. We noemen hoogstens de straat.""",
)
INDEX_DESCRIPTION = "Per periode: hoeveel rondes de teams liepen, wat ze meldden en wat de gemeente ermee deed."

FEEDBACK_SUMMARY = html_paragraphs(
    """Ook dit kwartaal liepen de teams in Noorderpark en Oude Haven bijna elke week een ronde. Veel rondes
    waren rustig. Dat is goed nieuws, en ook nuttige informatie.""",
    """De meeste meldingen gingen over kapotte verlichting en losse stoeptegels. De gemeente pakte de
    meeste daarvan binnen twee weken op. Een paar meldingen hoorden niet bij de gemeente. Daar hebben we
    uitgelegd waarom.""",
)
FEEDBACK_DESCRIPTION = "Wat de teams meldden en wat de gemeente ermee deed, met de cijfers van die periode."


def feedback_title(period_label):
    return f"Terugkoppeling {period_label}"


# The dossier chapter on sharing information and the home page link to the feedback.
def chapter_paragraph(index):
    return html_paragraphs(
        f"""Wat alle teams samen meldden en wat de gemeente ermee deed, lees je op
        {page_link(index, "Wat we met jullie meldingen deden")}. Daar staan geen namen en geen huisnummers."""
    )


HOME_CARD_TITLE = "Wat we met jullie meldingen deden"
HOME_CARD_TEXT = "Hoeveel rondes de teams liepen, wat ze meldden en wat de gemeente deed."

# --- Departments per category (SignalDepartment) ---------------------------------------

DEPARTMENTS = {
    "verlichting": ("Openbare verlichting", "verlichting@gemeente.example"),
    "bestrating": ("Wegen en bestrating", "wegen@gemeente.example"),
    "groen": ("Groenonderhoud", "groen@gemeente.example"),
    "afval": ("Afval en reiniging", "reiniging@example.org"),
    "anders": ("Beheer openbare ruimte", "openbareruimte@gemeente.example"),
}

# --- The demo handler ---------------------------------------------------------------

HANDLER_LABEL = "Demo-behandelaar meldingen"
HANDLER_USERNAME = "meldingen"
TEAM_LINK_TEAM = "Buurtpreventie Noorderpark"  # the demo team whose link `make run` prints


def team_link_label(team_name):
    return f"Teamlink demo ({team_name})"


# --- Rounds of the street teams ---------------------------------------------------------

# Per street team: the routes it walks (in turn) and its streets for the matters.
ROUTES = {
    "Buurtpreventie Noorderpark": [
        "Parklaan, Vijverweg, Esdoornstraat, Noorderpad, terug over de Parklaan",
        "Lindelaan, Esdoornstraat, het pad langs de vijver, Vijverweg",
        "Noorderpad, Parklaan, Beukenhof, Lindelaan",
    ],
    "Team Oude Haven": [
        "Havenkade, Visserssteeg, Kerkstraat, Ankerplein",
        "Touwslagerij, Havenkade, de brandgang achter de Kerkstraat, Ankerplein",
        "Ankerplein, Kerkstraat, Visserssteeg, langs de kade terug",
    ],
}
NOTICED = [
    "Bij twee huizen stond een raam op de begane grond open. We hebben aangebeld en het gezegd.",
    "Een fiets zonder slot stond al een paar dagen op dezelfde plek.",
    "Een groepje jongeren bij het bankje. Rustig, ze groetten terug.",
    "Een poort naar de achterpaden stond open; die hebben we dichtgedaan.",
]
CONVERSATIONS = [
    "Een bewoner vroeg wanneer de verlichting gerepareerd wordt. Goed gesprek.",
    "Twee buren vertelden dat ze blij zijn dat we lopen. Ze willen misschien meedoen.",
    "Iemand maakte zich zorgen over hard rijden. We hebben uitgelegd waar je dat meldt.",
]

# The matters for the public space, in the order the demo's rounds meet them (oldest first).
# status: where it ends up; "days": days from the round to that status; responses per step.
SIGNALS = [
    {
        "team": "Buurtpreventie Noorderpark",
        "category": "verlichting",
        "street": "Parklaan",
        "house_number": "14",
        "description": "De lantaarnpaal tegenover de ingang van het park brandt niet.",
        "status": "opgelost",
        "days": 6,
        "responses": [
            "Doorgezet naar de afdeling Openbare verlichting.",
            "De lamp is vervangen. Dank voor jullie melding!",
        ],
        "public_text": "Een lantaarnpaal aan de Parklaan brandde niet. Binnen een week was de lamp vervangen.",
    },
    {
        "team": "Team Oude Haven",
        "category": "bestrating",
        "street": "Visserssteeg",
        "house_number": "3",
        "description": "Losse stoeptegels, je struikelt er in het donker makkelijk over.",
        "status": "opgelost",
        "days": 12,
        "responses": [
            "Doorgezet naar Wegen en bestrating.",
            "De tegels liggen weer vast.",
        ],
        "public_text": "In de Visserssteeg lagen losse stoeptegels. Die liggen weer vast.",
    },
    {
        "team": "Buurtpreventie Noorderpark",
        "category": "groen",
        "street": "",
        "location_description": "Het pad langs de vijver",
        "description": "Struiken hangen over het pad. Je ziet 's avonds niet wie eraan komt.",
        "status": "opgelost",
        "days": 20,
        "responses": [
            "Doorgezet naar Groenonderhoud.",
            "De struiken zijn gesnoeid. Het pad is weer overzichtelijk.",
        ],
        "public_text": "Langs het pad bij de vijver zijn de struiken gesnoeid. Je ziet nu weer wie eraan komt.",
    },
    {
        "team": "Team Oude Haven",
        "category": "anders",
        "street": "Havenkade",
        "description": "Een bord met 'verboden te parkeren' is omgereden en ligt op de stoep.",
        "status": "niet_opgepakt",
        "days": 4,
        "responses": [
            "Dit bord is van de havenbeheerder, niet van de gemeente. We hebben het aan hen doorgegeven.",
        ],
        "public_text": "Een omgereden bord aan de Havenkade was niet van de gemeente. We gaven het door aan "
        "de havenbeheerder.",
    },
    {
        "team": "Buurtpreventie Noorderpark",
        "category": "afval",
        "street": "Beukenhof",
        "description": "Bij de containers staan vuilniszakken en een oude bank.",
        "status": "opgelost",
        "days": 3,
        "responses": [
            "Doorgezet naar Afval en reiniging.",
            "Opgehaald. De boa let de komende weken extra op deze plek.",
        ],
        "public_text": "Bij de containers aan de Beukenhof stond grofvuil. Het is opgehaald.",
    },
    {
        "team": "Team Oude Haven",
        "category": "verlichting",
        "street": "Kerkstraat",
        "house_number": "21",
        "description": "De lamp in de brandgang achter de Kerkstraat knippert.",
        "status": "opgelost",
        "days": 9,
        "responses": [
            "Doorgezet naar de afdeling Openbare verlichting.",
            "De lamp is vervangen.",
        ],
        "public_text": "De lamp in de brandgang achter de Kerkstraat is vervangen.",
    },
    {
        "team": "Buurtpreventie Noorderpark",
        "category": "bestrating",
        "street": "Esdoornstraat",
        "description": "Een gat in het fietspad, vlak bij de kruising.",
        "status": "doorgezet",
        "responses": ["Doorgezet naar Wegen en bestrating. Zij plannen het herstel."],
        "public_text": "",
    },
    {
        "team": "Team Oude Haven",
        "category": "groen",
        "street": "Ankerplein",
        "description": "Een boomwortel duwt de tegels omhoog bij het bankje.",
        "status": "niet_opgepakt",
        "days": 8,
        "responses": [
            "Deze boom staat op de lijst voor groot onderhoud in het voorjaar. Tot die tijd doen we er "
            "niets aan. De plek is wel gemarkeerd.",
        ],
        "public_text": "",
    },
    {
        "team": "Buurtpreventie Noorderpark",
        "category": "verlichting",
        "street": "Lindelaan",
        "house_number": "40",
        "description": "Twee lantaarnpalen achter elkaar zijn uit. Het is er erg donker.",
        "status": "doorgezet",
        "responses": ["Doorgezet naar de afdeling Openbare verlichting."],
        "public_text": "",
    },
    {
        "team": "Team Oude Haven",
        "category": "afval",
        "street": "Touwslagerij",
        "description": "Zwerfafval en glas bij de ingang van de parkeerplaats.",
        "status": "opgelost",
        "days": 2,
        "responses": ["Doorgezet naar Afval en reiniging.", "Opgeruimd."],
        "public_text": "",
    },
    {
        "team": "Buurtpreventie Noorderpark",
        "category": "groen",
        "street": "Noorderpad",
        "description": "Een tak is afgebroken en hangt boven het pad.",
        "status": "ontvangen",
        "responses": [],
        "public_text": "",
    },
    {
        "team": "Team Oude Haven",
        "category": "bestrating",
        "street": "Havenkade",
        "house_number": "8",
        "description": "Een putdeksel ligt los en klappert als er een auto overheen rijdt.",
        "status": "ontvangen",
        "responses": [],
        "public_text": "",
    },
]
