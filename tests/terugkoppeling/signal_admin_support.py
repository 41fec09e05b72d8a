"""Helpers of the tests of the Meldingen admin (reports, signals, departments) and retention."""

from django.contrib.auth.models import Group

from terugkoppeling.permissions import HANDLERS_GROUP
from tests.factories import UserFactory

REPORTS_URL = "/admin/terugkoppeling/patrolreport/"
SIGNALS_URL = "/admin/terugkoppeling/signal/"
DEPARTMENTS_URL = "/admin/terugkoppeling/signaldepartment/"


def report_url(report):
    return f"{REPORTS_URL}edit/{report.pk}/"


def signal_url(signal):
    return f"{SIGNALS_URL}edit/{signal.pk}/"


def signal_history_url(signal):
    return f"{SIGNALS_URL}history/{signal.pk}/"


def department_url(department):
    return f"{DEPARTMENTS_URL}edit/{department.pk}/"


def user_in(group_name, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def handler(**fields):
    """A member of "Behandelaars meldingen" (migration 0002)."""
    return user_in(HANDLERS_GROUP, **fields)
