"""Freshness on the real Neo4j, each answer checked against the raw graph read apart: an
initiative says when it was last confirmed (verified, or seen in an import); a list asked
who runs on a day after that marks it as the last thing known; a page says how much of it
is older than an age; and the freshness filters return what the raw graph holds
(service/domain/freshness.py, cypher/initiatives/page.cypher)."""

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.config import Settings
from service.db.driver import Database
from service.editing import keys
from tests.conftest import reseed, run_db

Ask = Callable[..., dict[str, Any]]
PAGE = """query($filter: InitiativeFilter) { initiatives(filter: $filter, first: 100) {
  totalCount freshness { stale says oldestConfirmed }
  edges { lastKnown lastConfirmed node { id lastVerified stale } } } }"""


def _raw(settings: Settings, statement: str, **parameters: Any) -> list[dict[str, Any]]:
    async def read(db: Database) -> list[dict[str, Any]]:
        async with db.driver.session(database=db.database) as session:
            result = await session.run(statement, **parameters)
            return [record.data() async for record in result]

    return run_db(settings, read)


def _page(gql: Ask, **filter: Any) -> dict[str, Any]:
    body = gql(PAGE, filter=filter)
    assert "errors" not in body, body
    found: dict[str, Any] = body["data"]["initiatives"]
    return found


def test_running_after_the_last_confirmation_is_the_last_thing_known(gql: Ask) -> None:
    """The seed's facts date from the 2017 report: running in 2026 is only last known,
    and the page says its facts are old; in 2017 before the report, it is not."""
    late = _page(gql, activeOn="2026-01-01")
    assert late["edges"], "some initiative of the seed runs on in 2026, by its dates"
    for edge in late["edges"]:
        assert edge["lastKnown"] is (date.fromisoformat(edge["lastConfirmed"]) < date(2026, 1, 1))
        assert edge["lastKnown"] is True
        assert edge["node"]["stale"] is True
    assert late["freshness"]["stale"] == len(late["edges"])
    assert "more than 2 years ago" in late["freshness"]["says"]
    early = _page(gql, activeOn="2017-11-01")
    assert {e["lastKnown"] for e in early["edges"]} == {False}
    plain = _page(gql)
    assert {e["lastKnown"] for e in plain["edges"]} == {None}


def test_last_verified_before_returns_what_the_raw_graph_holds(gql: Ask, seeded: Settings) -> None:
    for day in ("2017-11-13", "2017-11-14", "2030-01-01"):
        raw = _raw(
            seeded,
            "MATCH (i:Initiative) WHERE i.last_verified IS NULL OR i.last_verified < $day "
            "RETURN count(i) AS n",
            day=day,
        )[0]["n"]
        assert _page(gql, lastVerifiedBefore=day)["totalCount"] == raw, day


@pytest.fixture
def edited(seeded: Settings, client: TestClient) -> Iterator[str]:
    """An initiative changed today by an editor; the map is put back afterwards."""
    token = run_db(
        seeded, lambda db: keys.create_key(db, f"fresh-{uuid.uuid4().hex[:6]}", "admin")
    )[1]
    auth = {"Authorization": f"Bearer {token}"}
    read = client.post(
        "/graphql",
        json={
            "query": '{ editForm(id: "initiative:knowledge-platform") { version fields { name value } } }'
        },
        headers=auth,
    ).json()["data"]["editForm"]
    values = {f["name"]: f["value"] for f in read["fields"]}
    values["description"] = "Checked again today."
    values["lastVerified"] = None
    saved = client.post(
        "/graphql",
        json={
            "query": "mutation($v: Int!, $input: InitiativeInput!) { updateInitiative(id: "
            '"initiative:knowledge-platform", version: $v, input: $input) { id } }',
            "variables": {"v": read["version"], "input": values},
        },
        headers=auth,
    ).json()
    assert "errors" not in saved, saved
    yield "initiative:knowledge-platform"
    reseed(seeded)


def test_updated_since_returns_what_the_raw_graph_holds(
    gql: Ask, seeded: Settings, edited: str
) -> None:
    today = date.today().isoformat()
    raw = {
        row["id"]
        for row in _raw(
            seeded,
            "MATCH (i:Initiative) WHERE EXISTS { MATCH (e:AuditEvent) "
            "WHERE e.at >= datetime({date: date($day)}) AND i.id IN e.targets } "
            "OR EXISTS { (i)-[s:SEEN_IN]->() WHERE date(s.last_seen) >= date($day) } "
            "RETURN i.id AS id",
            day=today,
        )
    }
    found = {e["node"]["id"] for e in _page(gql, updatedSince=today)["edges"]}
    assert edited in found
    assert found == raw
    assert _page(gql, updatedSince="2999-01-01")["totalCount"] == 0
    # Verified today by the edit, it is no longer stale, and runs today as known.
    [edge] = [e for e in _page(gql, updatedSince=today)["edges"] if e["node"]["id"] == edited]
    assert edge["lastConfirmed"] == today
    assert edge["node"]["stale"] is False
