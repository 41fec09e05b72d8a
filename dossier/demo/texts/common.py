"""Text blocks that more than one chapter uses."""


def municipality_contact(text):
    """The team's contact details as the settings have them when the page is shown (not as typed now)."""
    return {
        "type": "contact_details",
        "value": {"kind": "municipality", "title": "Team buurtpreventie", "text": " ".join(text.split())},
    }
