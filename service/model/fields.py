"""The field types every record shares, and the base every record and input is checked
with: ids, partial dates and the days they span, non-empty text, and `Strict`, which
refuses unknown fields and control characters."""

import calendar
import re
import unicodedata
from datetime import date
from functools import lru_cache
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_ID = re.compile(r"^[a-z-]+:[A-Za-z0-9.-]+$")
# Control characters (NUL and the rest, but not tab and line breaks) have no place in a
# name or a note: they break exports, searches and the screens that show them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _partial_date(value: str) -> str:
    if not _PARTIAL_DATE.match(value):
        raise ValueError("dates are written YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _map_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError("ids are written kind:key, such as organization:ilo")
    return value


PartialDate = Annotated[str, AfterValidator(_partial_date)]
MapId = Annotated[str, AfterValidator(_map_id)]
Text = Annotated[str, Field(min_length=1)]
# What a citation says about its source, in the map's own words.
Note = Annotated[str, Field(min_length=3, max_length=300)]


def _printable(value: Any) -> Any:
    if isinstance(value, str) and (found := _CONTROL.search(value)):
        raise ValueError(f"contains the control character U+{ord(found.group()):04X}; remove it")
    if isinstance(value, list | tuple):
        for item in value:
            _printable(item)
    return value


class Strict(BaseModel):
    """A record or input: unknown fields refused, nothing changed once checked, no control
    characters in any text, and value lists stored as their plain strings."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True)

    @field_validator("*", mode="before")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        return _printable(value)


# The properties stored as dates (the bounds date_bounds and kinds.due_on work out from
# partial dates); every other property holding a date is its text, as given.
STORED_AS_DATES = frozenset({"start_on", "end_on", "due_on"})


def date_bounds(start: str | None, end: str | None) -> dict[str, date | None]:
    """The first day a partial start date can mean and the last day a partial end date can
    mean, so that "active on" questions can compare real dates."""
    return {
        "start_on": _first_day(start) if start else None,
        "end_on": _last_day(end) if end else None,
    }


def ended(until: str | None, today: date) -> bool:
    """Whether something held until a partial date has ended by `today` (an "until 2018"
    runs to the last day of 2018)."""
    return until is not None and _last_day(str(until)) < today


def _first_day(partial: str) -> date:
    parts = [int(p) for p in partial.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _last_day(partial: str) -> date:
    parts = [int(p) for p in partial.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return date(year, month, day)


def camel_case(name: str) -> str:
    """A field's name as GraphQL clients spell it: `sdg_targets` is `sdgTargets`."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


@lru_cache(maxsize=65_536)
def plain(text: str) -> str:
    """A name as names are compared: lower case, no accents, punctuation as spaces, single
    spaces. Letters of every script are kept, so two names written in Arabic or Cyrillic
    stay two names (dropping what is not Latin once made them both empty, one record)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())
