"""OpenDocument spreadsheets (`.ods`, what LibreOffice saves), read as each sheet's rows of
text cells, the same shape as an XLSX workbook's: a zip holding `content.xml`, parsed with
defusedxml. Dates are kept as YYYY-MM-DD, whole numbers without '.0'; a run of repeated
cells or rows (how the format writes the empty rest of a sheet) is taken up to the last one
holding something."""

import io
import zipfile
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from service.errors import ImportInvalid, Problem

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
# More repeats than any sheet holds data for: the format's way of saying "empty to the end".
_MOST_REPEATED = 1_000


def read_ods(file: str, data: bytes, rows: int | None = None) -> dict[str | None, list[list[str]]]:
    """Each sheet's rows as text, or only their first `rows`; ImportInvalid if the file is
    no OpenDocument spreadsheet."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
        root = ElementTree.fromstring(content)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, DefusedXmlException) as error:
        reason = f"not readable as an OpenDocument spreadsheet: {error}"
        raise ImportInvalid([Problem(file, None, None, reason)]) from None
    return {table.get(f"{_TABLE}name"): _rows(table, rows) for table in root.iter(f"{_TABLE}table")}


def _rows(table: Element, most: int | None) -> list[list[str]]:
    found: list[list[str]] = []
    for row in table.iter(f"{_TABLE}table-row"):
        cells: list[str] = []
        for cell in row:
            if cell.tag not in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                continue
            text = _text(cell)
            cells += [text] * _repeated(cell, "number-columns-repeated", text)
        while cells and not cells[-1]:
            cells.pop()
        found += [cells] * _repeated(row, "number-rows-repeated", "x" if cells else "")
        if most is not None and len(found) >= most:
            return found[:most]
    while found and not found[-1]:
        found.pop()
    return found


def _repeated(element: Element, attribute: str, text: str) -> int:
    times = int(element.get(f"{_TABLE}{attribute}", "1"))
    return times if text or times <= _MOST_REPEATED else 1


def _text(cell: Element) -> str:
    kind = cell.get(f"{_OFFICE}value-type")
    if kind == "date":
        return (cell.get(f"{_OFFICE}date-value") or "")[:10]
    if kind in ("float", "percentage", "currency"):
        value = cell.get(f"{_OFFICE}value") or ""
        try:
            number = float(value)
        except ValueError:
            return value
        return str(int(number)) if number.is_integer() else value
    return "\n".join("".join(p.itertext()) for p in cell.iter(f"{_TEXT}p")).strip()
