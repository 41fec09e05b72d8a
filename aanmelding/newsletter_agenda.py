"""The newsletter's agenda: the coming registration rounds, information evenings and interim evaluations.

Registered as the hook ``buurtpreventie_newsletter_agenda`` (wagtail_hooks), so that the
newsletter lists them without importing this app. Items are dicts with ``title``,
``when`` (Dutch words), ``url`` (a full address: the same list goes into the mail) and
``text``; rounds and evenings together, the soonest first. Three queries, however many.
An interim evaluation's title says what it is ('Tussenevaluatie: ...'): it is not for applicants.
"""

from .models import InfoEveningPage, RegistrationPage, RegistrationRound


def _round_item(round_, now, url):
    if round_.is_open(now):
        when = f"Nu open: aanmelden kan tot en met {round_.closes_in_words()}"
    else:
        when = f"Van {round_.opens_in_words()} tot en met {round_.closes_in_words()}"
    return {"title": round_.title, "when": when, "url": url, "text": round_.description}


def _first_upper(text):
    # 'maandag 1 maart ...' starts a line in the agenda.
    return text[:1].upper() + text[1:]


def _evening_item(evening):
    return {
        "title": evening.labelled_title() if evening.is_evaluation else evening.title,
        "when": _first_upper(evening.when_text()),
        "url": evening.get_full_url(),
        "text": evening.where_text(),
    }


def newsletter_agenda(now):
    """Rounds that have not closed (open now or to come) and evenings that have not ended, soonest first."""
    registration_page = RegistrationPage.objects.live().first()
    url = registration_page.get_full_url() if registration_page is not None else ""
    dated = [(round_.opens_at, _round_item(round_, now, url)) for round_ in _coming_rounds(now)]
    dated += [(evening.starts_at, _evening_item(evening)) for evening in InfoEveningPage.objects.upcoming(now)]
    dated.sort(key=lambda pair: pair[0])
    return [item for _moment, item in dated]


def _coming_rounds(now):
    return RegistrationRound.objects.filter(closes_at__gte=now).order_by("opens_at")
