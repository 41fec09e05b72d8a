"""Chapter 2 of the dossier: Rollen en verantwoordelijkheden."""

from home.demo import callout, heading, html_list, html_paragraphs, list_items, paragraph, rich_text

SLUG = "rollen-en-verantwoordelijkheden"
TITLE = "Rollen en verantwoordelijkheden"
INTRO = """Bewoners, gemeente en politie hebben elk een eigen rol. Hier zie je wie wat doet, wat je van
elkaar mag verwachten en hoe je elkaar bereikt."""
# What search engines show under the title (at most 155 characters).
DESCRIPTION = (
    "Wie doet wat bij buurtpreventie: buurtprevent, coördinator, beheerder van de app-groep, "
    "wijkagent, boa en gemeente, en wat je van elkaar mag verwachten."
)


# What the texts of this chapter and its roles invent and the municipality must check.
LOCAL_FACTS = [
    "Elk team en elke app-groep heeft een vaste contactpersoon bij de gemeente en een vaste wijkagent",
    "Coördinatoren houden geregeld contact met wijkagent en gemeente, bijvoorbeeld elke maand",
    "Eén bijeenkomst per jaar voor coördinatoren en beheerders, en één activiteit voor alle buurtpreventen",
    "Het team buurtpreventie voert de intakegesprekken samen met de politie",
    "Basispakket: twee trainingen, hesjes, zaklampen en een teambudget",
    "Team buurtpreventie bereikbaar op werkdagen van 9.00 tot 17.00 uur",
    "De boa werkt bij de afdeling handhaving van de gemeente en is niet bereikbaar voor spoed",
    "App-groepen werken volgens SAAR (Signaleer, Alarmeer, App, Reageer)",
]


def body(context):
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
                """Vertel het in je intakegesprek. We helpen je op weg, bijvoorbeeld met een
                training en met contact met ervaren coördinatoren."""
            ),
        ),
        heading("Je vaste contactpersonen"),
        paragraph(
            """Elk team en elke app-groep krijgt een vaste contactpersoon bij de gemeente en een vaste
            wijkagent. Zo weet je altijd bij wie je terechtkunt, en kennen zij jouw team."""
        ),
    ]
