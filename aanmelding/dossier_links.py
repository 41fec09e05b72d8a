"""What the dossier's data blocks show from this app, read when the chapter is rendered.

Registered as Wagtail hooks (wagtail_hooks), so that ``dossier.blocks`` shows them without
importing this app (``home <- dossier`` knows nothing of ``aanmelding``):

- ``buurtpreventie_registration_links``: ``(request, now)`` returns a dict with the live
  registration page, the round that is open now or opens next (both in one query), and the
  next information evening one can still sign up for (each ``None`` when there is none).
  Two queries: a chapter page stays within the site's query budget (tests/test_page_queries.py).
- ``buurtpreventie_evaluation_meetings``: ``(request, now)`` returns the coming interim
  evaluations (tussenevaluaties) one can still sign up for, soonest first. One query.

Plain dicts of Dutch words and addresses, so the dossier's templates need no model.
"""

from django.db.models import Subquery

from .models import InfoEveningPage, RegistrationPage, RegistrationRound
from .models.rounds import at_in_words


def _meeting(evening, request):
    left = evening.seats_left()  # annotated (with_seats_taken): no query
    return {
        "title": evening.title,
        "url": evening.get_url(request),
        "when": evening.when_text(),
        "where": evening.where_text(),
        "seats_left": left,
        "is_full": left <= 0,
        "signup_deadline": at_in_words(evening.signup_deadline, "l j F Y"),
    }


def _round(round_, now):
    if round_ is None:
        return None
    return {
        "title": round_.title,
        "is_open": round_.is_open(now),
        "opens": round_.opens_in_words(),
        "closes": round_.closes_in_words(),
    }


def registration_links(request, now):
    """The registration page, the open or next round, the next information evening."""
    # Rounds never overlap: the first that has not closed is the open one, or else the next.
    # Read with the page (the block names a round only with a page to register on).
    coming = RegistrationRound.objects.filter(closes_at__gte=now).order_by("opens_at")
    page = (
        RegistrationPage.objects.live()
        .only("id", "title", "url_path", "path", "depth")
        .annotate(
            **{f"round_{field}": Subquery(coming.values(field)[:1]) for field in ("title", "opens_at", "closes_at")}
        )
        .first()
    )
    round_ = None
    if page is not None and page.round_title is not None:
        round_ = RegistrationRound(title=page.round_title, opens_at=page.round_opens_at, closes_at=page.round_closes_at)
    evening = InfoEveningPage.objects.information().open_for_signup(now).with_seats_taken().first()
    return {
        "registration_page": {"title": page.title, "url": page.get_url(request)} if page is not None else None,
        "round": _round(round_, now),
        "evening": _meeting(evening, request) if evening is not None else None,
    }


def evaluation_meetings(request, now):
    """The coming interim evaluations one can still sign up for, soonest first."""
    evenings = InfoEveningPage.objects.evaluations().open_for_signup(now).with_seats_taken()
    return [_meeting(evening, request) for evening in evenings]
