"""How fresh the map's facts are: the latest day a record was confirmed (checked against a
source, or seen in an import), whether that is older than an age the analyst chooses, and
whether work "running" on a day after that is only the last thing known of it."""

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from service.errors import BadInput

# Facts last confirmed longer ago than this are said to be stale, unless asked otherwise.
STALE_YEARS = 2
# The ages one may ask about, in years.
MAX_YEARS = 100


class SeenLike(Protocol):
    @property
    def last_seen(self) -> str: ...


def last_confirmed(last_verified: str | None, seen: Iterable[SeenLike]) -> str | None:
    """The latest of the day it was verified and the days imports saw it (YYYY-MM-DD, or
    as partial as its verification date)."""
    days = [last_verified, *(s.last_seen[:10] for s in seen if s.last_seen)]
    known = [d for d in days if d]
    return max(known) if known else None


def stale(confirmed: str | None, years: int, today: date) -> bool:
    """Never confirmed, or confirmed before `years` ago (a partial date by its last day);
    BadInput for an age outside 0 to MAX_YEARS."""
    if not 0 <= years <= MAX_YEARS:
        raise BadInput(f"years: between 0 and {MAX_YEARS}, not {years}")
    if confirmed is None:
        return True
    limit = (
        today.replace(year=today.year - years)
        if not (today.month == 2 and today.day == 29)
        else date(today.year - years, 2, 28)
    )
    return _last_day(confirmed) < limit


def last_known(confirmed: str | None, day: date) -> bool:
    """Whether what the map says of a record on `day` rests on facts confirmed before it:
    then "running" is only the last thing known."""
    return confirmed is None or _last_day(confirmed) < day


def _last_day(partial: str) -> date:
    """The last day a partial date (YYYY, YYYY-MM or YYYY-MM-DD) can mean."""
    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(parts[0], 12, 31)
