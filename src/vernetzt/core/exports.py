"""Spreadsheet downloads (CSV and XLSX) for every app, safe to open in Excel or LibreOffice."""

import csv
import io
from datetime import date, datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language_info

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """Keep spreadsheet programs from running text as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def local_time(value):
    """An aware datetime as local wall-clock time without seconds' fractions (naive, so that
    spreadsheets show it as a date and time); other values unchanged."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None, second=0, microsecond=0)
    return value


def language_name(code: str) -> str:
    """ "Arabisch" for "ar", in the current language; unknown codes as they are."""
    try:
        return str(get_language_info(code)["name_translated"]) if code else ""
    except KeyError:
        return code


def _text(value):
    """CSV cells: dates as "2026-12-12 10:00", everything else as it is."""
    value = local_time(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _safe_rows(header, rows, *, cell=_text):
    yield [safe_cell(value) for value in header]
    for row in rows:
        yield [safe_cell(cell(value)) for value in row]


def xlsx_bytes(header, rows, *, title: str = "Export") -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 - only downloads need it
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    workbook = Workbook(write_only=True)
    # Excel allows at most 31 characters and no []:*?/\ in a sheet title.
    sheet = workbook.create_sheet("".join(c for c in str(title) if c not in "[]:*?/\\")[:31])
    header = list(header)
    # The header row stays in view and has filter buttons; columns wide enough to read.
    sheet.freeze_panes = "A2"
    count = 0
    for column, label in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = max(
            12, min(40, len(str(label)) + 4)
        )
    for row in _safe_rows(header, rows, cell=local_time):
        sheet.append(row)
        count += 1
    if header:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(count, 1)}"
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
