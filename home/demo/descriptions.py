"""Search descriptions of home's demo pages ("Promoten" tab): the text search engines show under
the title, at most 155 characters. They name neither the municipality nor its numbers, which
live in the settings and may change after the pages are made (home/contact_details.py);
``{name}``, if a text uses it, is the municipality's name."""

HOME = (
    "Samen met je buren op je buurt letten: lees hoe buurtpreventie werkt, wat gemeente en politie "
    "doen en hoe je meedoet met een team of app-groep."
)

# By the slug of the service page.
SERVICE_PAGES = {
    "privacyverklaring": (
        "Welke gegevens de gemeente bewaart als je meedoet aan buurtpreventie of een formulier invult, "
        "waarom, hoe lang, en welke rechten je hebt."
    ),
    "toegankelijkheid": (
        "Hoe toegankelijk deze website over buurtpreventie is, wat nog niet goed werkt en waar je het "
        "meldt als iets voor jou niet werkt."
    ),
    "contact": (
        "Vragen over buurtpreventie, de wijkagent spreken of iets anoniem melden? Zo bereik je wie je "
        "nodig hebt. Bij gevaar bel je altijd het alarmnummer."
    ),
    "colofon": (
        "Wie deze website over buurtpreventie maakt, op welke bronnen de teksten steunen en met welke "
        "software hij gebouwd is, zonder trackers."
    ),
}


def service_page_description(slug, municipality):
    return SERVICE_PAGES.get(slug, "").format(name=municipality.municipality_name)
