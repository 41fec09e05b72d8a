"""Panels on the admin dashboard (Wagtail's ``construct_homepage_panels``): the work at a glance.

- Aanmeldmomenten (everyone who may see rounds): the open round, else the next one, with
  its registrations per status for handlers, each number a link to the filtered list.
- Informatiebijeenkomst: the next information evening and the next interim evaluation
  (tussenevaluatie), each with seats taken, seats left and the waitlist; handlers follow
  the numbers to the sign-up list, editors to the page.

The outbox's mails waiting and failed are in forms' panel "Werking van de site" (forms/dashboard.py).
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from .models import EveningSignup, InfoEveningPage, Registration, RegistrationRound
from .permissions import HANDLE_PERMISSION


def index_url(model_name):
    """The modeladmin list of an aanmelding model (wagtail-modeladmin names its URLs this way)."""
    return reverse(f"aanmelding_{model_name}_modeladmin_index")


def is_handler(user):
    return user.has_perm(HANDLE_PERMISSION)


def filtered(url, **filters):
    return f"{url}?{urlencode(filters)}"


class RoundPanel(Component):
    name = "aanmelding_round"
    template_name = "aanmelding/dashboard/round_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        now = timezone.now()
        round_ = RegistrationRound.current(now) or RegistrationRound.next_upcoming(now)
        statuses = []
        if round_ is not None and is_handler(request.user):
            counts = Registration.objects.filter(round=round_).count_per_status()
            statuses = [
                {
                    "label": label,
                    "count": counts.get(value, 0),
                    "url": filtered(index_url("registration"), round=round_.pk, status=value),
                }
                for value, label in Registration.Status.choices
            ]
        return {
            "round": round_,
            "is_open": round_ is not None and round_.is_open(now),
            "statuses": statuses,
            "all_url": filtered(index_url("registration"), round=round_.pk) if round_ is not None else None,
            "rounds_url": index_url("registrationround"),
        }


class EveningPanel(Component):
    name = "aanmelding_evening"
    template_name = "aanmelding/dashboard/evening_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        handler = is_handler(request.user)
        upcoming = InfoEveningPage.objects.upcoming()
        meetings = []
        # One of each kind: an evaluation must not hide the round's information evening, nor the reverse.
        for evening in (upcoming.information().first(), upcoming.evaluations().first()):
            if evening is None:
                continue
            meeting = {"evening": evening, "seats": evening.seat_summary()}
            if handler:
                signups = index_url("eveningsignup")
                meeting["list_url"] = filtered(signups, evening=evening.pk)
                meeting["waitlist_url"] = filtered(signups, evening=evening.pk, status=EveningSignup.Status.WAITLISTED)
            if evening.permissions_for_user(request.user).can_edit():
                meeting["edit_url"] = reverse("wagtailadmin_pages:edit", args=[evening.pk])
            meetings.append(meeting)
        return {"meetings": meetings, "handler": handler}


def add_panels(request, panels):
    """The hook: which panels a user gets depends on what they may see."""
    user = request.user
    if user.has_perm("aanmelding.view_registrationround") or is_handler(user):
        panels.append(RoundPanel())
    if is_handler(user) or user.has_perm("wagtailadmin.access_admin"):
        panels.append(EveningPanel())
