"""What the Alliance asked to follow up: commitments and whether they are overdue, where
organizations stand with the Alliance and its bodies, who holds a seat for an
organization, and indicators with their observed values by place and year."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from service.db.driver import Database
from service.domain.directory import checked_id
from service.domain.filters import as_parameters, normalise, require_existing
from service.domain.pagination import Page, PageRequest
from service.domain.places import Matched, place_scope, placed
from service.domain.records import Provenance
from service.errors import BadInput
from service.model.fields import date_bounds
from service.model.records import MapRecord
from service.model.values import OPEN_COMMITMENTS

# The years an observed value may be asked for: published figures start in the 20th century,
# and a year past 2100 is a typing slip, said as such rather than answered with nothing.
FIRST_YEAR, LAST_YEAR = 1900, 2100


@dataclass(frozen=True)
class CommitmentFilter:
    """What narrows the list of commitments."""

    statuses: list[str] | None = None
    overdue_on: date | None = None
    organization: str | None = None
    action_group: str | None = None
    theme: str | None = None
    initiative: str | None = None
    country: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class CommitmentState:
    """Where a commitment stands: the latest of its own status and its progress updates,
    the date that is known from, and whether a progress update (a document) says so."""

    status: str
    since: str | None
    from_progress: bool


def current_state(props: dict[str, Any], updates: list[dict[str, Any]]) -> CommitmentState:
    """The latest word on a commitment: its record's status as of `status_since`, or a
    progress update as of its `since`, whichever is later (by the first day each date can
    mean; on the same day, or where the record's date is unknown, the update, a dated
    document, wins)."""
    state = CommitmentState(str(props["status"]), _text(props.get("status_since")), False)
    for update in sorted(updates, key=lambda u: _first_day(u.get("since"))):
        if _first_day(update.get("since")) >= _first_day(state.since):
            state = CommitmentState(str(update["progress"]), _text(update.get("since")), True)
    return state


def is_overdue(props: dict[str, Any], state: CommitmentState, day: date) -> bool:
    """Due before `day` and, as last known, still made or in progress."""
    due_on = props.get("due_on")
    return due_on is not None and str(due_on) < day.isoformat() and state.status in OPEN_COMMITMENTS


def _first_day(partial: Any) -> str:
    return str(date_bounds(str(partial), None)["start_on"]) if partial else ""


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


async def commitments(db: Database, given: CommitmentFilter, page: PageRequest) -> Page[MapRecord]:
    """Commitments by due date, filtered by their current state and paged; `overdue_on`
    keeps those due before the day and, as last known, still made or in progress."""
    initiative = given.initiative
    checked = await normalise(db, given)
    if initiative is not None:
        await require_existing(
            db, {"initiative": checked_id(initiative, "initiative", field="initiative")}
        )
    parameters = as_parameters(checked)
    for decided_here in ("statuses", "overdueOn"):
        parameters.pop(decided_here)
    rows = await db.read("commitments/matching", **await placed(db, parameters))
    kept = [MapRecord.from_row(r) for r in rows if _wanted(checked, r)]
    return Page(items=kept[page.skip : page.skip + page.limit], total=len(kept), skip=page.skip)


def _wanted(given: CommitmentFilter, row: dict[str, Any]) -> bool:
    state = current_state(row["props"], row["updates"])
    if given.statuses and state.status not in given.statuses:
        return False
    return given.overdue_on is None or is_overdue(row["props"], state, given.overdue_on)


@dataclass(frozen=True)
class Standing:
    """An organization's standing with the Alliance or one of its bodies."""

    organization: MapRecord
    body: MapRecord
    props: dict[str, Any]
    provenance: Provenance


async def memberships(
    db: Database, standings: list[str] | None, body: str | None
) -> list[Standing]:
    if body is not None:
        checked_id(body, "action-group", "organization", field="body")
        await require_existing(db, {"body": body})
    rows = await db.read("memberships/standing", standings=standings or None, body=body)
    return [
        Standing(
            MapRecord.from_row(r["organization"]),
            MapRecord.from_row(r["body"]),
            r["props"],
            Provenance.of(r["source"], r["props"]),
        )
        for r in rows
    ]


@dataclass(frozen=True)
class Seat:
    """A seat a person holds for an organization, on a body or at a meeting."""

    person: MapRecord
    body: MapRecord
    type: str
    props: dict[str, Any]
    provenance: Provenance


async def seats_for(db: Database, organization: str) -> list[Seat]:
    """The people holding a seat for the organization, seat by seat."""
    rows = await db.read("people/representing", organization=organization)
    return [
        Seat(
            MapRecord.from_row(r["person"]),
            MapRecord.from_row(r["body"]),
            r["type"],
            r["props"],
            Provenance.of(r["source"], r["props"]),
        )
        for r in rows
    ]


async def indicators(db: Database, theme: str | None, country: str | None) -> list[MapRecord]:
    """Indicators, narrowed to a theme and to those with a value for a country (its own
    figure, or its region's, or the world's)."""
    checked = await normalise(db, _IndicatorFilter(theme=theme, country=country))
    places = (await place_scope(db, checked.country)).ids if checked.country else None
    rows = await db.read("indicators/list", theme=checked.theme, places=places)
    return [MapRecord.from_row(r) for r in rows]


@dataclass(frozen=True)
class _IndicatorFilter:
    theme: str | None = None
    country: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class IndicatorValue:
    """One observed value of an indicator: a published figure for a place and data year,
    and how its place relates to the place asked about (None when none was asked)."""

    figure: MapRecord
    place: MapRecord
    source: MapRecord | None
    matched: Matched | None


async def values(
    db: Database,
    indicator: str,
    country: str | None = None,
    region: str | None = None,
    years: tuple[int | None, int | None] = (None, None),
) -> list[IndicatorValue]:
    """An indicator's values, for a country or region (with the regions around it and the
    places inside it), or everywhere; by place, then year."""
    if country and region:
        raise BadInput("country and region: give one, or neither")
    for name, year in zip(("fromYear", "toYear"), years, strict=True):
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            raise BadInput(f"{name}: {year} is not a year between {FIRST_YEAR} and {LAST_YEAR}")
    if years[0] and years[1] and years[1] < years[0]:
        raise BadInput(f"toYear: {years[1]} is before fromYear, {years[0]}")
    checked = await normalise(db, _IndicatorFilter(country=country, region=region))
    place = checked.country or checked.region
    scope = await place_scope(db, place) if place else None
    rows = await db.read(
        "indicators/values",
        indicator=indicator,
        places=scope.ids if scope else None,
        fromYear=years[0],
        toYear=years[1],
    )
    return [
        IndicatorValue(
            MapRecord.from_row(r),
            MapRecord.from_row(r["place"]),
            MapRecord.from_row(r["source"]) if r["source"] else None,
            scope.matches[r["place"]["id"]][0] if scope else None,
        )
        for r in rows
    ]


def latest(found: list[IndicatorValue]) -> IndicatorValue | None:
    """The most recent value placed closest: a country's own figure before its region's,
    a region's before the world's; the latest data year among those."""
    if not found:
        return None
    order = list(Matched)

    def closeness(v: IndicatorValue) -> int:
        return order.index(v.matched) if v.matched else 0

    closest = min(closeness(v) for v in found)
    return max(
        (v for v in found if closeness(v) == closest),
        key=lambda v: (_latest_year(v.figure.props), v.figure.id),
    )


def _latest_year(props: dict[str, Any]) -> int:
    """The latest year a figure may describe: its year, else the end of its period."""
    return int(props.get("data_year") or props.get("data_year_to") or 0)
