"""Spreadsheet downloads (CSV and XLSX) for every app, safe to open in Excel or LibreOffice."""

import csv
import io

from django.http import HttpResponse

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """Keep spreadsheet programs from running text as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _safe_rows(header, rows):
    yield [safe_cell(value) for value in header]
    for row in rows:
        yield [safe_cell(value) for value in row]


def xlsx_bytes(header, rows, *, title: str = "Export") -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 - only downloads need it

    workbook = Workbook(write_only=True)
    # Excel allows at most 31 characters and no []:*?/\ in a sheet title.
    sheet = workbook.create_sheet("".join(c for c in str(title) if c not in "[]:*?/\\")[:31])
    for row in _safe_rows(header, rows):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename: str, header, rows, *, title: str = "Export") -> HttpResponse:
    response = HttpResponse(xlsx_bytes(header, rows, title=title), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename: str, header, rows, *, delimiter: str = ",") -> HttpResponse:
    """UTF-8 with a byte order mark, so that Excel shows umlauts and Arabic correctly."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(_safe_rows(header, rows))
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
