"""The list filters that reports and signals share: team, wijk and period.

Each filter reads one parameter; values that are not among its choices are
ignored (``forms.admin.ChoiceListFilter``).
"""

import datetime

from django.utils import timezone

from aanmelding.models import Team, Wijk
from forms.admin import ChoiceListFilter


class TeamFilter(ChoiceListFilter):
    title = "team"
    parameter_name = "team"
    lookup = "team_id"  # a subclass for signals sets "report__team_id"

    def lookups(self, request, model_admin):
        return [(team.pk, f"{team.name} ({team.wijk.name})") for team in Team.objects.select_related("wijk")]


class WijkFilter(ChoiceListFilter):
    title = "wijk"
    parameter_name = "wijk"
    lookup = "team__wijk_id"

    def lookups(self, request, model_admin):
        return [(wijk.pk, wijk.name) for wijk in Wijk.objects.all()]


def month_start(day):
    return day.replace(day=1)


def quarter_start(day):
    return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)


def previous_quarter_start(day):
    start = quarter_start(day)
    return quarter_start(start - datetime.timedelta(days=1))


def period_bounds(key, today):
    """``(first day, last day)`` of a named period around ``today``."""
    if key == "deze_maand":
        return month_start(today), today
    if key == "vorige_maand":
        end = month_start(today) - datetime.timedelta(days=1)
        return month_start(end), end
    if key == "dit_kwartaal":
        return quarter_start(today), today
    if key == "vorig_kwartaal":
        return previous_quarter_start(today), quarter_start(today) - datetime.timedelta(days=1)
    raise KeyError(key)


class PeriodFilter(ChoiceListFilter):
    """The date of the round in this month, last month, this quarter or last quarter."""

    title = "periode"
    parameter_name = "periode"
    date_field = "walked_on"

    def lookups(self, request, model_admin):
        return [
            ("deze_maand", "Deze maand"),
            ("vorige_maand", "Vorige maand"),
            ("dit_kwartaal", "Dit kwartaal"),
            ("vorig_kwartaal", "Vorig kwartaal"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        start, end = period_bounds(value, timezone.localdate())
        return queryset.filter(**{f"{self.date_field}__gte": start, f"{self.date_field}__lte": end})
