"""The loader against a real Neo4j: idempotent, counts what it changes, rejects bad files
whole and leaves the graph as it was when anything fails."""

import shutil
from pathlib import Path
from typing import Any

import pytest

from service.config import PROJECT_ROOT, Settings
from service.db.driver import Database
from service.domain.links import LinkSpec, load_links
from service.errors import LoadFailed, SeedInvalid
from service.model.records import LinkRow, MapRecord
from service.model.relationships import RELATIONSHIPS
from service.seed.graph import SeedGraph
from service.seed.loader import LoadReport, load, prepare
from tests.conftest import run_db


def _size(settings: Settings) -> dict[str, Any]:
    async def work(db: Database) -> dict[str, Any]:
        return (await db.read("seed/map_size"))[0]

    return run_db(settings, work)


def _names(settings: Settings, *ids: str) -> dict[str, str]:
    async def work(db: Database) -> dict[str, str]:
        return {r["id"]: r["props"]["name"] for r in await db.read("nodes/by_ids", ids=list(ids))}

    return run_db(settings, work)


def _load(settings: Settings, graph: SeedGraph) -> LoadReport:
    async def work(db: Database) -> LoadReport:
        return await load(db, graph, batch_size=50)

    return run_db(settings, work)


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seed"
    shutil.copytree(PROJECT_ROOT / "seed", target)
    return target


def test_loading_twice_changes_nothing(seeded: Settings) -> None:
    before = _size(seeded)
    report = _load(seeded, prepare(seeded.seed_dir))
    assert not report.changed
    assert (report.nodes, report.relationships) == (before["nodes"], before["relationships"])
    assert _size(seeded) == before


def test_an_edited_record_is_reported_as_updated(seeded: Settings, seed_copy: Path) -> None:
    path = seed_copy / "organizations.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "name: Free the Slaves", "name: Free the Slaves (edited)"
        ),
        encoding="utf-8",
    )
    try:
        report = _load(seeded, prepare(seed_copy))
        assert (report.nodes_created, report.nodes_updated) == (0, 1)
        assert _names(seeded, "organization:free-the-slaves") == {
            "organization:free-the-slaves": "Free the Slaves (edited)"
        }
    finally:
        restored = _load(seeded, prepare(seeded.seed_dir))
    assert restored.nodes_updated == 1
    assert _names(seeded, "organization:free-the-slaves")["organization:free-the-slaves"] == (
        "Free the Slaves"
    )


def test_a_bad_file_is_rejected_whole_and_nothing_is_written(
    seeded: Settings, seed_copy: Path
) -> None:
    before = _size(seeded)
    path = seed_copy / "organizations.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + (
            "  - id: organization:new-valid-ngo\n    name: A valid new NGO\n    type: ngo\n"
            "    cited:\n      - section: In attendance\n        note: Added by a test.\n"
            "  - id: organization:bad-type\n    name: Bad\n    type: pirate\n"
            "    cited:\n      - section: In attendance\n        note: Added by a test.\n"
        ),
        encoding="utf-8",
    )
    with pytest.raises(SeedInvalid) as caught:
        _load(seeded, prepare(seed_copy))
    # The bad record is the file's last: its place in the file is named with its id.
    last = path.read_text(encoding="utf-8").count("\n  - id: organization:")
    assert str(caught.value.problems[0]).startswith(
        f"organizations.yaml, record organizations[{last}] (organization:bad-type), field 'type'"
    )
    assert _size(seeded) == before
    assert _names(seeded, "organization:new-valid-ngo") == {}


def test_a_failure_half_way_leaves_the_graph_as_it_was(seeded: Settings) -> None:
    before = _size(seeded)
    seed = prepare(seeded.seed_dir)
    extra = MapRecord(
        "organization:half-way", {"name": "Written before the failure", "type": "ngo"}
    )
    dangling = LinkRow(
        "organization:half-way",
        "FUNDS",
        "initiative:does-not-exist",
        {"source": "source:gcg-2017-report"},
    )
    # Batches commit one by one: the failing one comes last, after a renamed organization
    # and a relationship with a new note were written in earlier batches.
    renamed = [
        MapRecord(n.id, {**n.props, "name": "Renamed by a failed load"})
        if n.id == "organization:free-the-slaves"
        else n
        for n in seed.nodes
    ]
    [first, *rest] = seed.links
    changed = LinkRow(
        first.source_id, first.type, first.target_id, {**first.props, "note": "Changed."}
    )
    broken = SeedGraph(nodes=[*renamed, extra], links=[changed, *rest, dangling])
    versions_before = _versions(seeded, "organization:free-the-slaves")
    links_before = _link_props(seeded, first.source_id)
    with pytest.raises(LoadFailed, match="nothing was kept"):
        _load(seeded, broken)
    assert _size(seeded) == before
    assert _names(seeded, "organization:half-way") == {}
    assert _names(seeded, "organization:free-the-slaves") == {
        "organization:free-the-slaves": "Free the Slaves"
    }
    assert _versions(seeded, "organization:free-the-slaves") == versions_before
    assert _link_props(seeded, first.source_id) == links_before


def _versions(settings: Settings, *ids: str) -> dict[str, int]:
    async def work(db: Database) -> dict[str, int]:
        rows = await db.read("nodes/by_ids", ids=list(ids))
        return {r["id"]: r["props"]["version"] for r in rows}

    return run_db(settings, work)


def _link_props(settings: Settings, node_id: str) -> list[dict[str, Any]]:
    async def work(db: Database) -> list[dict[str, Any]]:
        spec = LinkSpec(tuple(sorted(RELATIONSHIPS)), "both")
        [links] = await load_links(db, [(spec, node_id)])
        return sorted((link.props for link in links), key=lambda p: str(p.get("key")))

    return run_db(settings, work)
