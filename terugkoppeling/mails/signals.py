"""The mails of the signal workflow: to the team's coordinator, and to a department.

No names of residents go out: the team wrote the description, and the mails
name only the team and its coordinator.
"""

from . import NOTICE, queue_mail


def queue_status_change_mail(signal, change):
    """The coordinator hears the new status and the response; returns the outbox row."""
    team = signal.report.team
    paragraphs = [
        f"Er is nieuws over een melding uit jullie verslag van de ronde op {signal.reported_on:%d-%m-%Y}.",
        f"Melding {signal.reference}: {signal.get_category_display().lower()} bij {signal.public_location()}.",
        f"De status is nu: {change.get_to_status_display().lower()}.",
    ]
    if change.to_status == signal.Status.FORWARDED and signal.forwarded_to:
        paragraphs.append(f"We hebben de melding doorgezet naar {signal.forwarded_to}.")
    paragraphs += [
        f"Onze reactie: {change.response}",
        "Je ziet dit ook op de teampagina. Die open je met jullie teamlink.",
    ]
    return queue_mail(
        [team.coordinator_email],
        f"Nieuws over jullie melding {signal.reference}",
        NOTICE,
        {"greeting": f"Beste {team.coordinator_name},", "paragraphs": paragraphs},
    )


def queue_forward_mail(signal, department):
    """The department gets what it needs to act: category, date, place with house number, description."""
    team = signal.report.team
    paragraphs = [
        "Een buurtpreventieteam meldde iets in de openbare ruimte. Wilt u dit oppakken?",
        f"Het gaat om melding {signal.reference}.",
        f"Soort: {signal.get_category_display()}.",
        f"Gezien tijdens de ronde op: {signal.reported_on:%d-%m-%Y}.",
        f"Plek: {signal.full_location()}.",
        f"Wat is er aan de hand: {signal.description}",
        f"Gemeld door: buurtpreventieteam {team.name} (wijk {team.wijk}).",
        "Laat de behandelaars van buurtpreventie weten wat u ermee doet. Dan horen de teamleden het ook.",
    ]
    return queue_mail(
        [department.email],
        f"Melding openbare ruimte {signal.reference}: {signal.get_category_display().lower()}",
        NOTICE,
        {
            "greeting": f"Beste {department.name or 'collega'},",
            "paragraphs": paragraphs,
        },
    )
