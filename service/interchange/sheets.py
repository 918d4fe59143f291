"""A 3W sheet as a table of text cells with a hashtag for each column, whatever the file:
CSV, or an XLSX workbook (openpyxl) or OpenDocument spreadsheet (.ods) of which one sheet
holds the data. The hashtag row may be anywhere in the first 25 rows (after titles,
legends, headings, a row of Excel errors) or be the header itself; a sheet without hashtags
is read through the headings the field uses (`seed/field_words.yaml`). Of a workbook's
sheets, the one the user names is read, else the one whose columns say most about who does
what where."""

import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import PurePath
from typing import Any

import hxl.model
import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from service.errors import ImportInvalid, Problem
from service.interchange.ods import read_ods
from service.interchange.rows import decode, read_table
from service.interchange.vocabulary import Vocabulary

# How far down a sheet its hashtag or heading row may be.
_HEADER_ROWS = 25
_EXCEL_EPOCH = date(1899, 12, 30)
# Columns that make a sheet a 3W: who, what, where.
_TELLING = ("#org", "#activity", "#sector", "#country", "#adm1", "#adm2")


@dataclass(frozen=True)
class Sheet:
    """One table: its name in the workbook (None for a CSV file), its rows, and where its
    data starts (the row after the hashtag or heading row), with a hashtag per column."""

    name: str | None
    rows: list[list[str]]
    first_data_row: int
    tags: list[hxl.model.Column | None]
    from_headings: bool

    def where(self, index: int) -> str:
        """A row as the user finds it in the file: 'sheet X, row 12' or 'row 12'."""
        row = f"row {index + 1}"
        return f"sheet {self.name}, {row}" if self.name else row


def is_xlsx(name: str) -> bool:
    return PurePath(name).suffix.lower() in (".xlsx", ".xlsm")


def is_workbook(name: str) -> bool:
    """An XLSX workbook or an OpenDocument spreadsheet (.ods)."""
    return is_xlsx(name) or PurePath(name).suffix.lower() == ".ods"


def read_sheet(file: str, data: bytes, vocabulary: Vocabulary, wanted: str | None) -> Sheet:
    """The sheet of the file that holds the 3W; ImportInvalid if there is none."""
    # A workbook's sheets are chosen from their first rows, then the one chosen is read.
    tables: dict[str | None, list[list[str]]] = (
        _workbook(file, data, _HEADER_ROWS + 1) if is_workbook(file) else {None: _csv(file, data)}
    )
    if wanted is not None:
        if wanted not in tables:
            names = ", ".join(str(n) for n in tables)
            raise ImportInvalid(
                [Problem(file, None, "sheet", f"no sheet '{wanted}'; it has {names}")]
            )
        tables = {wanted: tables[wanted]}
    found = [s for name, rows in tables.items() if (s := _tagged(name, rows, vocabulary))]
    if not found:
        raise ImportInvalid(
            [
                Problem(
                    file,
                    None,
                    None,
                    "no row of HXL hashtags (#org, #activity...) and no row of the column "
                    "headings 3W sheets use (Organization, Activity, Sector...)",
                )
            ]
        )
    best = max(found, key=_telling)
    if is_workbook(file):
        rows = _workbook(file, data, only=best.name)[best.name]
        best = Sheet(best.name, rows, best.first_data_row, best.tags, best.from_headings)
    return best


def looks_like_3w(file: str, text: str, vocabulary: Vocabulary) -> bool:
    """A CSV file with a hashtag row, or a row of 3W headings naming who and what."""
    sheet = _tagged(None, read_table(file, text), vocabulary)
    return sheet is not None and _telling(sheet)[0] >= 2


def _telling(sheet: Sheet) -> tuple[int, int]:
    """How much a sheet says of who does what where; hashtags win a tie over headings."""
    tags = {t.tag for t in sheet.tags if t is not None}
    return sum(t in tags for t in _TELLING), int(not sheet.from_headings)


def _tagged(name: str | None, rows: list[list[str]], vocabulary: Vocabulary) -> Sheet | None:
    for index, row in enumerate(rows[:_HEADER_ROWS]):
        cells = [c.strip() for c in row if c.strip()]
        tags = [_hashtag(c) for c in row]
        read = sum(t is not None for t in tags)
        # A row of hashtags, anywhere in the first rows (after titles, legends, a row of
        # Excel errors such as #VALUE!, which are no tags) or as the header itself; a cell
        # or two that is no tag (one ending in "?", a "Comments" column) does not make it
        # something else.
        if read >= 2 and read * 2 >= len(cells):
            return Sheet(name, rows, index + 1, tags, from_headings=False)
    for index, row in enumerate(rows[:_HEADER_ROWS]):
        named = [vocabulary.heading(c) if c.strip() else None for c in row]
        tags = [hxl.model.Column.parse(t) if t else None for t in named]
        found = {t.tag for t in tags if t is not None}
        if "#activity" in found and "#org" in found:
            return Sheet(name, rows, index + 1, tags, from_headings=True)
    return None


def _hashtag(cell: str) -> hxl.model.Column | None:
    """An HXL hashtag, with any spaces or tabs the field wrote inside it (`#org +impl`,
    `#sector\t`) taken out, since no tag or attribute holds one; None if it is no tag."""
    text = "".join(cell.split())
    return (hxl.model.Column.parse(text) or None) if text.startswith("#") else None


def _csv(file: str, data: bytes) -> list[list[str]]:
    return read_table(file, decode(file, data))


def _workbook(
    file: str, data: bytes, rows: int | None = None, only: str | None = None
) -> dict[str | None, list[list[str]]]:
    """Each sheet's rows as text (or only sheet `only`'s), or only their first `rows`."""
    if not is_xlsx(file):
        sheets = read_ods(file, data, rows)
        return {k: v for k, v in sheets.items() if only is None or k == only}
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as error:
        reason = f"not readable as an XLSX workbook: {error}"
        raise ImportInvalid([Problem(file, None, None, reason)]) from None
    try:
        return {
            sheet.title: [
                [_cell(v) for v in row] for row in sheet.iter_rows(max_row=rows, values_only=True)
            ]
            for sheet in book.worksheets
            if only is None or sheet.title == only
        }
    finally:
        book.close()


def _cell(value: Any) -> str:
    """A cell as text: dates as YYYY-MM-DD, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def excel_date(text: str) -> str | None:
    """A date cell holding an Excel serial number (44167 is 2020-12-02), as YYYY-MM-DD."""
    if text.isdigit() and 20000 <= int(text) <= 80000:
        return (_EXCEL_EPOCH + timedelta(days=int(text))).isoformat()
    return None
