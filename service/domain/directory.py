"""Finding nodes: one by id, pages of organizations and initiatives by filter, and the short
reference lists (action groups, countries, SDG targets, themes, events)."""

from datetime import date

from service.db.driver import Database
from service.domain.filters import (
    InitiativeFilter,
    OrganizationFilter,
    SourceFilter,
    as_parameters,
    map_id,
    normalise,
    require_existing,
)
from service.domain.pagination import Page, PageRequest
from service.domain.places import placed
from service.errors import BadId, BadInput, NotFound
from service.model.ids import SCHEMES, country_id, expect_kind, kind_of
from service.model.records import MapRecord


def checked_id(node_id: str, *kinds: str, field: str = "id") -> str:
    """The id itself, if it is a map id of one of `kinds` (of any kind if none are given);
    otherwise BadInput naming the field."""
    try:
        expect_kind(node_id, *kinds) if kinds else kind_of(node_id)
    except BadId as error:
        raise BadInput(f"{field}: {error}") from None
    return node_id


async def get(db: Database, node_id: str, *kinds: str, include_retired: bool = False) -> MapRecord:
    """The node with this id, which must be of one of `kinds` (any kind if none given);
    a retired node only with `include_retired`."""
    checked_id(node_id, *kinds)
    if include_retired:
        rows = await db.read("nodes/by_id_with_retired", id=node_id)
    else:
        rows = await db.read("nodes/by_ids", ids=[node_id])
    if not rows:
        raise NotFound(f"nothing on the map has the id '{node_id}'")
    return MapRecord.from_row(rows[0])


async def get_many(db: Database, ids: list[str]) -> dict[str, MapRecord]:
    return {row["id"]: MapRecord.from_row(row) for row in await db.read("nodes/by_ids", ids=ids)}


async def country(db: Database, iso3: str) -> MapRecord:
    if len(iso3.strip()) != 3:
        raise BadInput(f"iso3: '{iso3}' is not a three-letter ISO 3166 code")
    return await get(db, country_id(iso3, "iso3"), "country")


async def sdg_target(db: Database, code: str) -> MapRecord:
    return await get(db, map_id("sdg_target", code), "sdg-target")


async def organizations(
    db: Database, given: OrganizationFilter, page: PageRequest
) -> Page[MapRecord]:
    checked = await normalise(db, given)
    return await _page(db, "organizations/page", await placed(db, as_parameters(checked)), page)


async def initiatives(db: Database, given: InitiativeFilter, page: PageRequest) -> Page[MapRecord]:
    checked = await normalise(db, given)
    return await _page(db, "initiatives/page", await placed(db, as_parameters(checked)), page)


async def _page(
    db: Database, query: str, parameters: dict[str, object], page: PageRequest
) -> Page[MapRecord]:
    row = (await db.read(query, **parameters, skip=page.skip, limit=page.limit))[0]
    items = [MapRecord.from_row(item) for item in row["page"]]
    return Page(items=items, total=row["total"], skip=page.skip)


async def sources(db: Database, given: SourceFilter, page: PageRequest) -> Page[MapRecord]:
    """The evidence directory: the map's sources, by title, filtered and paged."""
    checked = await normalise(db, given)
    if checked.cited_by is not None:
        checked_id(checked.cited_by, field="citedBy")
        await require_existing(db, {"citedBy": checked.cited_by})
    return await _page(db, "directory/sources", await placed(db, as_parameters(checked)), page)


async def action_groups(db: Database, kind: str | None) -> list[MapRecord]:
    return _records(await db.read("directory/action_groups", kind=kind))


async def countries(db: Database, region: str | None, text: str | None) -> list[MapRecord]:
    region_id = map_id("region", region) if region else None
    if region_id:
        await require_existing(db, {"region": region_id})
    return _records(await db.read("directory/countries", region=region_id, text=text or None))


async def regions(db: Database, scheme: str | None) -> list[MapRecord]:
    if scheme is not None and scheme not in SCHEMES:
        raise BadInput(f"scheme: '{scheme}' is not one of {', '.join(SCHEMES)}")
    return _records(await db.read("directory/regions", scheme=scheme))


async def sdg_targets(db: Database, goal: int | None) -> list[MapRecord]:
    if goal is not None and not 1 <= goal <= 17:
        raise BadInput(f"goal: there are 17 SDGs; {goal} is not one of them")
    return _records(await db.read("directory/sdg_targets", goal=goal))


async def themes(db: Database) -> list[MapRecord]:
    return _records(await db.read("directory/themes"))


async def events(
    db: Database,
    kind: str | None,
    status: str | None,
    country_code: str | None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[MapRecord]:
    place = country_id(country_code) if country_code else None
    if date_from and date_to and date_to < date_from:
        raise BadInput(f"dateTo: {date_to} is before dateFrom, {date_from}")
    rows = await db.read(
        "directory/events",
        kind=kind,
        status=status,
        country=place,
        dateFrom=date_from,
        dateTo=date_to,
    )
    return _records(rows)


def _records(rows: list[dict[str, object]]) -> list[MapRecord]:
    return [MapRecord.from_row(row) for row in rows]
