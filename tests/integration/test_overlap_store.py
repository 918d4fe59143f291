"""Overlaps are stored and kept up to date: after edits through the API (a new look-alike,
a rewritten description, a new lead organization, a removed place, a deletion, a retired
organization), the
stored pairs equal a rescore of the whole map, and only the edited initiatives were
scored again."""

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import structlog
from fastapi.testclient import TestClient

from service.config import Settings
from service.db.driver import Database
from service.domain import overlap_store
from service.domain.overlaps import scored_pairs
from service.editing import keys
from service.seed import synthetic
from service.seed.loader import load
from tests.conftest import reseed, run_db

Ask = Callable[..., dict[str, Any]]
GCG = "source:gcg-2017-report"
CITED = [{"source": GCG, "section": "1. Introduction to Alliance 8.7", "note": "Test record."}]
GENERATED = synthetic.generate(800, duplicate_share=0.05, seed=31)
Snapshot = dict[tuple[str, str], tuple[float, str, str, tuple[Any, ...]]]


@pytest.fixture(scope="module")
def admin(seeded: Settings) -> Iterator[str]:
    """An admin key on the seed plus 800 generated initiatives; the map is put back as the
    seed has it afterwards."""

    async def make(db: Database) -> str:
        await load(db, GENERATED.graph, 5000)
        return (await keys.create_key(db, "test-overlap-admin", "admin"))[1]

    yield run_db(seeded, make)
    reseed(seeded)


@pytest.fixture
def ask(client: TestClient, admin: str) -> Ask:
    def asker(query: str, **variables: Any) -> dict[str, Any]:
        response = client.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {admin}"},
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        assert "errors" not in body, body
        return body["data"]  # type: ignore[no-any-return]

    return asker


def _snapshot(settings: Settings) -> Snapshot:
    async def read(db: Database) -> Snapshot:
        pairs = await scored_pairs(db, 0.0, include_unrelated=True)
        return {
            (p.a.id, p.b.id): (p.overlap.score, p.overlap.verdict, p.overlap.why, p.overlap.reasons)
            for p in pairs
        }

    return run_db(settings, read)


def _state(settings: Settings) -> dict[str, Any]:
    return run_db(settings, lambda db: _first(db.read("overlaps/state")))


async def _first(rows: Any) -> dict[str, Any]:
    return (await rows)[0]  # type: ignore[no-any-return]


INITIATIVE = """query($id: ID!) { initiative(id: $id) {
  id name description version operatesIn { ... on Country { id } ... on Region { id } } themes { id } } }"""
CREATE = "mutation($input: InitiativeInput!) { createInitiative(input: $input) { id } }"
UPDATE = """mutation($id: ID!, $version: Int!, $input: InitiativeInput!) {
  updateInitiative(id: $id, version: $version, input: $input) { id version } }"""
LINK = "mutation($input: RelationshipInput!) { addRelationship(input: $input) { auditEventId } }"
DELETE = "mutation($id: ID!, $version: Int!) { delete(id: $id, version: $version) { id } }"
RETIRE = "mutation($id: ID!, $version: Int!) { retire(id: $id, version: $version) { id } }"
VERSION = "query($id: ID!) { organization(id: $id) { version } }"


def _input(found: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {
        "name": found["name"],
        "description": found["description"],
        "kind": "RESEARCH",
        "status": "ACTIVE",
        "work": ["research"],
        "start": "2020",
        "end": "2023",
        "countries": [p["id"][8:] for p in found["operatesIn"] if p["id"].startswith("country:")],
        "regions": [p["id"] for p in found["operatesIn"] if p["id"].startswith("region:")],
        "themes": [t["id"] for t in found["themes"]],
        "cited": CITED,
        **more,
    }


def test_overlaps_after_edits_equal_a_rescore_from_scratch(seeded: Settings, ask: Ask) -> None:
    before = _snapshot(seeded)  # the first read scores the whole map
    generation = _state(seeded)["generation"]
    placed = [
        n.id for n in GENERATED.graph.nodes if n.id.startswith("initiative:") and "dup" not in n.id
    ]
    first, second, third, fourth = (ask(INITIATIVE, id=pid)["initiative"] for pid in placed[:4])
    # A look-alike of the first, written up again by someone else.
    copy = ask(CREATE, input=_input(first, key="test-look-alike"))["createInitiative"]["id"]
    # The second rewritten in the third's words.
    ask(
        UPDATE,
        id=second["id"],
        version=second["version"],
        input=_input(second, name=third["name"], description=third["description"]),
    )
    # A generated organization now leads the fourth; the third loses a place; one goes.
    org = next(
        link.source_id
        for link in GENERATED.graph.links
        if link.target_id == first["id"] and link.source_id.startswith("organization:")
    )
    ask(
        LINK,
        input={
            "from": org,
            "type": "LEADS",
            "to": fourth["id"],
            "source": GCG,
            "section": "1. Introduction to Alliance 8.7",
            "note": "Test link.",
        },
    )
    if len(third["operatesIn"]) > 1:
        # A place is one of the initiative's own fields: removed by updating it.
        fewer = {**third, "operatesIn": third["operatesIn"][1:]}
        ask(UPDATE, id=third["id"], version=third["version"], input=_input(fewer))
    doomed = ask(INITIATIVE, id=placed[5])["initiative"]
    ask(DELETE, id=doomed["id"], version=doomed["version"])
    # An organization retired: its initiatives no longer share it.
    gone = next(
        link.source_id
        for link in GENERATED.graph.links
        if link.target_id == placed[6] and link.source_id.startswith("organization:")
    )
    ask(RETIRE, id=gone, version=ask(VERSION, id=gone)["organization"]["version"])
    assert _state(seeded)["pending"] >= 5

    after = _snapshot(seeded)  # scores only what the edits touched
    assert _state(seeded)["pending"] == 0
    assert _state(seeded)["generation"] == generation, "updated in place, not rescored whole"
    assert any(copy in pair for pair in after), "the look-alike is compared"
    assert not any(doomed["id"] in pair for pair in after)
    assert not any(gone in str(reasons) for *_, reasons in after.values())
    assert after != before

    run_db(seeded, overlap_store.rebuild)
    scratch = _snapshot(seeded)
    assert len(after) == len(scratch)
    assert after == scratch


def test_a_rescore_writes_a_new_generation_and_drops_the_old(seeded: Settings, admin: str) -> None:
    old = _state(seeded)["generation"]
    new = run_db(seeded, overlap_store.rebuild)
    assert new != old
    rows = run_db(seeded, lambda db: db.write("overlaps/drop_generation", generation=old, limit=1))
    assert rows[0]["deleted"] == 0  # nothing of the old generation is left


def test_a_large_change_read_by_two_requests_at_once_is_rescored_once(seeded: Settings) -> None:
    """A change to the places' regions asks for a whole-map rescore; two reads of one
    process arriving together rescore the map once, and both read the new generation."""

    async def both(db: Database) -> tuple[str, list[str], list[str]]:
        before = await overlap_store.current_generation(db)
        await overlap_store.note_changed(db, [overlap_store.EVERYTHING])
        with structlog.testing.capture_logs() as logged:
            read = await asyncio.gather(
                overlap_store.current_generation(db), overlap_store.current_generation(db)
            )
        return before, list(read), [e["event"] for e in logged]

    before, read, events = run_db(seeded, both)
    assert events.count("overlaps_rebuilt") == 1
    assert read[0] == read[1] != before


def test_two_whole_map_rescores_at_once_leave_one_generation(seeded: Settings, admin: str) -> None:
    """As two workers starting together would: the last to switch is current, the other's
    pairs are gone, and neither leaves the store marked as being rescored."""

    async def both(db: Database) -> list[str]:
        return list(await asyncio.gather(overlap_store.rebuild(db), overlap_store.rebuild(db)))

    made = run_db(seeded, both)
    state = _state(seeded)
    assert state["generation"] in made
    assert state["rebuildingSince"] is None
    [other] = [g for g in made if g != state["generation"]]
    rows = run_db(
        seeded, lambda db: db.write("overlaps/drop_generation", generation=other, limit=1)
    )
    assert rows[0]["deleted"] == 0
