"""The admin of aanmelding against odd input: ids that are not numbers, and formulas in every exported column."""

import csv
import io

import pytest
from openpyxl import load_workbook

from aanmelding.admin import evenings, registrations, rounds
from forms.export import FORMULA_PREFIXES
from tests.factories import EveningSignupFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

MODEL_ADMINS = [
    registrations.RegistrationAdmin,
    evenings.EveningSignupAdmin,
    rounds.RegistrationRoundAdmin,
    rounds.WijkAdmin,
    rounds.RoundAlertAdmin,
]
# What a resident could type into a free-text field to attack whoever opens the export.
ATTACK = '\x07=HYPERLINK("https://kwaad.example","Klik")'
# CSV: guarded with a leading '; XLSX: as typed, in a text cell. Never the control character.
EXPECTED = {"csv": '\'=HYPERLINK("https://kwaad.example","Klik")', "xlsx": '=HYPERLINK("https://kwaad.example","Klik")'}


def object_actions():
    """Every admin URL of ours that takes an object id, as ``"<app>/<model>/<action>"``."""
    for model_admin_class in MODEL_ADMINS:
        model_admin = model_admin_class()
        for pattern in model_admin.get_admin_urls_for_registration():
            if "instance_pk" in pattern.pattern.regex.groupindex:
                action = pattern.name.rsplit("_modeladmin_", 1)[1]
                yield f"{model_admin.url_helper.base_url_path}/{action}"


@pytest.mark.parametrize("action", sorted(object_actions()))
def test_an_id_that_is_not_a_number_is_a_404_never_a_500(client, action):
    client.force_login(UserFactory(is_superuser=True))
    for bad in ("abc", "1a", "-1", "1.5", "١٢"):
        response = client.get(f"/admin/{action}/{bad}/")
        assert response.status_code == 404, (action, bad)


def read_export(client, url, spreadsheet_format):
    """The export's rows: CSV as text, XLSX as openpyxl cells."""
    response = client.get(url, {"export": spreadsheet_format})
    assert response.status_code == 200
    if spreadsheet_format == "csv":
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    return [list(row) for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()]


def assert_no_cell_is_a_formula(rows, spreadsheet_format):
    header, *data = rows
    assert data
    for row in data:
        for heading, cell in zip(header, row, strict=True):
            if spreadsheet_format == "csv":
                assert not cell.startswith(FORMULA_PREFIXES), (heading, cell)  # guarded with a leading '
            elif cell.value is not None:
                assert cell.data_type == "s", (heading.value, cell.value)  # a text cell is never run
                assert not str(cell.value).startswith("\x07"), (heading.value, cell.value)


def exported_texts(rows, spreadsheet_format):
    return [cell if spreadsheet_format == "csv" else cell.value for cell in rows[1]]


@pytest.mark.parametrize("spreadsheet_format", ["csv", "xlsx"])
def test_every_free_text_column_of_the_registration_export_is_guarded(client, spreadsheet_format):
    RegistrationFactory(
        name=ATTACK, email=ATTACK, phone="\x07=1+1", postcode=ATTACK[:7], initiative_name=ATTACK, heard_via="anders"
    )
    client.force_login(UserFactory(is_superuser=True))
    rows = read_export(client, "/admin/aanmelding/registration/", spreadsheet_format)
    assert_no_cell_is_a_formula(rows, spreadsheet_format)
    assert EXPECTED[spreadsheet_format] in exported_texts(rows, spreadsheet_format)


@pytest.mark.parametrize("spreadsheet_format", ["csv", "xlsx"])
def test_every_free_text_column_of_the_sign_up_export_is_guarded(client, spreadsheet_format):
    EveningSignupFactory(name=ATTACK, email=ATTACK, remark=ATTACK)
    client.force_login(UserFactory(is_superuser=True))
    rows = read_export(client, "/admin/aanmelding/eveningsignup/", spreadsheet_format)
    assert_no_cell_is_a_formula(rows, spreadsheet_format)
    assert EXPECTED[spreadsheet_format] in exported_texts(rows, spreadsheet_format)
