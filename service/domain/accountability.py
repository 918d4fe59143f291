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
from service.model.records import MapRecord
from service.model.values import OPEN_COMMITMENTS


@dataclass(frozen=True)
class CommitmentFilter:
    """What narrows the list of commitments."""

    statuses: tuple[str, ...] | None = None
    overdue_on: date | None = None
    organization: str | None = None
    action_group: str | None = None
    theme: str | None = None
    initiative: str | None = None
    country: str | None = None
    region: str | None = None


async def commitments(db: Database, given: CommitmentFilter, page: PageRequest) -> Page[MapRecord]:
    """Commitments by due date, filtered and paged; `overdue_on` keeps those due before the
    day and still made or in progress."""
    initiative = given.initiative
    checked = await normalise(db, given)
    if initiative is not None:
        await require_existing(
            db, {"initiative": checked_id(initiative, "initiative", field="initiative")}
        )
    parameters = as_parameters(checked)
    parameters["statuses"] = list(checked.statuses) if checked.statuses else None
    parameters["openStatuses"] = [str(s) for s in OPEN_COMMITMENTS]
    row = (
        await db.read(
            "commitments/page",
            **await placed(db, parameters),
            skip=page.skip,
            limit=page.limit,
        )
    )[0]
    items = [MapRecord.from_row(item) for item in row["page"]]
    return Page(items=items, total=row["total"], skip=page.skip)


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
        key=lambda v: (int(v.figure.props.get("data_year") or 0), v.figure.id),
    )
