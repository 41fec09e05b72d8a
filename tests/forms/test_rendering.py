"""Accessible rendering: error summary, hints and errors tied to their fields, fieldsets, kept values."""

import pytest

from forms.testing import public_form_data

from .conftest import soup

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.forms.urls")]


@pytest.fixture
def invalid_page(client, home_page):
    data = public_form_data(
        {
            "name": "",
            "email": "piet-at-example.org",
            "postcode": "12",
            "message": "Wij willen <graag> een team & meer.",
        }
    )
    response = client.post("/contact/", data)
    assert response.status_code == 200
    return soup(response)


def test_the_error_summary_comes_first_and_links_every_field_with_an_error(invalid_page):
    form = invalid_page.find("form")
    summary = form.find("div", class_="error-summary")

    assert summary is form.find("div")  # the first thing in the form
    assert summary["role"] == "alert"
    assert summary["tabindex"] == "-1"
    title = summary.find("h2")
    assert title.get_text() == "Er ging iets mis"
    assert summary["aria-labelledby"] == title["id"]

    links = [a["href"] for a in summary.find_all("a")]
    assert links == ["#id_name", "#id_email", "#id_postcode", "#id_kind", "#id_consent"]
    for href in links:
        assert invalid_page.find(id=href[1:]) is not None, href
    texts = [a.get_text() for a in summary.find_all("a")]
    assert texts[0] == "Naam: Dit is een verplicht veld."
    assert texts[1].startswith("E-mailadres: Vul een geldig e-mailadres in")
    assert texts[3] == "Waarover gaat het?: Dit is een verplicht veld."
    assert texts[4] == "Geef toestemming om je gegevens te gebruiken."  # a checkbox: its label is a sentence


def test_hint_and_error_are_described_by_the_input(invalid_page):
    email = invalid_page.find("input", attrs={"name": "email"})

    assert email["aria-invalid"] == "true"
    assert email["aria-describedby"].split() == ["id_email_helptext", "id_email_error"]
    assert invalid_page.find(id="id_email_helptext").get_text() == "We sturen je een bevestiging."
    error = invalid_page.find(id="id_email_error")
    assert "Vul een geldig e-mailadres in" in error.get_text()

    # The error sits beside its field, in the field's wrapper.
    wrapper = email.find_parent("div", class_="form-field")
    assert "form-field--error" in wrapper["class"]
    assert wrapper.find(id="id_email_error") is error
    assert wrapper.find("label", attrs={"for": "id_email"})


def test_valid_fields_are_not_marked_invalid(invalid_page):
    message = invalid_page.find("textarea", attrs={"name": "message"})
    assert not message.has_attr("aria-invalid")
    assert "form-field--error" not in message.find_parent("div", class_="form-field")["class"]


def test_a_radio_group_is_a_fieldset_with_a_legend(invalid_page):
    radios = invalid_page.find_all("input", attrs={"name": "kind"})
    fieldset = radios[0].find_parent("fieldset")

    assert fieldset is not None
    assert all(radio.find_parent("fieldset") is fieldset for radio in radios)
    assert fieldset.find("legend").get_text(strip=True) == "Waarover gaat het?"
    assert fieldset["aria-describedby"].split() == ["id_kind_helptext", "id_kind_error"]
    assert all(radio["aria-invalid"] == "true" for radio in radios)
    assert [radio.find_parent("label").get_text(strip=True) for radio in radios] == [
        "Een nieuw team",
        "Een buurtapp-groep",
    ]


def test_everything_typed_is_kept(invalid_page):
    assert invalid_page.find("input", attrs={"name": "email"})["value"] == "piet-at-example.org"
    assert invalid_page.find("input", attrs={"name": "postcode"})["value"] == "12"
    assert invalid_page.find("textarea", attrs={"name": "message"}).get_text().strip() == (
        "Wij willen <graag> een team & meer."
    )


def test_a_chosen_radio_and_ticked_box_are_kept(client, home_page):
    response = client.post("/contact/", public_form_data({"kind": "app", "consent": "on"}))
    page = soup(response)
    assert page.find("input", attrs={"name": "kind", "value": "app"}).has_attr("checked")
    assert page.find("input", attrs={"name": "consent"}).has_attr("checked")


def test_autocomplete_tokens_and_optional_fields(client, home_page):
    page = soup(client.get("/contact/"))
    tokens = {name: page.find("input", attrs={"name": name})["autocomplete"] for name in ["name", "email", "postcode"]}
    assert tokens == {"name": "name", "email": "email", "postcode": "postal-code"}
    assert page.find("label", attrs={"for": "id_postcode"}).find(class_="form-field__optional").get_text() == (
        "(niet verplicht)"
    )
    assert page.find("label", attrs={"for": "id_name"}).find(class_="form-field__optional") is None


def test_a_fresh_form_shows_no_errors_and_uses_server_side_validation(client, home_page):
    page = soup(client.get("/contact/"))
    form = page.find("form")
    assert form.has_attr("novalidate")
    assert form["method"] == "post"
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert page.find(class_="error-summary") is None
    assert not page.find_all(attrs={"aria-invalid": True})
    assert not page.find_all(attrs={"required": True})


def test_the_honeypot_is_hidden_from_everyone(client, home_page):
    page = soup(client.get("/contact/"))
    honeypot = page.find("input", attrs={"name": "website"})

    assert honeypot["type"] == "text"
    assert honeypot["tabindex"] == "-1"
    assert honeypot["autocomplete"] == "off"
    wrapper = honeypot.find_parent("div")
    assert wrapper["aria-hidden"] == "true"
    assert "form-honeypot" in wrapper["class"]
    assert "visually-hidden" in wrapper["class"]
    assert page.find("input", attrs={"name": "form_ts"})["type"] == "hidden"
