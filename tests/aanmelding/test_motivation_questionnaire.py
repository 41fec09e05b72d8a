"""The motivation questionnaire 'Wat drijft jou?': the profile mix, the page, its result, the weekly
totals, the report for editors and handlers, and the answers carried into the registration form."""

import itertools
import re
from datetime import date, timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from aanmelding.forms.motivation import INVALID_ANSWER_MESSAGE, NOT_ANSWERED_MESSAGE, SENT_BEFORE_MESSAGE
from aanmelding.models import MotivationQuestionnairePage, MotivationWeek, RegistrationRound
from aanmelding.motivation import (
    MAX_AGE,
    PARAMETER,
    PURPOSE,
    MotivationResult,
    read_answers,
    sign_answers,
)
from forms.motivation import (
    NORMATIVE,
    PRAGMATIC,
    PROFILE_LABELS,
    RATIONAL,
    STATEMENTS,
    dominant_profiles,
    profile_mix,
    profile_ranking,
)
from forms.testing import public_form_data
from forms.tokens import make_token
from home.page_cache import content_changed
from tests.factories import MotivationQuestionnairePageFactory, RegistrationRoundFactory, UserFactory

from .registration_support import HANDLERS, at, soup

NAMES = [name for name, _, _ in STATEMENTS]
PROFILE_OF = {name: profile for name, profile, _ in STATEMENTS}
REPORT = "/admin/rapporten/motivatie/"
GENERIC = "Hier kunnen we geen uitslag laten zien."

answer = st.sampled_from([None, 1, 2, 3, 4, 5])
answer_sets = st.fixed_dictionaries({name: answer for name in NAMES})
# Pure functions, but the machine may be busy: no deadline per example.
PURE = settings(deadline=None, max_examples=300)


def answers(*values):
    """Answers in the order of STATEMENTS: two normatief, two pragmatisch, two rationeel."""
    return dict(zip(NAMES, values, strict=True))


def rank(given_answers, profile):
    return next(number for number, group in enumerate(profile_ranking(given_answers)) if profile in group)


def form_fields(*values):
    return {name: str(value) for name, value in zip(NAMES, values, strict=True) if value is not None}


# --- the profile mix: pure functions over every answer pattern ---------------------------------


def test_the_shares_are_whole_percentages_that_sum_to_100_for_every_answer_pattern():
    for values in itertools.product([None, 1, 2, 3, 4, 5], repeat=len(NAMES)):  # all 46,656 patterns
        mix = profile_mix(answers(*values))
        assert set(mix) == set(PROFILE_LABELS)
        assert sum(mix.values()) == 100, values
        assert all(isinstance(share, int) and 0 <= share <= 100 for share in mix.values()), values


@PURE
@given(answer_sets, st.sampled_from(NAMES))
def test_a_higher_answer_never_lowers_its_profiles_share(given_answers, name):
    # A profile weighs its average answer: a first answer of "helemaal mee oneens" may lower it,
    # a first "helemaal mee eens" never does, and raising an answer never does.
    before = given_answers[name]
    for higher in [5] if before is None else range(before, 6):
        raised = {**given_answers, name: higher}
        assert profile_mix(raised)[PROFILE_OF[name]] >= profile_mix(given_answers)[PROFILE_OF[name]]
        # ... nor its place in the ranking.
        assert rank(raised, PROFILE_OF[name]) <= rank(given_answers, PROFILE_OF[name])


@PURE
@given(answer_sets)
def test_the_mix_and_the_ranking_are_the_same_whatever_order_the_answers_come_in(given_answers):
    reversed_answers = dict(reversed(list(given_answers.items())))
    assert profile_mix(reversed_answers) == profile_mix(given_answers)
    assert profile_ranking(reversed_answers) == profile_ranking(given_answers)
    ranking = profile_ranking(given_answers)
    assert sorted(profile for group in ranking for profile in group) == sorted(PROFILE_LABELS)
    # Within a group of equals the order is always normatief, pragmatisch, rationeel.
    order = list(PROFILE_LABELS)
    assert all(group == sorted(group, key=order.index) for group in ranking)
    assert dominant_profiles(given_answers) == ranking[0]


@PURE
@given(answer_sets)
def test_the_most_fitting_profile_has_the_largest_share(given_answers):
    mix = profile_mix(given_answers)
    assert mix[dominant_profiles(given_answers)[0]] == max(mix.values())


def test_the_share_follows_the_answers():
    assert profile_mix(answers(5, 5, 1, 1, 1, 1)) == {NORMATIVE: 100, PRAGMATIC: 0, RATIONAL: 0}
    assert profile_mix(answers(5, 5, 3, 3, None, None)) == {NORMATIVE: 67, PRAGMATIC: 33, RATIONAL: 0}
    assert profile_mix(answers(2, 3, 4, 5, 5, 5)) == {NORMATIVE: 17, PRAGMATIC: 39, RATIONAL: 44}


def test_ties_go_by_the_fixed_order_of_the_profiles():
    # A three-way tie: 33⅓ each; the left-over percent goes to the first profile, every time.
    for value in (2, 3, 4, 5):
        assert profile_mix(answers(*[value] * 6)) == {NORMATIVE: 34, PRAGMATIC: 33, RATIONAL: 33}
        assert dominant_profiles(answers(*[value] * 6)) == [NORMATIVE, PRAGMATIC, RATIONAL]
    # Nothing to go by (all "helemaal mee oneens"): the same equal split.
    assert profile_mix(answers(1, 1, 1, 1, 1, 1)) == {NORMATIVE: 34, PRAGMATIC: 33, RATIONAL: 33}
    # Two tied at the top, in the fixed order, whatever order they are asked in.
    tie = answers(2, 2, 5, 5, 5, 5)
    assert profile_ranking(tie) == [[PRAGMATIC, RATIONAL], [NORMATIVE]]
    assert profile_mix(tie) == {NORMATIVE: 11, PRAGMATIC: 45, RATIONAL: 44}
    assert [profile_mix(tie) for _ in range(3)] == [profile_mix(tie)] * 3


@pytest.mark.parametrize(
    ("values", "summary"),
    [
        (
            (5, 5, 3, 4, 1, 2),
            "Je past het meest bij de normatieve partner; daarna bij de pragmatische samenwerker, "
            "en het minst bij de rationele vrijwilliger.",
        ),
        (
            (3, 3, 5, 5, 5, 5),
            "Je past even goed bij de pragmatische samenwerker als bij de rationele vrijwilliger; "
            "daarna bij de normatieve partner.",
        ),
        (
            (5, 5, 3, 3, 3, 3),
            "Je past het meest bij de normatieve partner; daarna bij de pragmatische samenwerker en de "
            "rationele vrijwilliger.",
        ),
        ((4, 4, 4, 4, 4, 4), "Je past even goed bij alle drie de profielen."),
        ((1, 1, 1, 1, None, None), "Je bent het met geen van de uitspraken echt eens."),
    ],
)
def test_the_result_says_the_mix_in_words(values, summary):
    assert MotivationResult(answers(*values)).summary().startswith(summary)


@PURE
@given(answer_sets)
def test_every_sentence_of_the_result_is_short(given_answers):
    text = MotivationResult(given_answers).summary()
    assert all(len(sentence.split()) <= 25 for sentence in re.split(r"[.;] ", text))


# --- the signed answers -------------------------------------------------------------------------


@PURE
@given(answer_sets)
def test_signed_answers_read_back_when_at_least_four_are_given(given_answers):
    count = sum(1 for value in given_answers.values() if value)
    expected = given_answers if count >= 4 else None
    assert read_answers(sign_answers(given_answers)) == expected


def test_a_damaged_forged_foreign_or_old_token_reads_as_nothing(time_machine):
    time_machine.move_to(at(2027, 3, 1, 12, 0), tick=False)
    token = sign_answers(answers(5, 4, 3, 2, 1, 5))
    assert read_answers(token) is not None
    assert read_answers(token[:-2] + ("AA" if token[-2:] != "AA" else "BB")) is None
    assert read_answers("niet-ondertekend") is None
    assert read_answers("") is None
    assert read_answers("A" * 5000) is None
    assert read_answers(make_token("aanmelding.iets-anders", "543215")) is None
    assert read_answers(make_token(PURPOSE, "54321")) is None  # not six answers
    assert read_answers(make_token(PURPOSE, "543219")) is None  # not on the scale
    assert read_answers(make_token(PURPOSE, [5, 4, 3, 2, 1, 5])) is None
    time_machine.move_to(at(2027, 3, 1, 12, 0) + MAX_AGE + timedelta(minutes=1), tick=False)
    assert read_answers(token) is None


# --- the page -----------------------------------------------------------------------------------


@pytest.fixture
def questionnaire(home_page):
    return MotivationQuestionnairePageFactory(parent=home_page)


def submit(client, page, *values, **extra):
    return client.post(page.url, public_form_data({**form_fields(*values), **extra}))


def token_in(location):
    return parse_qs(urlparse(location).query).get(PARAMETER, [None])[0]


@pytest.mark.django_db
@pytest.mark.usefixtures("no_rate_limit_left_over")
class TestThePage:
    def test_the_form_asks_the_six_statements_on_the_five_point_scale(self, client, questionnaire):
        response = client.get(questionnaire.url)
        assert response.status_code == 200
        page = soup(response)
        legends = [legend.get_text(" ", strip=True) for legend in page.select("main form legend")]
        assert legends == [statement for _, _, statement in STATEMENTS]
        for name in NAMES:
            labels = [label.get_text(strip=True) for label in page.select(f"label[for^=id_{name}_]")]
            assert labels == ["Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens"]
        assert "(niet verplicht)" not in response.content.decode()
        assert "minstens 4 van de 6" in page.main.get_text()
        assert page.find("input", attrs={"name": "website"}) is not None  # the mixin's honeypot
        assert page.find("input", attrs={"name": "form_ts"}) is not None  # ... and form token
        # Nothing personal is asked, so no consent line either.
        assert page.find("input", attrs={"name": "consent"}) is None
        assert page.find("input", attrs={"type": "email"}) is None

    def test_a_valid_submit_goes_to_the_result_with_the_answers_signed_in_the_address(self, client, questionnaire):
        response = submit(client, questionnaire, 5, 5, 3, 4, 1, None)

        assert response.status_code == 302
        assert response["Location"].startswith(questionnaire.url + "bedankt/?motivatie=")
        assert read_answers(token_in(response["Location"])) == answers(5, 5, 3, 4, 1, None)
        # Nothing about this browser is kept: no session, no cookie.
        assert "sessionid" not in response.cookies
        assert not client.session.keys()

    def test_the_result_shows_the_mix_in_words_and_numbers(self, client, questionnaire, home_page):
        response = client.get(submit(client, questionnaire, 5, 5, 3, 4, 1, None)["Location"])
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        page = soup(response)
        text = page.main.get_text(" ", strip=True)
        assert page.h1.get_text(strip=True) == "Jouw uitslag"
        assert "Je past het meest bij de normatieve partner; daarna bij de pragmatische samenwerker" in text
        # In numbers: the table and the chart agree, and the chart has a name and a description.
        mix = profile_mix(answers(5, 5, 3, 4, 1, None))
        rows = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in page.select("main tbody tr")}
        assert rows == {PROFILE_LABELS[profile]: f"{share}%" for profile, share in mix.items()}
        assert list(rows) == ["Normatieve partner", "Pragmatische samenwerker", "Rationele vrijwilliger"]
        svg = page.select_one("main svg")
        assert svg["role"] == "img"
        assert svg["aria-labelledby"] == "motivation-chart-title motivation-chart-desc"
        assert svg.title.get_text() == "Jouw mix van de drie profielen"
        assert page.select_one("#motivation-chart-desc").get_text() == (
            f"Normatieve partner: {mix[NORMATIVE]} procent, Pragmatische samenwerker: {mix[PRAGMATIC]} procent, "
            f"Rationele vrijwilliger: {mix[RATIONAL]} procent."
        )
        # Bar lengths in % of the width (80 % for 100 %), with a point however the site writes numbers;
        # a bar of 0 % is a sliver, so the row still shows where it starts.
        widths = [rect["width"] for rect in svg.select("rect")]
        assert widths == ["49.6%", "30.4%", "0.5%"]
        assert [text.get_text() for text in svg.select(".chart__value")] == ["62%", "38%", "0%"]
        # The advice of the best fitting profile, as the editor wrote it; not the others'.
        assert "Advies normatief" in text
        assert "Advies pragmatisch" not in text and "Advies rationeel" not in text

    def test_a_tie_shows_the_advice_of_each_profile_at_the_top(self, client, questionnaire):
        text = soup(client.get(submit(client, questionnaire, 2, 2, 5, 5, 5, 5)["Location"])).main.get_text()
        assert "Je past even goed bij de pragmatische samenwerker als bij de rationele vrijwilliger" in text
        assert "Advies pragmatisch" in text and "Advies rationeel" in text and "Advies normatief" not in text

    def test_too_few_answers_give_dutch_errors_keep_what_was_ticked_and_count_nothing(self, client, questionnaire):
        response = submit(client, questionnaire, 5, None, 4, None, None, 2)

        assert response.status_code == 200
        page = soup(response)
        summary = page.select(".error-summary li")
        assert [item.get_text(strip=True) for item in summary] == [
            "Beantwoord minstens 4 van de 6 uitspraken. Je hebt er nu 3 beantwoord. Je antwoorden staan er nog."
        ]
        assert summary[0].a["href"] == "#id_statement_social_control"
        assert page.select_one("#id_statement_social_control") is not None
        # Beside each open statement, and only there.
        errors = {
            error["id"].removesuffix("_error"): error.get_text(" ", strip=True)
            for error in page.select(".form-field__error")
        }
        assert errors == {
            f"id_{name}": f"Fout: {NOT_ANSWERED_MESSAGE}"
            for name in ("statement_social_control", "statement_together", "statement_volunteering")
        }
        for name, value in (("statement_shared_responsibility", "5"), ("statement_feedback", "4"),
                            ("statement_results", "2")):  # fmt: skip
            assert page.find("input", attrs={"name": name, "value": value}).has_attr("checked")
        assert MotivationWeek.objects.count() == 0

    def test_no_answers_at_all_say_so(self, client, questionnaire):
        response = submit(client, questionnaire, None, None, None, None, None, None)
        assert "Je hebt nog geen enkele beantwoord." in soup(response).select_one(".error-summary").get_text()
        assert MotivationWeek.objects.count() == 0

    def test_an_answer_off_the_scale_is_refused_in_dutch(self, client, questionnaire):
        response = submit(client, questionnaire, 5, 5, 4, 4, 3, 9)
        assert response.status_code == 200
        assert f"{STATEMENTS[5][2]}: {INVALID_ANSWER_MESSAGE}" in [
            item.get_text(strip=True) for item in soup(response).select(".error-summary li")
        ]
        assert MotivationWeek.objects.count() == 0

    def test_the_same_form_sent_twice_says_so_without_speaking_of_mail(self, client, questionnaire):
        data = public_form_data(form_fields(5, 5, 4, 4, 3, 3))
        assert client.post(questionnaire.url, data).status_code == 302
        again = client.post(questionnaire.url, data)
        assert again.status_code == 200
        assert SENT_BEFORE_MESSAGE in soup(again).select_one(".error-summary").get_text()
        assert MotivationWeek.objects.get().questionnaires == 1

    def test_spam_gets_the_same_redirect_without_answers_and_counts_nothing(self, client, questionnaire):
        response = submit(client, questionnaire, 5, 5, 4, 4, 3, 3, website="https://spam.example")

        assert response.status_code == 302
        assert response["Location"] == questionnaire.url + "bedankt/"
        assert MotivationWeek.objects.count() == 0
        page = client.get(response["Location"])
        assert page.status_code == 200
        assert GENERIC in soup(page).main.get_text()

    @pytest.mark.parametrize("kind", ["tampered", "expired", "missing", "foreign"])
    def test_a_bad_result_link_gives_the_general_page(self, client, questionnaire, time_machine, kind):
        time_machine.move_to(at(2027, 3, 1, 12, 0), tick=False)
        token = sign_answers(answers(5, 5, 4, 4, 3, 3))
        if kind == "tampered":
            token = token.replace(token[10], "A" if token[10] != "A" else "B", 1)
        elif kind == "expired":
            time_machine.move_to(at(2027, 3, 2, 12, 1), tick=False)
        elif kind == "foreign":
            token = make_token("evening-cancel", 5)
        url = questionnaire.url + "bedankt/" + ("" if kind == "missing" else f"?motivatie={token}")
        response = client.get(url)
        assert response.status_code == 200
        text = soup(response).main.get_text()
        assert GENERIC in text
        assert "Je past" not in text and "procent" not in str(response.content)

    def test_the_result_link_still_works_within_a_day(self, client, questionnaire, time_machine):
        time_machine.move_to(at(2027, 3, 1, 12, 0), tick=False)
        location = submit(client, questionnaire, 5, 5, 4, 4, 3, 3)["Location"]
        time_machine.move_to(at(2027, 3, 2, 11, 59), tick=False)
        assert "Je past het meest" in soup(client.get(location)).main.get_text()

    def test_there_is_only_one_questionnaire_page(self, questionnaire, home_page):
        assert not MotivationQuestionnairePage.can_create_at(home_page)

    def test_the_page_renders_with_the_same_queries_however_many_weeks_are_counted(
        self, client, questionnaire, registration_page, open_round
    ):
        def queries(url):
            # As tests/test_page_queries.py: the first request after a content change, and the next.
            client.get(url)
            content_changed()
            counts = []
            for _ in range(2):
                with CaptureQueriesContext(connection) as captured:
                    assert client.get(url).status_code == 200
                counts.append(len(captured))
            return counts

        result = questionnaire.url + "bedankt/?motivatie=" + sign_answers(answers(5, 5, 4, 4, 3, 3))
        before = (queries(questionnaire.url), queries(result))
        for weeks in range(30):
            MotivationWeek.objects.create(week_start=date(2026, 1, 5) + timedelta(weeks=weeks), questionnaires=3)
        for months in range(1, 4):
            opens = open_round.closes_at + timedelta(days=30 * months)
            RegistrationRoundFactory(opens_at=opens, closes_at=opens + timedelta(days=14))
        assert (queries(questionnaire.url), queries(result)) == before


# --- the weekly totals --------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("no_rate_limit_left_over")
class TestWeeklyTotals:
    def test_each_questionnaire_counts_in_its_weeks_totals(self, client, questionnaire, time_machine):
        time_machine.move_to(at(2027, 3, 3, 12, 0), tick=False)  # a Wednesday
        submit(client, questionnaire, 5, 5, 1, 1, 1, 1)  # 100 / 0 / 0
        submit(client, questionnaire, 2, 3, 4, 5, 5, 5)  # 17 / 39 / 44
        submit(client, questionnaire, 4, 4, 4, 4, 4, 4)  # 34 / 33 / 33, a tie: normatief first
        time_machine.move_to(at(2027, 3, 8, 0, 30), tick=False)  # the next Monday, just after midnight
        submit(client, questionnaire, 1, 1, 5, 5, None, None)  # 0 / 100 / 0

        first, second = MotivationWeek.objects.order_by("week_start")
        assert first.week_start == date(2027, 3, 1) and second.week_start == date(2027, 3, 8)
        assert first.questionnaires == 3
        assert (first.first_normative, first.first_pragmatic, first.first_rational) == (2, 0, 1)
        assert (first.share_normative, first.share_pragmatic, first.share_rational) == (151, 72, 77)
        assert second.questionnaires == 1
        assert (second.first_pragmatic, second.share_pragmatic, second.share_normative) == (1, 100, 0)
        assert first.mix() == {NORMATIVE: 50, PRAGMATIC: 24, RATIONAL: 26}
        assert first.week_label() == "Week 9: 1 maart t/m 7 maart 2027"

    def test_only_counts_are_kept(self):
        fields = {field.name for field in MotivationWeek._meta.get_fields()}
        assert fields == {
            "id",
            "week_start",
            "questionnaires",
            *MotivationWeek.FIRST_FIELDS.values(),
            *MotivationWeek.SHARE_FIELDS.values(),
        }

    def test_a_week_across_the_new_year_is_labelled_with_both_years(self):
        assert (
            MotivationWeek(week_start=date(2026, 12, 28)).week_label() == "Week 53: 28 december 2026 t/m 3 januari 2027"
        )


# --- the report for editors and handlers -------------------------------------------------------


def member_of(*groups):
    user = UserFactory()
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.mark.django_db
class TestReport:
    @pytest.mark.parametrize("group", [HANDLERS, "Redacteuren", "Moderatoren"])
    def test_editors_and_handlers_see_the_weeks_newest_first(self, client, group):
        MotivationWeek.objects.create(
            week_start=date(2027, 3, 1), questionnaires=2, first_pragmatic=2, share_normative=50, share_pragmatic=150
        )
        MotivationWeek.objects.create(
            week_start=date(2027, 3, 8), questionnaires=1, first_rational=1, share_rational=100
        )
        client.force_login(member_of(group))

        response = client.get(REPORT)
        assert response.status_code == 200
        page = soup(response)
        rows = [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in page.select("tbody tr")]
        assert rows == [
            ["Week 10: 8 maart t/m 14 maart 2027", "1", "0%", "0%", "100%", "normatief 0, pragmatisch 0, rationeel 1"],
            ["Week 9: 1 maart t/m 7 maart 2027", "2", "25%", "75%", "0%", "normatief 0, pragmatisch 2, rationeel 0"],
        ]
        # In the admin menu under Rapporten.
        assert REPORT in client.get("/admin/").content.decode()

    def test_without_weeks_the_report_says_so(self, client):
        client.force_login(member_of(HANDLERS))
        text = soup(client.get(REPORT)).get_text(" ", strip=True)
        assert "Er is nog geen vragenlijst ingevuld." in text

    def test_an_anonymous_visitor_is_sent_to_the_login(self, client):
        response = client.get(REPORT)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")

    def test_an_admin_user_without_the_right_is_refused(self, client):
        user = UserFactory()
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(user)
        response = client.get(REPORT)
        assert response.status_code == 403
        assert "Geen toegang" in response.content.decode()
        assert REPORT not in client.get("/admin/").content.decode()

    def test_the_right_went_to_the_groups_by_their_permissions(self):
        holders = set(
            Group.objects.filter(
                permissions__content_type__app_label="aanmelding", permissions__codename="view_motivationweek"
            ).values_list("name", flat=True)
        )
        assert holders == {HANDLERS, "Redacteuren", "Moderatoren"}


# --- into the registration form -----------------------------------------------------------------


def motivation_part(response):
    return soup(response).find("summary", string="Vertel iets over je motivatie (niet verplicht)").parent


@pytest.mark.django_db
@pytest.mark.usefixtures("no_rate_limit_left_over")
class TestIntoTheRegistrationForm:
    def test_meld_je_aan_leads_to_the_registration_form_with_the_answers_filled_in(
        self, client, questionnaire, registration_page, open_round
    ):
        result = soup(client.get(submit(client, questionnaire, 5, 4, None, 2, 3, 1)["Location"]))
        button = result.find("a", string="Meld je aan")
        assert button is not None and "button" in button["class"]
        assert button["href"].startswith(registration_page.url + "?motivatie=")

        response = client.get(button["href"])
        assert response.status_code == 200
        part = motivation_part(response)
        assert part.has_attr("open")
        checked = {radio["name"]: radio["value"] for radio in part.select("input[type=radio][checked]")}
        assert checked == {
            "statement_shared_responsibility": "5",
            "statement_social_control": "4",
            "statement_together": "2",
            "statement_volunteering": "3",
            "statement_results": "1",
        }
        # Still editable: every choice is there, none disabled; nothing was stored.
        assert len(part.select("input[type=radio]")) == 30
        assert not part.select("input[disabled]")
        from aanmelding.models import Registration

        assert Registration.objects.count() == 0

    @pytest.mark.parametrize("token", ["kapot", "", None])
    def test_a_bad_link_gives_an_empty_form_quietly(self, client, registration_page, open_round, token):
        url = registration_page.url + (f"?motivatie={token}" if token is not None else "")
        response = client.get(url)
        assert response.status_code == 200
        part = motivation_part(response)
        assert not part.has_attr("open")
        assert not part.select("input[checked]")
        assert not soup(response).select(".error-summary")

    def test_an_expired_link_gives_an_empty_form(self, client, registration_page, open_round, time_machine):
        token = sign_answers(answers(5, 5, 4, 4, 3, 3))
        time_machine.move_to(timezone.now() + MAX_AGE + timedelta(hours=1), tick=False)
        assert RegistrationRound.current() == open_round
        assert not motivation_part(client.get(f"{registration_page.url}?motivatie={token}")).select("input[checked]")

    def test_without_an_open_round_the_button_says_when_you_can_register(
        self, client, questionnaire, registration_page, time_machine
    ):
        upcoming = RegistrationRoundFactory(
            opens_at=at(2027, 4, 1, 9, 0), closes_at=at(2027, 4, 21, 23, 59), title="Voorjaar"
        )
        time_machine.move_to(at(2027, 3, 1, 12, 0), tick=False)
        assert RegistrationRound.current() is None
        page = soup(client.get(submit(client, questionnaire, 5, 5, 4, 4, 3, 3)["Location"]))
        text = page.main.get_text(" ", strip=True)
        assert "Aanmelden kan alleen tijdens een aanmeldmoment. Het volgende begint op 1 april 2027." in text
        button = page.find("a", string="Bekijk wanneer je je kunt aanmelden")
        assert button["href"].startswith(registration_page.url + "?motivatie=")
        assert page.find("a", string="Meld je aan") is None
        closed = client.get(button["href"])
        assert closed.status_code == 200
        assert "Het volgende aanmeldmoment begint op" in closed.content.decode()
        assert upcoming.title

    def test_the_registration_counts_the_answers_only_when_it_is_sent(
        self, client, questionnaire, registration_page, open_round, wijk
    ):
        from aanmelding.models import Registration

        from .registration_support import registration_data

        location = submit(client, questionnaire, 5, 4, 3, 2, 1, 5)["Location"]
        client.get(registration_page.url + "?motivatie=" + token_in(location))
        assert Registration.objects.count() == 0
        # The applicant changed one answer before sending.
        data = registration_data(
            wijk,
            statement_shared_responsibility="5",
            statement_social_control="4",
            statement_feedback="3",
            statement_together="4",
            statement_volunteering="1",
            statement_results="5",
        )
        assert client.post(registration_page.url, data).status_code == 302
        registration = Registration.objects.get()
        assert registration.statement_together == 4
        assert registration.statement_results == 5
