"""People targeted and reached, as 3W sheets count them: `#targeted` and `#reached`
columns, in all or by sex (+f, +m) and age (+children, +adults, +elderly), added up over an
activity's rows in each country and kept on the initiative's REACHES relationship to it.

Only counts of people are read: a column counting households (+hh) or one population group
(+idps, +refugees, +pwd...) is not, since adding it to people in all would count twice.
Rows are added as the sheet gives them, so people reached by two activities of one
initiative are counted twice, as the sheet itself would count them; an empty cell is no
figure, never zero, and a fraction is rounded to whole people."""

from dataclasses import dataclass, field
from typing import Any

import hxl.model

from service.model.ids import country_id
from service.model.relationships import PEOPLE

_SEX = {"f": "female", "m": "male"}
_AGE = {"children": "children", "adults": "adults", "elderly": "elderly"}
# Sex and age together, in the words PeopleCounts uses.
_BOTH = {
    ("female", "children"): "girls",
    ("male", "children"): "boys",
    ("female", "adults"): "women",
    ("male", "adults"): "men",
    ("female", "elderly"): "older_women",
    ("male", "elderly"): "older_men",
}
# Attributes that say nothing of whom a column counts.
_NEUTRAL = frozenset({"total", "ind", "num", "all", "people", "persons", "value"})


def people_columns(tags: list[hxl.model.Column | None]) -> dict[str, int]:
    """The column of each count the sheet gives (the first one, if two give the same)."""
    found: dict[str, int] = {}
    for index, column in enumerate(tags):
        name = _count_of(column) if column is not None else None
        if name is not None:
            found.setdefault(name, index)
    return found


def _count_of(column: hxl.model.Column) -> str | None:
    if column.tag not in ("#targeted", "#reached"):
        return None
    attributes = set(column.attributes) - _NEUTRAL
    sexes = [_SEX[a] for a in attributes if a in _SEX]
    ages = [_AGE[a] for a in attributes if a in _AGE]
    if attributes - set(_SEX) - set(_AGE) or len(sexes) > 1 or len(ages) > 1:
        return None  # households, one population group, or both sexes named at once
    group = _BOTH.get((sexes[0], ages[0])) if sexes and ages else (sexes or ages or [""])[0]
    name = f"{column.tag[1:]}_{group}" if group else column.tag[1:]
    return name if name in PEOPLE else None


def count(text: str | None, decimal_comma: bool = False) -> int | None:
    """A count of people from a cell ('1,234', '65.0', '1.234,5' or '12,5' where the comma
    marks decimals); None if it holds none; ValueError if it holds something else. A
    fraction (a sheet's formula splitting a total by sex or age) is rounded to whole
    people, cell by cell."""
    if text is None or not text.strip():
        return None
    # Below zero, or not a number at all, is no count (a sheet's formula gone wrong).
    number = float(number_text(text, decimal_comma))
    if number < 0 or number != number or number in (float("inf"), float("-inf")):
        raise ValueError(text)
    return round(number)


def number_text(text: str, decimal_comma: bool = False) -> str:
    """A number as written in any locale, as Python reads it: spaces and thousands
    separators taken out, the decimal mark a dot. The decimal mark is the last of '.' and
    ',' when a cell holds both; a comma alone is one when the file writes decimals so (a
    CSV file separated by ';') or when it is not followed by exactly three digits
    ('12,5'), else it separates thousands ('1,234')."""
    bare = "".join(text.split()).replace("\u202f", "").replace("'", "")
    dot, comma = bare.rfind("."), bare.rfind(",")
    if dot >= 0 and comma >= 0:
        decimal = "." if dot > comma else ","
    else:
        mark = "," if comma >= 0 else "."
        after = len(bare) - bare.rfind(mark) - 1
        # One mark followed by other than three digits is a decimal mark; so is the
        # file's own (a comma where the file writes decimals with one, a dot elsewhere).
        own = (mark == ",") == decimal_comma
        decimal = mark if bare.count(mark) == 1 and (after != 3 or own) else ""
    thousands = "," if decimal == "." else "." if decimal == "," else ".,"
    for separator in thousands:
        bare = bare.replace(separator, "")
    return bare.replace(",", ".")


@dataclass
class PlaceCounts:
    """The counts of one initiative in one place, added up over its rows."""

    first_row: str
    rows: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, counts: dict[str, int]) -> None:
        self.rows += 1
        for name, value in counts.items():
            self.counts[name] = self.counts.get(name, 0) + value

    def values(
        self, initiative: str, place: str, file: str, citing: dict[str, Any]
    ) -> dict[str, Any]:
        rows = "its row" if self.rows == 1 else f"{self.rows} rows, the first"
        note = f"People counted in {file}: the sum of {rows} at {self.first_row}."
        return {
            "from": initiative,
            "type": "REACHES",
            "to": country_id(place),
            **self.counts,
            **citing,
            "note": note,
        }
