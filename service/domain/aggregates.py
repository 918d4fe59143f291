"""Counts and sums of the 3W kind, grouped by what the analyst chooses: how many
initiatives and organizations, how many people reached and how much money (per currency)
per country, admin area, region, theme, sector, organization type, status or year, over the
initiatives the list's own filter matches, so the counts agree with the lists."""

from dataclasses import dataclass
from typing import Any

from service.db.driver import Database
from service.domain.coverage import Money
from service.domain.filters import InitiativeFilter, as_parameters, normalise
from service.domain.kept import Kept
from service.domain.places import placed
from service.errors import BadInput

# What an aggregate may be grouped by (cypher/initiatives/aggregate.cypher says how each
# is read). Values that name records (countries, regions, themes) come back as their ids.
DIMENSIONS = (
    "COUNTRY",
    "ADMIN_AREA",
    "REGION",
    "THEME",
    "SECTOR",
    "ORGANIZATION_TYPE",
    "STATUS",
    "YEAR",
)
# The dimensions whose values are records on the map, named by their ids.
_RECORDS = frozenset({"COUNTRY", "REGION", "THEME"})
# More dimensions at once multiply the groups past what a reader takes in.
MAX_DIMENSIONS = 3
# A dashboard asks the same few aggregates again and again; each reads every initiative the
# filter matches (half a second at 50,000), so the answers are kept until the map changes.
_KEPT: Kept[tuple["Group", ...]] = Kept(size=64)


@dataclass(frozen=True)
class Group:
    values: tuple[str | None, ...]  # one per dimension; None: not recorded
    labels: tuple[str | None, ...]  # each value in words: a record's name, else the value
    initiatives: int
    organizations: int
    people_reached: int | None  # None: no initiative in the group counts them
    reached_counted: int  # how many initiatives in the group count them
    funding: tuple[Money, ...]


async def aggregate(db: Database, by: list[str], given: InitiativeFilter) -> list[Group]:
    """The groups, largest first."""
    if not by:
        raise BadInput("by: name at least one dimension to group by")
    if len(by) > MAX_DIMENSIONS or len(set(by)) != len(by):
        raise BadInput(f"by: at most {MAX_DIMENSIONS} different dimensions")
    unknown = [d for d in by if d not in DIMENSIONS]
    if unknown:
        raise BadInput(f"by: {', '.join(unknown)} is not one of {', '.join(DIMENSIONS)}")
    checked = await normalise(db, given)
    parameters = _without_paging(await placed(db, as_parameters(checked)))
    return list(await _KEPT.answer(db, [by, parameters], lambda: _computed(db, by, parameters)))


async def _computed(db: Database, by: list[str], parameters: dict[str, Any]) -> tuple[Group, ...]:
    rows = await db.read("initiatives/aggregate", by=by, **parameters)
    ids = sorted(
        {
            str(v)
            for row in rows
            for d, v in zip(by, row["group"], strict=True)
            if d in _RECORDS and v
        }
    )
    names = {n["id"]: n["props"].get("name") for n in await db.read("nodes/by_ids", ids=ids)}
    return tuple(_group(row, names) for row in rows)


def _without_paging(parameters: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in parameters.items() if k not in ("skip", "limit")}


def _group(row: dict[str, Any], names: dict[str, Any]) -> Group:
    values = tuple(None if v is None else str(v) for v in row["group"])
    return Group(
        values=values,
        labels=tuple(None if v is None else str(names.get(v) or v) for v in values),
        initiatives=int(row["initiatives"]),
        organizations=int(row["organizations"]),
        people_reached=None if row["reached"] is None else int(row["reached"]),
        reached_counted=int(row["reachedCounted"]),
        funding=tuple(
            Money(m["currency"], float(m["amount"]), int(m["counted"])) for m in row["funding"]
        ),
    )
