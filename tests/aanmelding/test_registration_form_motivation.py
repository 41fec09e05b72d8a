"""The motivation statements on the registration form: an optional part, folded away until it matters."""

import pytest

from .registration_support import registration_data, soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit_left_over")]

SUMMARY = "Vertel iets over je motivatie (niet verplicht)"


def motivation_part(response):
    summary = soup(response).find("summary", string=SUMMARY)
    assert summary is not None
    return summary.parent


def test_the_statements_are_folded_into_an_optional_part(client, registration_page, open_round, wijk):
    part = motivation_part(client.get(registration_page.url))

    assert part.name == "details" and not part.has_attr("open")
    assert len(part.find_all("fieldset")) == 6  # every statement, and nothing else, inside
    assert part.find(attrs={"name": "statement_together"}) is not None
    assert part.find(attrs={"name": "name"}) is None


def test_the_part_stays_open_when_it_holds_answers(client, registration_page, open_round, wijk):
    # Another field's error sends the form back: what the applicant answered must stay in view.
    response = client.post(registration_page.url, registration_data(wijk, name=""))
    assert response.status_code == 200
    part = motivation_part(response)
    assert part.has_attr("open")
    assert part.find("input", attrs={"name": "statement_together", "value": "4"}).has_attr("checked")


def test_the_part_opens_on_an_error_inside_it(client, registration_page, open_round, wijk):
    response = client.post(
        registration_page.url,
        registration_data(wijk, statement_shared_responsibility=None, statement_together="9"),
    )
    assert response.status_code == 200
    assert motivation_part(response).has_attr("open")


def test_without_answers_or_errors_inside_it_the_part_stays_folded(client, registration_page, open_round, wijk):
    response = client.post(
        registration_page.url,
        registration_data(wijk, name="", statement_shared_responsibility=None, statement_together=None),
    )
    assert response.status_code == 200
    assert not motivation_part(response).has_attr("open")
