"""Texts of the forms demo: the tussenevaluatie form and the contact form, with their questions.

A question is ``(label, field type, required, help text, choices)``, as an editor
fills it in under Vragen.
"""

from home.demo import html_list, html_paragraphs

RATING_CHOICES = "\n".join(["1 – slecht", "2 – matig", "3 – redelijk", "4 – goed", "5 – heel goed"])
RATING_HELP = "1 is slecht, 5 is heel goed."

# --- Tussenevaluatie ------------------------------------------------------------------------

EVALUATION_SLUG = "evaluatieformulier"
EVALUATION_TITLE = "Tussenevaluatie: hoe gaat het?"
EVALUATION_INTRO = html_paragraphs(
    """Jullie team of app-groep is een tijdje bezig. Hoe gaat het? Dat horen we graag van je.""",
    """Het invullen duurt ongeveer vijf minuten. Je naam vragen we niet. Schrijf ook geen namen van anderen
    op.""",
    """We bespreken de antwoorden samen met de politie. Wat we ervan leren, hoor je op de
    tussenevaluatie.""",
)
EVALUATION_THANKS = html_paragraphs(
    """Bedankt dat je de tijd nam. Met je antwoorden kijken we wat beter kan.""",
    """Op de tussenevaluatie vertellen we wat we hebben gehoord. En wat we gaan doen.""",
)
EVALUATION_DESCRIPTION = "Vertel hoe het gaat met je team of app-groep: wat gaat goed, en wat kan beter?"
EVALUATION_QUESTIONS = [
    ("Hoe gaat het contact met de politie?", "radio", True, RATING_HELP, RATING_CHOICES),
    ("Hoe gaat het contact met de gemeente?", "radio", True, RATING_HELP, RATING_CHOICES),
    (
        "Hoe tevreden ben je over de terugkoppeling op jullie meldingen?",
        "radio",
        True,
        RATING_HELP,
        RATING_CHOICES,
    ),
    ("Hoe tevreden ben je over de training?", "radio", True, RATING_HELP, RATING_CHOICES),
    ("Wat gaat goed?", "multiline", False, "", ""),
    ("Wat kan beter?", "multiline", False, "", ""),
    ("Wat heb je nodig om goed verder te gaan?", "multiline", False, "Bijvoorbeeld een training of materiaal.", ""),
    ("Naam van je team of app-groep", "singleline", False, "Zo weten we over welke buurt het gaat.", ""),
]

# --- Contactformulier --------------------------------------------------------------------------

CONTACT_SLUG = "contactformulier"
CONTACT_TITLE = "Stel je vraag"
CONTACT_INTRO = html_paragraphs(
    """Heb je een vraag over buurtpreventie? Stel hem hier. We antwoorden binnen vijf werkdagen per
    e-mail.""",
    """Is er iets aan de hand dat niet kan wachten? Gebruik dit formulier dan niet.""",
) + html_list(
    "Bij gevaar bel je [alarmnummer].",
    "Geen spoed, wel politie nodig? Bel [politie].",
)
CONTACT_THANKS = html_paragraphs(
    """We hebben je vraag ontvangen. Binnen vijf werkdagen krijg je een antwoord per e-mail.""",
    """Geen mail gekregen? Kijk dan ook in je map met ongewenste e-mail.""",
)
CONTACT_CONSENT = (
    "Ik geef toestemming dat de gemeente mijn naam, e-mailadres en vraag gebruikt om mijn vraag te beantwoorden."
)
CONTACT_DESCRIPTION = "Stel je vraag over buurtpreventie aan de gemeente. Je krijgt antwoord per e-mail."
CONTACT_RETENTION_DAYS = 180
CONTACT_QUESTIONS = [
    ("Naam", "singleline", True, "", ""),
    ("E-mailadres", "email", True, "Hierheen sturen we ons antwoord.", ""),
    ("Je vraag", "multiline", True, "", ""),
]
