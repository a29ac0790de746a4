import csv
import io

from openpyxl import load_workbook

from vernetzt.core.exports import csv_response, safe_cell, xlsx_response


def test_text_that_looks_like_a_formula_is_quoted_numbers_stay():
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("Räume") == "Räume"
    assert safe_cell(-5) == -5


def test_csv_and_xlsx_downloads_quote_hostile_text():
    header, rows = ["Text"], [["=cmd|' /C calc'!A0"], ["Bedarf"]]
    content = csv_response("x.csv", header, rows).content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(content))) == [["Text"], ["'=cmd|' /C calc'!A0"], ["Bedarf"]]
    workbook = load_workbook(io.BytesIO(xlsx_response("x.xlsx", header, rows, title="a/b").content))
    assert workbook.active.title == "ab"
    assert [row[0].value for row in workbook.active.iter_rows()][1] == "'=cmd|' /C calc'!A0"
