"""The team page behind a team link: the patrol-report form and the team's own reports.

``TeamReportPage`` routes ``team/<token>/`` and ``team/<token>/bedankt/``
here (``terugkoppeling.urls``). The token names one active team
(``Team.objects.with_link_token``); anything else is the site's plain 404,
the same for a token that never existed and one that was revoked. Misses
are counted per client address: past ``MISS_LIMIT`` in ``MISS_WINDOW``
every team-link request of that address gets the rate-limit page (429).

The token is in the address, so every answer here is kept from caches,
sends no referrer to other sites, and asks search engines to skip it.
"""

import functools

from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers

from aanmelding.models import Team
from forms.base import PublicFormHandler
from forms.consent import privacy_statement_url
from forms.ratelimit import current_count, hit, rate_limited_response
from home.views import page_not_found

from ..forms.reports import ADD_MATTER_BUTTON
from ..models import Signal, SignalStatusChange

MISS_KEY = "teamlink-mis"
MISS_LIMIT = 20
MISS_WINDOW = 10 * 60
HISTORY_SIZE = 20


def keep_private(response):
    """No cache keeps it, no other site learns the address, no search engine lists it.

    ``same-origin``, not ``no-referrer``: with that, browsers send ``Origin: null`` on
    the form's own POST, and Django's CSRF check refuses it.
    """
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def team_link_view(view):
    """Find the team of the link's token, or answer 404 (or 429 after too many misses)."""

    @functools.wraps(view)
    def wrapped(page, request, token, *args, **kwargs):
        if current_count(request, MISS_KEY) >= MISS_LIMIT:
            return keep_private(rate_limited_response(request, MISS_WINDOW))
        team = Team.objects.with_link_token(token).first()
        if team is None:
            hit(request, MISS_KEY, MISS_LIMIT, MISS_WINDOW)
            return keep_private(page_not_found(request, Http404()))
        return keep_private(view(page, request, team, token, *args, **kwargs))

    return wrapped


def team_history(team):
    """The team's latest reports with their matters and every response: four queries, however many."""
    changes = SignalStatusChange.objects.exclude(response="").order_by("changed_at", "pk")
    signals = Signal.objects.order_by("pk").prefetch_related(Prefetch("status_changes", queryset=changes))
    reports = team.patrol_reports.prefetch_related(Prefetch("signals", queryset=signals))[:HISTORY_SIZE]
    return {"reports": reports, "report_count": team.patrol_reports.count()}


class TeamReportHandler(PublicFormHandler):
    """The patrol-report form of one team, served under its team link (see ``forms.base``)."""

    def __init__(self, page, team, token):
        self.page = page
        self.team = team
        self.token = token
        # The page names the form and its rate limit, as it would for a form of its own.
        self.form_class = page.form_class
        self.rate_limit_key = page.get_rate_limit_key()

    @property
    def thanks_session_key(self):
        return f"{self.page.thanks_session_key}:{self.team.pk}"

    def team_url(self, name="team"):
        return self.page.url + self.page.reverse_subpage(name, args=[self.token])

    def get_form_kwargs(self, request):
        return {**super().get_form_kwargs(request), "team": self.team}

    def get_context(self, request):
        return {
            "team": self.team,
            "team_url": self.team_url(),
            "add_matter_button": ADD_MATTER_BUTTON,
            "privacy_url": privacy_statement_url(request),
            **team_history(self.team),
        }

    def render_form(self, request, form, status=200):
        response = self.page.render(request, context_overrides={"form": form, **self.get_context(request)})
        response.status_code = status
        return response

    def form_submitted(self, request, report):
        # Only this browser, and only on this team's link, sees what was sent (spam: no session).
        if report is not None:
            request.session[self.thanks_session_key] = report.pk
        return HttpResponseRedirect(self.team_url("team_thanks"))

    def render_thanks(self, request):
        pk = request.session.get(self.thanks_session_key)
        signals = Prefetch("signals", queryset=Signal.objects.order_by("pk"))  # in the order typed
        report = self.team.patrol_reports.prefetch_related(signals).filter(pk=pk).first() if pk else None
        return self.page.render(
            request,
            template=self.page.get_landing_page_template(request),
            context_overrides={"form_submission": report, "report": report, **self.get_context(request)},
        )


@team_link_view
def team_page(page, request, team, token):
    return TeamReportHandler(page, team, token).serve_form(request)


@team_link_view
def team_thanks(page, request, team, token):
    return TeamReportHandler(page, team, token).render_thanks(request)
