"""The map's own CSV and JSON files. CSV: one file per kind, named for it
(`organizations.csv`, ..., `relationships.csv`), with the header from `rows.columns`;
several values in one cell are separated by ' | '. JSON: the same records as objects, a list
per file, or one document holding a list per kind (what export writes)."""

import csv
import io
import json
from pathlib import PurePath
from typing import Any

import orjson

from service.errors import ImportInvalid, Problem
from service.interchange.rows import (
    KIND_FILES,
    RELATIONSHIP_COLUMNS,
    RELATIONSHIPS,
    SEEN,
    SEEN_COLUMNS,
    Row,
    columns,
    list_fields,
    read_table,
)

SEPARATOR = " | "


def kind_of_file(name: str) -> str | None:
    """The kind a file holds, from its name; None for the relationships file, SEEN for
    where imports saw each fact."""
    stem = PurePath(name).stem
    if stem == RELATIONSHIPS:
        return None
    if stem == SEEN:
        return SEEN
    if stem not in KIND_FILES:
        known = ", ".join([*KIND_FILES, RELATIONSHIPS, SEEN])
        raise ImportInvalid(
            [Problem(name, None, None, f"name the file for what it holds: {known}")]
        )
    return KIND_FILES[stem]


def read_csv(name: str, text: str) -> list[Row]:
    kind = kind_of_file(name)
    table = read_table(name, text)
    header = [c.strip() for c in table[0]] if table else []
    expected = _header(kind)
    given = set(header) - {""}
    required = (
        {"node", "fact", "file"} if kind == SEEN else {"id"} if kind else {"from", "type", "to"}
    )
    problems = [
        Problem(name, "header", c, f"unknown column; the columns are {', '.join(expected)}")
        for c in sorted(given - set(expected))
    ] + [Problem(name, "header", c, "this column is needed") for c in sorted(required - given)]
    problems += [
        Problem(name, f"row {n}", None, f"{len(cells)} cells, but the header has {len(header)}")
        for n, cells in enumerate(table[1:], 2)
        if len(cells) > len(header)
    ]
    if problems:
        raise ImportInvalid(problems)
    several = {"where"} if kind == SEEN else list_fields(kind) if kind else set()
    return _marked(name, kind) + [
        Row(
            name,
            f"row {n}",
            kind,
            {k: _cell(v, k in several) for k, v in zip(header, cells, strict=False) if k},
        )
        for n, cells in enumerate(table[1:], 2)
        if any(c.strip() for c in cells)
    ]


def _header(kind: str | None) -> list[str]:
    if kind == SEEN:
        return list(SEEN_COLUMNS)
    return columns(kind) if kind else list(RELATIONSHIP_COLUMNS)


def _marked(name: str, kind: str | None) -> list[Row]:
    """A file of where facts were seen, even an empty one, says the import restores them
    (a map's export coming back): this row, with no values, marks it."""
    return [Row(name, SEEN, SEEN)] if kind == SEEN else []


def _cell(value: str | None, several: bool) -> Any:
    text = _undefused((value or "").strip())
    if several:
        return [part.strip() for part in text.split("|") if part.strip()]
    return text or None


def read_json(name: str, text: str) -> list[Row]:
    try:
        # orjson refuses nesting deeper than 1,024 levels with a decode error, where the
        # standard library would run out of stack.
        document = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        reason = (
            "nested more than 1,024 levels deep; the map's files nest three"
            if "depth" in error.msg or "recursion" in error.msg.lower()
            else error.msg
        )
        raise ImportInvalid([Problem(name, f"line {error.lineno}", None, reason)]) from None
    if isinstance(document, list):
        return _json_rows(name, kind_of_file(name), document)
    if not isinstance(document, dict):
        raise ImportInvalid([Problem(name, None, None, "expected a list, or an object of lists")])
    found = []
    for part, records in document.items():
        found += _json_rows(name, kind_of_file(part), records, part)
    return found


def _json_rows(name: str, kind: str | None, records: Any, part: str = "") -> list[Row]:
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ImportInvalid([Problem(name, part or None, None, "expected a list of objects")])
    prefix = f"{part}" if part else ""
    rows = [Row(name, f"{prefix}[{i}]", kind, dict(r)) for i, r in enumerate(records)]
    return _marked(name, kind) + rows


def write_csv(kind: str | None, records: list[dict[str, Any]]) -> str:
    header = _header(kind)
    out = io.StringIO()
    writer = csv.DictWriter(out, header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _text(v) for k, v in record.items()})
    return out.getvalue()


def write_rows(rows: list[list[Any]]) -> str:
    """Plain rows as CSV, each cell defused as `write_csv` does."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[_text(v) for v in row] for row in rows])
    return out.getvalue()


def _text(value: Any) -> str:
    if isinstance(value, list):
        return _defused(SEPARATOR.join(str(v) for v in value))
    return "" if value is None else _defused(str(value))


# A cell a spreadsheet would run as a formula is written with a leading apostrophe, which
# reading takes off again, so exports are safe to open and still import unchanged.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defused(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _undefused(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def write_json(files: dict[str, list[dict[str, Any]]]) -> str:
    return json.dumps(files, indent=2, ensure_ascii=False, default=str) + "\n"
