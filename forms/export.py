"""CSV and XLSX downloads for editors that neutralise spreadsheet formulas.

A resident can type ``=HYPERLINK("https://...")`` into a form; opened in a
spreadsheet, an export must show that text, never run it. So every text cell
in a CSV file that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading ``'`` (OWASP's advice for CSV injection). Control
characters (which XLSX cannot hold) are removed first, so that none can hide
a formula character from the guard. In XLSX every cell is written as a text
cell (``data_type "s"``), which a spreadsheet shows and never runs, so the
text stays as typed: a phone number ``+31 6 ...`` without a ``'`` in front.

CSV is written for Dutch Excel: UTF-8 with a byte-order mark (so accents
survive) and ``;`` as separator (Dutch Excel uses the comma as decimal
separator and expects ``;`` between fields). LibreOffice reads it too.

Values: ``None`` becomes empty, ``True``/``False`` "ja"/"nee", dates and
times ``dd-mm-jjjj [uu:mm]`` in the site's time zone, everything else ``str()``.

``csv_response(filename, header, rows)`` and ``xlsx_response(filename,
header, rows, sheet_title=...)`` return an ``HttpResponse`` with a safe
``Content-Disposition`` filename (letters, digits, ``-`` and ``_`` only).
"""

import csv
import datetime
import io
import re

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def answer_text(value):
    """A form answer as one line of text (a list of choices joined), for a mail or a cell."""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return value


def neutralise(value):
    """A text cell that a spreadsheet would read as a formula gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def cell_text(value, guard=True):
    """The text of one cell (see the module docstring); with ``guard``, neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    # Strip first, then guard: "\x07=HYPERLINK(...)" must not come out as "=HYPERLINK(...)".
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return neutralise(text) if guard else text


def safe_filename(filename, extension):
    """``"Aanmeldingen voorjaar 2027!"`` -> ``"aanmeldingen-voorjaar-2027.csv"``."""
    stem = filename
    if stem.lower().endswith(f".{extension}"):
        stem = stem[: -len(extension) - 1]
    stem = slugify(stem)[:80].strip("-") or "export"
    return f"{stem}.{extension}"


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def csv_bytes(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([cell_text(value) for value in header])
    for row in rows:
        writer.writerow([cell_text(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def csv_response(filename, header, rows):
    return _download(csv_bytes(header, rows), "text/csv; charset=utf-8", safe_filename(filename, "csv"))


def xlsx_bytes(header, rows, sheet_title="Export"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = re.sub(r"[\[\]:*?/\\]", "", sheet_title)[:31] or "Export"
    for row_number, row in enumerate([header, *rows], start=1):
        for column_number, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column_number)
            cell.value = cell_text(value, guard=False)
            cell.data_type = "s"  # text, whatever the value looks like: shown, never run
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename, header, rows, sheet_title="Export"):
    return _download(xlsx_bytes(header, rows, sheet_title), XLSX_CONTENT_TYPE, safe_filename(filename, "xlsx"))
