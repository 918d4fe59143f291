"""A 3W sheet as a table of text cells with a hashtag for each column, whatever the file:
CSV, or a workbook (XLSX, XLS or OpenDocument, read with python-calamine) of which one sheet
holds the data. The hashtag row may be anywhere in the first 25 rows (after titles,
legends, headings, a row of Excel errors) or be the header itself; columns it leaves
untagged, and sheets without hashtags, are read through the headings the field uses in
English, French, Spanish and Portuguese (`seed/field_words.yaml`). Of a workbook's sheets,
the one the user names is read, else the one that looks most like a 3W table: the most
columns saying who does what where, then the most rows naming an organization (so a
pivot, a lookup list or a copy of a few rows loses to the data)."""

import io
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import PurePath
from typing import Any

import hxl.model
import python_calamine

from service.errors import ImportInvalid, Problem
from service.interchange.rows import decode, read_table, separator
from service.interchange.vocabulary import Vocabulary

# How far down a sheet its hashtag or heading row may be.
_HEADER_ROWS = 25
_EXCEL_EPOCH = date(1899, 12, 30)
# What a 3W says, and the tags that say each: who, what, where, when.
_TELLING = {
    "who": ("#org",),
    "what": ("#activity", "#sector"),
    "where": ("#country", "#adm0", "#adm1", "#adm2", "#adm3"),
    "when": ("#date",),
}
_WORKBOOKS = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")


@dataclass(frozen=True)
class Sheet:
    """One table: its name in the workbook (None for a CSV file), its rows, and where its
    data starts (the row after the hashtag or heading row), with a hashtag per column.
    `headed`: the columns read from their heading rather than a hashtag; `decimal_comma`:
    numbers are written with a comma before their decimals (a CSV file separated by `;`)."""

    name: str | None
    rows: list[list[str]]
    first_data_row: int
    tags: list[hxl.model.Column | None]
    from_headings: bool
    headed: frozenset[int] = field(default_factory=frozenset)
    decimal_comma: bool = False

    def where(self, index: int) -> str:
        """A row as the user finds it in the file: 'sheet X, row 12' or 'row 12'."""
        row = f"row {index + 1}"
        return f"sheet {self.name}, {row}" if self.name else row

    def says(self) -> set[str]:
        """What the sheet's columns say of who does what where and when."""
        tags = {t.tag for t in self.tags if t is not None}
        return {what for what, named in _TELLING.items() if tags & set(named)}


def is_workbook(name: str) -> bool:
    """An XLSX, XLS or XLSB workbook or an OpenDocument spreadsheet (.ods)."""
    return PurePath(name).suffix.lower() in _WORKBOOKS


def read_sheet(file: str, data: bytes, vocabulary: Vocabulary, wanted: str | None) -> Sheet:
    """The sheet of the file that holds the 3W; ImportInvalid if there is none."""
    comma = False
    tables: dict[str | None, list[list[Any]]]
    if is_workbook(file):
        tables = _workbook(file, data)
    else:
        text = decode(file, data)
        tables, comma = {None: read_table(file, text)}, separator(text) == ";"
    if wanted is not None:
        if wanted not in tables:
            names = ", ".join(str(n) for n in tables)
            raise ImportInvalid(
                [Problem(file, None, "sheet", f"no sheet '{wanted}'; it has {names}")]
            )
        tables = {wanted: tables[wanted]}
    found = [s for name, rows in tables.items() if (s := _header(name, rows, vocabulary, comma))]
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
    best = max(found, key=_score)
    # Only the sheet read is made text whole: the others were judged on their first rows.
    return replace(best, rows=[[_cell(v) for v in row] for row in best.rows])


def looks_like_3w(file: str, text: str, vocabulary: Vocabulary) -> bool:
    """A CSV file with a hashtag row, or a row of 3W headings naming who, and what or
    where."""
    sheet = _header(None, read_table(file, text), vocabulary, False)
    says = sheet.says() if sheet is not None else set()
    return "who" in says and bool(says & {"what", "where"})


def _score(sheet: Sheet) -> tuple[int, int, int]:
    """How much a sheet looks like a 3W table: what its columns say, whether it has
    hashtags (a tie goes to the tagged sheet), and how many rows name an organization."""
    orgs = [i for i, t in enumerate(sheet.tags) if t is not None and t.tag == "#org"]
    named = sum(
        any(i < len(row) and _cell(row[i]).strip() for i in orgs)
        for row in sheet.rows[sheet.first_data_row :]
    )
    return len(sheet.says()), int(not sheet.from_headings), named


def _header(
    name: str | None, rows: list[list[Any]], vocabulary: Vocabulary, comma: bool
) -> Sheet | None:
    """The sheet with its hashtag or heading row found; its rows as the file holds them
    (text once it is chosen)."""
    top = [[_cell(v) for v in row] for row in rows[:_HEADER_ROWS]]
    for index, row in enumerate(top):
        cells = [c.strip() for c in row if c.strip()]
        tags = [_hashtag(c) for c in row]
        read = sum(t is not None for t in tags)
        # A row of hashtags, anywhere in the first rows (after titles, legends, a row of
        # Excel errors such as #VALUE!, which are no tags) or as the header itself; a cell
        # or two that is no tag (one ending in "?", a "Comments" column) does not make it
        # something else.
        if read >= 2 and read * 2 >= len(cells):
            tags, headed = _with_headings(tags, top[:index], vocabulary)
            return Sheet(name, rows, index + 1, tags, False, headed, comma)
    if not top:
        return None
    # No hashtags: the row whose cells the field's headings read most of.
    readings = [[_heading(c, vocabulary) for c in row] for row in top]
    best = max(range(len(top)), key=lambda i: sum(t is not None for t in readings[i]))
    every = frozenset(range(len(top[best])))
    sheet = Sheet(name, rows, best + 1, readings[best], True, every, comma)
    return sheet if sheet.says() else None


def _with_headings(
    tags: list[hxl.model.Column | None], above: list[list[str]], vocabulary: Vocabulary
) -> tuple[list[hxl.model.Column | None], frozenset[int]]:
    """Tags where the sheet gives them, and for the columns it leaves untagged, the
    meaning of their heading in a row above (the nearest the vocabulary reads). A heading
    saying the column holds a type of organization wins over an #org tag: sheets were
    seen tagging a partner category as if it were the partner."""
    read = list(tags)
    headed = set()
    for index in range(len(tags)):
        for row in reversed(above):
            meaning = _heading(row[index], vocabulary) if index < len(row) else None
            if meaning is None:
                continue
            typed = meaning.tag == "#org" and "type" in meaning.attributes
            if read[index] is None or (typed and read[index].tag == "#org"):  # type: ignore[union-attr]
                read[index] = meaning
                headed.add(index)
            break
    return read, frozenset(headed)


def _heading(cell: str, vocabulary: Vocabulary) -> hxl.model.Column | None:
    named = vocabulary.heading(cell) if cell.strip() else None
    return hxl.model.Column.parse(named) if named else None


def _hashtag(cell: str) -> hxl.model.Column | None:
    """An HXL hashtag, with any spaces or tabs the field wrote inside it (`#org +impl`,
    `#sector\t`) taken out, since no tag or attribute holds one; None if it is no tag."""
    text = "".join(cell.split())
    return (hxl.model.Column.parse(text) or None) if text.startswith("#") else None


def _workbook(file: str, data: bytes) -> dict[str | None, list[list[Any]]]:
    """Each sheet's rows, from the row and column A1 on (so row numbers are the file's
    own), with the values the cells last showed (not their formulas)."""
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        return {
            name: book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            for name in book.sheet_names
        }
    except python_calamine.CalamineError as error:
        reason = f"not readable as a workbook (XLSX, XLS or ODS): {error}"
        raise ImportInvalid([Problem(file, None, None, reason)]) from None


def _cell(value: Any) -> str:
    """A cell as text: dates as YYYY-MM-DD, whole numbers without '.0'."""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, timedelta):
        return ""  # a duration is no date, name, place or count
    return "" if value is None else str(value)


def excel_date(text: str) -> str | None:
    """A date cell holding an Excel serial number (44167 is 2020-12-02), as YYYY-MM-DD."""
    if text.isdigit() and 20000 <= int(text) <= 80000:
        return (_EXCEL_EPOCH + timedelta(days=int(text))).isoformat()
    return None
