"""Ten residents send the questionnaire at the same moment: the week's totals count all ten.

PostgreSQL only: SQLite serialises every writer, so there is no race to lose.
CI runs the suite on PostgreSQL as well (.ci/run).
"""

import pytest
from django.db import connection
from django.test import Client

from aanmelding.models import MotivationWeek
from forms.motivation import STATEMENTS
from forms.testing import clear_rate_limits, public_form_data
from tests.factories import MotivationQuestionnairePageFactory

from .registration_support import post_in_parallel
from .test_registration_concurrency import site_with_home

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Parallel submits need PostgreSQL (SQLite runs one writer at a time); CI runs this on PostgreSQL.",
    ),
    pytest.mark.django_db(transaction=True),
]

PARALLEL = 10


def test_parallel_submits_all_count_in_one_row_for_the_week():
    page = MotivationQuestionnairePageFactory(parent=site_with_home())
    clear_rate_limits()
    assert not MotivationWeek.objects.exists()  # the first submits race to make the week's row

    def make_post(number):
        client = Client(REMOTE_ADDR=f"192.0.2.{number + 1}")
        return client, page.url, public_form_data({name: "5" if index < 2 else "3" for index, (name, _, _) in
                                                  enumerate(STATEMENTS)})  # fmt: skip

    results = post_in_parallel(PARALLEL, make_post)

    assert [status for status, _ in results] == [302] * PARALLEL, results
    week = MotivationWeek.objects.get()
    assert week.questionnaires == PARALLEL
    assert week.first_normative == PARALLEL
    assert week.share_normative + week.share_pragmatic + week.share_rational == 100 * PARALLEL
    clear_rate_limits()
