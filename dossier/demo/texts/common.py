"""Text blocks that more than one chapter uses."""

from home.demo import contact


def municipality_contact(context, text):
    municipality = context["municipality"]
    return contact(
        "Team buurtpreventie",
        role=municipality.municipality_name,
        text=text,
        phone=municipality.phone,
        email=municipality.contact_email,
    )
