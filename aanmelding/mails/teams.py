"""The team-link mail: a new link for a team's coordinator.

The token exists only here: made by ``Team.new_link_token()``, put in the
mail and forgotten. The database keeps its hash; the admin and the audit log
never see it.
"""

from django.db import transaction

from ..team_links import team_link_url
from . import NOTICE, queue_mail

NO_TEAM_PAGE_MESSAGE = (
    "Er is nog geen gepubliceerde pagina ‘Verslag van een loopronde’. Zonder die pagina werkt een teamlink niet. "
    "Publiceer eerst zo’n pagina en probeer het dan opnieuw. Er is niets veranderd en niets gemaild."
)


class NoTeamPage(Exception):
    """No live page serves team links yet: a link would lead nowhere."""


def mail_new_team_link(team):
    """Give ``team`` a new link (the old one stops at once) and queue the mail to its coordinator.

    Call inside the transaction of the action. Raises ``NoTeamPage`` (and
    changes nothing) when there is no live team page. Returns the outbox row.
    """
    with transaction.atomic():
        token = team.new_link_token()
        url = team_link_url(token)
        if url is None:
            raise NoTeamPage(NO_TEAM_PAGE_MESSAGE)  # leaving the block rolls the new hash back
        mail = queue_mail(
            [team.coordinator_email],
            f"De teamlink van {team.name}",
            NOTICE,
            {
                "greeting": f"Beste {team.coordinator_name},",
                "paragraphs": team_link_paragraphs(team),
                "action_url": url,
                "action_label": "Open de teampagina",
            },
        )
    return mail


def team_link_paragraphs(team):
    return [
        f"Hierbij de teamlink van {team.name}. Met deze link vul je na elke loopronde een verslag in.",
        "Op de teampagina zie je ook de verslagen van jullie team. En je leest daar wat de gemeente "
        "met jullie meldingen deed.",
        "Je hebt geen account nodig: de link is de sleutel. Wie de link heeft, ziet de verslagen en de namen "
        "van de teamleden. Deel hem daarom alleen met de leden van je team. Stuur hem niet door naar anderen "
        "en zet hem niet in een openbare groep.",
        "Is de link toch bij anderen terechtgekomen? Laat het de gemeente weten. We maken dan een nieuwe link. "
        "De oude werkt dan meteen niet meer.",
        "Had je al een teamlink? Die werkt vanaf nu niet meer. Gebruik voortaan deze.",
    ]
