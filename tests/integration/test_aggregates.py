"""The aggregate against the real Neo4j, on the seed plus 10,000 generated initiatives:
each group's count is the count the list gives for the same filter, read page by page
where it matters, so a 3W table made from `aggregate` and one made by paging
`initiatives` agree; filters narrow both alike; countries agree with the raw graph; and
what no initiative counts (people reached, money) is null or empty, never zero
(service/domain/aggregates.py, cypher/initiatives/aggregate.cypher)."""

import asyncio
import csv
import io
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.config import Settings
from service.db.driver import Database
from service.db.runtime import open_database
from service.model.records import MapRecord
from service.seed import synthetic
from service.seed.graph import SeedGraph
from service.seed.loader import load
from tests.conftest import run_db

Ask = Callable[..., dict[str, Any]]
AGGREGATE = """query($by: [AggregateBy!]!, $filter: InitiativeFilter) {
  aggregate(by: $by, filter: $filter) { group { by value label } initiatives organizations
    peopleReached peopleReachedCounted funding { currency amount fundings } } }"""
COUNT = """query($filter: InitiativeFilter, $after: String) {
  initiatives(filter: $filter, first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }"""


@pytest.fixture(scope="module")
def generated(seeded: Settings) -> Iterator[None]:
    made = synthetic.generate(10_000, duplicate_share=0.0, seed=29)

    async def plant() -> None:
        async with open_database(seeded, migrate_schema=True) as db:
            await load(db, made.graph, batch_size=2000)

    async def remove() -> None:
        async with open_database(seeded, migrate_schema=True) as db:
            await synthetic.remove(db)

    asyncio.run(plant())
    yield
    asyncio.run(remove())


def _groups(gql: Ask, by: list[str], **filter: Any) -> list[dict[str, Any]]:
    body = gql(AGGREGATE, by=by, filter=filter or None)
    assert "errors" not in body, body
    found: list[dict[str, Any]] = body["data"]["aggregate"]
    return found


def _total(gql: Ask, **filter: Any) -> int:
    body = gql(COUNT, filter=filter)
    assert "errors" not in body, body
    return int(body["data"]["initiatives"]["totalCount"])


def _paged(gql: Ask, **filter: Any) -> int:
    """The list read page by page to its end, counted."""
    seen, after = 0, None
    while True:
        page = gql(COUNT, filter=filter, after=after)["data"]["initiatives"]
        seen += len(page["edges"])
        if not page["pageInfo"]["hasNextPage"]:
            return seen
        after = page["pageInfo"]["endCursor"]


def test_each_themes_count_is_the_lists(gql: Ask, generated: None) -> None:
    groups = _groups(gql, ["THEME"])
    named = [g for g in groups if g["group"][0]["value"]]
    assert len(named) >= 3
    for group in named:
        theme = group["group"][0]["value"]
        assert group["initiatives"] == _total(gql, theme=theme), theme
        assert group["group"][0]["label"]
        assert group["group"][0]["label"] != theme
    smallest = min(named, key=lambda g: g["initiatives"])
    theme = smallest["group"][0]["value"]
    assert smallest["initiatives"] == _paged(gql, theme=theme)


def test_status_by_theme_and_a_filter_narrow_alike(gql: Ask, generated: None) -> None:
    for group in _groups(gql, ["STATUS", "THEME"], status="ACTIVE"):
        status, theme = (v["value"] for v in group["group"])
        assert status == "active"
        if theme:
            assert group["initiatives"] == _total(gql, status="ACTIVE", theme=theme), theme
    statuses = _groups(gql, ["STATUS"])
    assert sum(g["initiatives"] for g in statuses) == _total(gql)
    for group in statuses:
        status = group["group"][0]["value"]
        assert group["initiatives"] == _total(gql, status=status.upper()), status


def test_organization_types_count_as_the_type_filter_does(gql: Ask, generated: None) -> None:
    for group in _groups(gql, ["ORGANIZATION_TYPE"]):
        kind = group["group"][0]["value"]
        if kind:
            assert group["initiatives"] == _total(gql, organizationType=kind.upper()), kind


def test_countries_agree_with_the_raw_graph(gql: Ask, seeded: Settings, generated: None) -> None:
    async def read(db: Database) -> dict[str, int]:
        async with db.driver.session(database=db.database) as session:
            result = await session.run(
                "MATCH (i:Initiative)-[:OPERATES_IN]->(c:Country) "
                "RETURN c.id AS country, count(DISTINCT i) AS n"
            )
            return {r["country"]: r["n"] async for r in result}

    raw = run_db(seeded, read)
    found = {
        g["group"][0]["value"]: g["initiatives"]
        for g in _groups(gql, ["COUNTRY"])
        if g["group"][0]["value"]
    }
    assert found == raw


def test_what_is_not_counted_is_null_never_zero(gql: Ask, generated: None) -> None:
    for group in _groups(gql, ["THEME"]):
        if group["peopleReachedCounted"] == 0:
            assert group["peopleReached"] is None
        assert all(f["fundings"] > 0 for f in group["funding"])


def test_the_download_is_the_aggregate_as_a_table(
    gql: Ask, client: TestClient, generated: None
) -> None:
    """CSV and HXL downloads give each group's counts as the GraphQL field does, the HXL one
    with its hashtags under the headers."""
    groups = _groups(gql, ["THEME", "STATUS"])
    expected = sorted(
        ((g["group"][0]["value"] or "", g["group"][1]["value"] or ""), g["initiatives"])
        for g in groups
    )
    for fmt in ("csv", "hxl"):
        sent = client.get(f"/export/aggregate?by=THEME&by=STATUS&format={fmt}")
        assert sent.status_code == 200, sent.text
        rows = list(csv.reader(io.StringIO(sent.text)))
        header, body = rows[0], rows[2 if fmt == "hxl" else 1 :]
        if fmt == "hxl":
            assert rows[1][:2] == ["#sector+theme", "#status"]
        at = header.index("Initiatives")
        assert sorted(((r[0], r[1]), int(r[at])) for r in body) == expected


def _statuses(gql: Ask) -> dict[str | None, int]:
    return {g["group"][0]["value"]: g["initiatives"] for g in _groups(gql, ["STATUS"])}


def test_an_aggregate_asked_again_counts_what_another_process_wrote_since(
    gql: Ask, seeded: Settings, generated: None
) -> None:
    """Aggregates are kept until the map changes (service/domain/kept.py): a change written
    by another process, through the loader, with no count changing (one initiative's status
    only), is in the next answer, and so is its undoing."""
    made = synthetic.generate(10_000, duplicate_share=0.0, seed=29).graph
    first = next(
        n for n in made.nodes if n.kind == "initiative" and n.props["status"] != "completed"
    )
    ended = MapRecord(first.id, {**first.props, "status": "completed"})

    async def write(record: MapRecord) -> None:  # its own driver: as another process would
        async with open_database(seeded, migrate_schema=False) as db:
            await load(db, SeedGraph([record], []), batch_size=10)

    before = _statuses(gql)
    assert _statuses(gql) == before  # asked again, unchanged: the kept answer
    asyncio.run(write(ended))
    after = _statuses(gql)
    assert after.get("completed", 0) == before.get("completed", 0) + 1
    assert after[first.props["status"]] == before[first.props["status"]] - 1
    asyncio.run(write(first))
    assert _statuses(gql) == before


def test_only_a_write_that_changes_something_marks_a_new_revision(seeded: Settings) -> None:
    async def revision(db: Database) -> Any:
        return (await db.read("maintenance/revision"))[0]["revision"]

    async def check(db: Database) -> None:
        start = await revision(db)
        async with db.transaction() as tx:  # a transaction that only reads
            await tx.run("schema/applied_versions")
        assert await revision(db) == start
        await db.write("sessions/end", hash="no such session")  # a write that finds nothing
        assert await revision(db) == start

    run_db(seeded, check)
