"""CSV and XLSX exports never hand a spreadsheet a formula."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from forms.export import csv_response, neutralise, safe_filename, xlsx_response

HEADER = ["Naam", "=Opmerking"]
DANGEROUS = [
    '=HYPERLINK("https://kwaad.example","klik")',
    "+31 6 12345678",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]
ROWS = [[value, "gewoon"] for value in DANGEROUS] + [
    ["Anna", None],
    ["Bas", True],
    ["Cor", datetime.datetime(2026, 11, 23, 9, 30, tzinfo=datetime.UTC)],
    ["Dien", datetime.date(2027, 3, 1)],
    ["Eef", 42],
    ["Frits", "tekst met = en - erin"],
]


@pytest.mark.parametrize("value", DANGEROUS)
def test_formula_like_text_gets_a_leading_quote(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Anna", "tekst met = en - erin", "", "'al gequote"])
def test_other_text_is_left_alone(value):
    assert neutralise(value) == value


def test_csv_is_utf8_with_bom_semicolons_and_no_formulas():
    response = csv_response("Aanmeldingen voorjaar 2027", HEADER, ROWS)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="aanmeldingen-voorjaar-2027.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))

    assert rows[0] == ["Naam", "'=Opmerking"]
    assert [row[0] for row in rows[1:7]] == ["'" + value for value in DANGEROUS]
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert rows[7:] == [
        ["Anna", ""],
        ["Bas", "ja"],
        ["Cor", "23-11-2026 10:30"],  # local time, Europe/Amsterdam
        ["Dien", "01-03-2027"],
        ["Eef", "42"],
        ["Frits", "tekst met = en - erin"],
    ]


def test_xlsx_cells_are_text_never_formulas():
    response = xlsx_response("Aanmeldingen", HEADER, ROWS + [["Gijs", "bel\x07letje"]], sheet_title="Aanmeldingen")

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="aanmeldingen.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Aanmeldingen"

    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert cells
    assert {cell.data_type for cell in cells} == {"s"}  # text cells: shown, never run
    assert sheet["B1"].value == "=Opmerking"
    # As typed, without a quote in front (XML turns the carriage return into a line feed).
    expected = [value.replace("\r", "\n") for value in DANGEROUS]
    assert [sheet.cell(row=n, column=1).value for n in range(2, 8)] == expected
    assert sheet["B10"].value == "23-11-2026 10:30"
    assert sheet["A12"].value == "Eef" and sheet["B12"].value == "42"
    assert sheet["B14"].value == "belletje"  # a control character XLSX cannot hold is dropped


def test_formula_cells_read_back_by_openpyxl_are_not_formulas():
    # openpyxl reads "=..." stored as a formula back as data_type "f"; ours must not be.
    sheet = load_workbook(io.BytesIO(xlsx_response("x", ["a"], [["=1+1"]]).content)).active
    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].value == "=1+1"


@pytest.mark.parametrize(
    ("name", "extension", "expected"),
    [
        ("Aanmeldingen voorjaar 2027!", "csv", "aanmeldingen-voorjaar-2027.csv"),
        ("../../etc/passwd", "csv", "etcpasswd.csv"),
        ('a"b;\r\nContent-Type: text/html', "xlsx", "ab-content-type-texthtml.xlsx"),
        ("export.csv", "csv", "export.csv"),
        ("Één café", "csv", "een-cafe.csv"),
        ("", "csv", "export.csv"),
        ("!!!", "xlsx", "export.xlsx"),
    ],
)
def test_filenames_are_safe(name, extension, expected):
    assert safe_filename(name, extension) == expected


def test_local_time_is_amsterdam(settings):
    assert settings.TIME_ZONE == "Europe/Amsterdam"
    assert ZoneInfo(settings.TIME_ZONE)


@pytest.mark.parametrize("control", ["\x07", "\x00", "\x1b", "\x0b\x0c"])
def test_a_control_character_cannot_hide_a_formula_from_the_guard(control):
    dangerous = control + '=HYPERLINK("https://kwaad.example","klik")'

    (_, csv_row) = list(
        csv.reader(io.StringIO(csv_response("x", ["Naam"], [[dangerous]]).content.decode("utf-8-sig")), delimiter=";")
    )
    sheet = load_workbook(io.BytesIO(xlsx_response("x", ["Naam"], [[dangerous]]).content)).active

    assert csv_row[0] == '\'=HYPERLINK("https://kwaad.example","klik")'
    assert sheet.cell(row=2, column=1).value == '=HYPERLINK("https://kwaad.example","klik")'
    assert sheet.cell(row=2, column=1).data_type == "s"


def test_a_phone_number_in_xlsx_shows_as_typed():
    sheet = load_workbook(io.BytesIO(xlsx_response("x", ["Telefoon"], [["+31 6 12345678"]]).content)).active
    assert (sheet["A2"].value, sheet["A2"].data_type) == ("+31 6 12345678", "s")
