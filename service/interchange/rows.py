"""The rows every reader produces, in the map's own words: a record of one kind, or a
relationship, each with the place in its file it came from so a problem can be pointed at.
The columns of the map's CSV and JSON files are made here from the kinds' drafts
(`service.model.kinds`)."""

import codecs
import csv
import io
from dataclasses import dataclass, field
from typing import Any, get_args, get_origin

from service.errors import ImportInvalid, Problem
from service.model.kinds import DRAFTS
from service.model.relationships import EXTRA_PROPERTIES

# The file for each kind, in the order they are read and written (sources first: records
# cite them; relationships last: they join records).
KIND_FILES = {draft.FILE: kind for kind, draft in DRAFTS.items()}
FILE_OF_KIND = {kind: name for name, kind in KIND_FILES.items()}
RELATIONSHIPS = "relationships"
CITATION = ("source", "section", "note")
# The file of where imports saw each fact (service/interchange/seen.py), which the map's
# CSV and JSON exports carry so that a map restored from them keeps it; its rows' kind.
SEEN = "seen"
# One note: a fact (a record, or a relationship by its key, on its start node) seen in a
# file, where and as written, when first and last, how many times.
SEEN_NOTE = (
    "node",
    "fact",
    "file",
    "where",
    "original",
    "activity",
    "first_seen",
    "last_seen",
    "times",
)
SEEN_COLUMNS = (
    *SEEN_NOTE,
    "file_first_imported",
    "file_last_imported",
    "file_imports",
)
# A relationship's ends, what it carries (roles, seats, money, people), and its citation.
RELATIONSHIP_COLUMNS = ("from", "type", "to", *EXTRA_PROPERTIES, *CITATION)
# Fields that hold countries, written as ISO 3166 alpha-3 codes.
COUNTRY_FIELDS = {"based_in", "countries", "held_in"}


# A cell that clears its field on import; an empty cell keeps what the map holds.
CLEAR = "[clear]"


def columns(kind: str) -> list[str]:
    """The header of a kind's file: id, the version it was read at (optional on import;
    when given, the import is refused if the map has moved on), the record's fields, then
    its citation."""
    fields = [f for f in DRAFTS[kind].model_fields if f not in ("key", "cited")]
    cited = list(CITATION) if "cited" in DRAFTS[kind].model_fields else []
    return ["id", "version", *fields, *cited]


def list_fields(kind: str) -> set[str]:
    """The fields that hold several values ('|' between them in CSV)."""
    found = set()
    for name, info in DRAFTS[kind].model_fields.items():
        annotation = info.annotation
        options = get_args(annotation) if get_origin(annotation) is not list else (annotation,)
        if any(get_origin(option) is list for option in (annotation, *options)):
            found.add(name)
    return found - {"cited"}


@dataclass
class Row:
    """One record (kind set) or relationship (kind None), as plain values."""

    file: str
    where: str
    kind: str | None
    values: dict[str, Any] = field(default_factory=dict)
    # Problems the reader found with this row, as (field, reason): the checks refuse the row
    # (and what names it), and the rest of the import goes in (plan.plan_what_passes).
    issues: list[tuple[str, str]] = field(default_factory=list)
    # Why the reader left this row out (a row naming no organization, a place that is no
    # country), as (field, reason): it is not imported, and the report lists it.
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # The text the file holds for it, by column or element, as written (the values above
    # are cleaned: a country's name becomes its code, an organization's name its id); kept
    # as the fact's provenance (service/interchange/seen.py).
    original: dict[str, list[str]] = field(default_factory=dict)
    # The other rows of the file that say the same record (a 3W initiative is made of
    # every row of its activity).
    also: list[str] = field(default_factory=list)

    def problem(self, field_name: str | None, message: str) -> Problem:
        return Problem(self.file, self.where, field_name, message)


# Byte-order marks and their encodings, the 4-byte ones first (UTF-32's begins as UTF-16's).
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(name: str, data: bytes) -> str:
    """A text file as the field saves it: UTF-8, or any encoding its byte-order mark names
    (Excel's "Unicode text" is UTF-16 with one); ImportInvalid naming the file otherwise."""
    codec = next((c for mark, c in _MARKS if data.startswith(mark)), "utf-8")
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        reason = f"not {codec.upper().removesuffix('-SIG')} text: {error.reason}"
        raise ImportInvalid([Problem(name, None, None, reason)]) from None


def separator(text: str) -> str:
    """The cell separator of a CSV file: a comma, or the semicolon (or tab) spreadsheets
    write where the comma is the decimal mark, when the first lines hold more of it."""
    first = "\n".join(text.lstrip("\ufeff").split("\n", 5)[:5])
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > counts[","] else ","


def read_table(name: str, text: str) -> list[list[str]]:
    """A CSV file's rows as lists of cells; ImportInvalid naming the file and line if it
    cannot be read (a cell longer than the csv module takes, a broken quote)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=separator(text))
    try:
        return list(reader)
    except csv.Error as error:
        line = f"line {reader.line_num}"
        limit = csv.field_size_limit()
        reason = (
            f"a cell longer than {limit:,} characters; no field on the map is that long"
            if "field larger than field limit" in str(error)
            else f"not readable as CSV: {error}"
        )
        raise ImportInvalid([Problem(name, line, None, reason)]) from None
