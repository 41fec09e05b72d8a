"""The motivation questionnaire 'Wat drijft jou?' and its anonymous totals per week.

The page asks the six statements of ``forms.motivation`` and shows a result;
the answers travel in a signed link (``aanmelding.motivation``), never in a
session or a table. What is stored is one row per week with counts:
``MotivationWeek``. Nothing in it points to a person.
"""

from datetime import timedelta

from django.db import models
from django.db.models import F
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from forms.base import PublicFormPageMixin
from forms.motivation import (
    NORMATIVE,
    PRAGMATIC,
    PROFILE_LABELS,
    RATIONAL,
    dominant_profiles,
    profile_mix,
    round_to_100,
)
from home.search_index import text_fields

from ..motivation import PARAMETER, MotivationResult, answers_from_request, sign_answers
from .registrations import RegistrationPage
from .rounds import RegistrationRound

RICH_TEXT = ["bold", "italic", "link", "ul", "ol"]


def week_start(day):
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


class MotivationWeekQuerySet(models.QuerySet):
    def count_questionnaire(self, answers, day=None):
        """Add one filled-in questionnaire to the totals of ``day``'s week (today, local time).

        The week's row is made once (INSERT ... ON CONFLICT DO NOTHING on the
        unique week start), then raised with F() expressions in one UPDATE:
        parallel submits each add their own, also on PostgreSQL.
        """
        start = week_start(day or timezone.localdate())
        mix = profile_mix(answers)
        self.bulk_create([MotivationWeek(week_start=start)], ignore_conflicts=True)
        first = dominant_profiles(answers)[0]
        changes = {
            "questionnaires": F("questionnaires") + 1,
            MotivationWeek.FIRST_FIELDS[first]: F(MotivationWeek.FIRST_FIELDS[first]) + 1,
        }
        for profile, field in MotivationWeek.SHARE_FIELDS.items():
            if mix[profile]:
                changes[field] = F(field) + mix[profile]
        self.filter(week_start=start).update(**changes)


class MotivationWeek(models.Model):
    """The questionnaires filled in during one week, as counts only: no answers, no time, no address."""

    FIRST_FIELDS = {NORMATIVE: "first_normative", PRAGMATIC: "first_pragmatic", RATIONAL: "first_rational"}
    SHARE_FIELDS = {NORMATIVE: "share_normative", PRAGMATIC: "share_pragmatic", RATIONAL: "share_rational"}

    week_start = models.DateField("Week van", unique=True, help_text="De maandag van de week.")
    questionnaires = models.PositiveIntegerField("Ingevuld", default=0)
    # How often each profile came first (a tie counts for the first in PROFILE_LABELS' order).
    first_normative = models.PositiveIntegerField("Vaakst normatief", default=0)
    first_pragmatic = models.PositiveIntegerField("Vaakst pragmatisch", default=0)
    first_rational = models.PositiveIntegerField("Vaakst rationeel", default=0)
    # The shares of all questionnaires added up (each sums to 100): divided by the count, the week's mix.
    share_normative = models.PositiveIntegerField("Som aandeel normatief", default=0)
    share_pragmatic = models.PositiveIntegerField("Som aandeel pragmatisch", default=0)
    share_rational = models.PositiveIntegerField("Som aandeel rationeel", default=0)

    objects = MotivationWeekQuerySet.as_manager()

    class Meta:
        ordering = ["-week_start"]
        verbose_name = "motivatie per week"
        verbose_name_plural = "motivatie per week"

    def __str__(self):
        return self.week_label()

    # Display helpers for the admin report.
    def week_label(self):
        """'Week 49: 30 november t/m 6 december 2026'."""
        end = self.week_start + timedelta(days=6)
        start_format = "j F" if end.year == self.week_start.year else "j F Y"
        return (
            f"Week {self.week_start.isocalendar().week}: "
            f"{date_format(self.week_start, start_format)} t/m {date_format(end, 'j F Y')}"
        )

    week_label.short_description = "Week"

    def mix(self):
        """The week's average mix in whole percentages summing to 100; None without questionnaires."""
        if not self.questionnaires:
            return None
        total = sum(getattr(self, field) for field in self.SHARE_FIELDS.values())
        if not total:
            return None
        return round_to_100(
            {profile: 100 * getattr(self, field) / total for profile, field in self.SHARE_FIELDS.items()}
        )

    def _share(self, profile):
        mix = self.mix()
        return f"{mix[profile]}%" if mix else "–"

    def share_normative_display(self):
        return self._share(NORMATIVE)

    share_normative_display.short_description = "Normatief"

    def share_pragmatic_display(self):
        return self._share(PRAGMATIC)

    share_pragmatic_display.short_description = "Pragmatisch"

    def share_rational_display(self):
        return self._share(RATIONAL)

    share_rational_display.short_description = "Rationeel"

    def firsts_display(self):
        """'normatief 3, pragmatisch 2, rationeel 0': how often each profile came first."""
        return ", ".join(f"{profile} {getattr(self, field)}" for profile, field in self.FIRST_FIELDS.items())

    firsts_display.short_description = "Vaakst voorop"


class MotivationQuestionnairePage(PublicFormPageMixin, Page):
    """'Wat drijft jou?': six statements, then a result with advice. Anonymous.

    Served by the forms/ page mixin (honeypot, form token, rate limit). A
    valid submit counts in the week's totals and goes to the result page
    (``bedankt/``) with the answers signed in the address; caught spam gets
    the same page without answers. Nothing per person is stored.
    """

    intro = RichTextField("Introductie", features=RICH_TEXT, blank=True)
    advice_normative = RichTextField("Advies bij de normatieve partner", features=RICH_TEXT, blank=True)
    advice_pragmatic = RichTextField("Advies bij de pragmatische samenwerker", features=RICH_TEXT, blank=True)
    advice_rational = RichTextField("Advies bij de rationele vrijwilliger", features=RICH_TEXT, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("advice_normative"), FieldPanel("advice_pragmatic"), FieldPanel("advice_rational")],
            heading="Advies per profiel",
            help_text="Staat op de uitslag bij het profiel dat het best past: een team of app-groep, "
            "welke training, en wat de gemeente biedt.",
        ),
    ]
    search_fields = Page.search_fields + text_fields("intro")
    page_description = (
        "De vragenlijst 'Wat drijft jou?': zes uitspraken en een uitslag met advies. Anoniem; "
        "de totalen per week staan onder Rapporten."
    )
    subpage_types = []
    max_count = 1

    form_class = "aanmelding.forms.motivation.MotivationQuestionnaireForm"
    rate_limit_key = "motivatie"
    landing_page_template = "aanmelding/motivation_questionnaire_result.html"

    ADVICE_FIELDS = {NORMATIVE: "advice_normative", PRAGMATIC: "advice_pragmatic", RATIONAL: "advice_rational"}

    class Meta:
        verbose_name = "vragenlijst motivatie"
        verbose_name_plural = "vragenlijsten motivatie"

    def advice(self, profile):
        return getattr(self, self.ADVICE_FIELDS[profile])

    # --- the form hooks (forms.base.PublicFormPageMixin) -----------------------------------

    def process_form_submission(self, form):
        """Count the questionnaire in this week's totals; the answers themselves are not stored."""
        answers = form.answers()
        MotivationWeek.objects.count_questionnaire(answers)
        return answers

    def form_submitted(self, request, submission):
        """To the result, the answers signed in its address; spam (None) to the same page without them.

        No session: nothing about this browser is kept.
        """
        url = self.url + self.reverse_subpage("thanks")
        if submission is not None:
            url += "?" + urlencode({PARAMETER: sign_answers(submission)})
        return HttpResponseRedirect(url)

    def get_thanked_submission(self, request):
        """The answers in the signed ``?motivatie=``; None when missing, damaged or older than a day."""
        return answers_from_request(request)

    def get_landing_context(self, request, submission):
        registration_page = RegistrationPage.objects.live().order_by("path").first()
        current_round = RegistrationRound.current()
        result = MotivationResult(submission) if submission else None
        registration_url = None
        if registration_page is not None:
            registration_url = registration_page.get_url(request)
            if result is not None:
                registration_url += "?" + urlencode({PARAMETER: result.token})
        return {
            **super().get_landing_context(request, submission),
            "result": result,
            "advice": [(profile, PROFILE_LABELS[profile], self.advice(profile)) for profile in result.dominant]
            if result
            else [],
            "registration_url": registration_url,
            "current_round": current_round,
            "next_round": None if current_round else RegistrationRound.next_upcoming(),
        }
