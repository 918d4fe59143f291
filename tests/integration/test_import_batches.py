"""Imports written in batches, each its own transaction, against a real Neo4j: a failure
half-way leaves the map as it was (records, relationships, versions and audit events); the
records an import names are held, so an edit made while it runs is refused rather than
written over by its undo; a writer that ignores holds makes the import fail, and keeps its
change."""

import threading
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest

from service.config import Settings
from service.db.driver import Database
from service.editing import audit, changes
from service.editing.keys import Editor
from service.errors import Conflict
from service.interchange import native
from service.interchange.apply import ImportReport, import_rows
from service.interchange.rows import RELATIONSHIP_COLUMNS, columns
from service.model.kinds import OrganizationDraft
from tests.conftest import reseed, run_db

IMPORTER = Editor("test-importer", "editor")
ALICE = Editor("test-alice", "editor")
GCG = "source:gcg-2017-report"
SECTION = "1. Introduction to Alliance 8.7"
ILO = "organization:ilo"
NEW = [f"organization:batch-test-{n}" for n in range(5)]
PLATFORM = "initiative:knowledge-platform"
BATCH = 2  # five new organizations and the ILO: three record batches, then the links


@pytest.fixture(scope="module")
def reset_after(seeded: Settings) -> Iterator[Settings]:
    yield seeded
    reseed(seeded)


def _csv(name: str, header: list[str], rows: list[dict[str, str]]) -> list[Any]:
    lines = [",".join(header)] + [",".join(row.get(c, "") for c in header) for row in rows]
    return native.read_csv(name, "\n".join(lines) + "\n")


def _rows(*, ilo_last: bool) -> list[Any]:
    """Five new organizations funding the Knowledge Platform, and a new description of the
    ILO, first (so the first batch changes a record already on the map) or last."""
    cited = {"source": GCG, "section": SECTION, "note": "Batched import test."}
    organizations = [
        {"id": node_id, "name": f"Batch test {n}", "type": "ngo", **cited}
        for n, node_id in enumerate(NEW)
    ]
    ilo = {"id": ILO, "description": "Changed by a batched import.", **cited}
    organizations = [*organizations, ilo] if ilo_last else [ilo, *organizations]
    links = [{"from": node_id, "type": "FUNDS", "to": PLATFORM, **cited} for node_id in NEW]
    return _csv("organizations.csv", columns("organization"), organizations) + _csv(
        "relationships.csv", list(RELATIONSHIP_COLUMNS), links
    )


def _import(
    settings: Settings, progress: Callable[[int, int], None], *, ilo_last: bool = False
) -> ImportReport:
    async def work(db: Database) -> ImportReport:
        return await import_rows(db, IMPORTER, _rows(ilo_last=ilo_last), BATCH, progress)

    return run_db(settings, work)


def _in_another_writer(settings: Settings, work: Callable[[Database], Awaitable[Any]]) -> Any:
    """Runs `work` with a driver and event loop of its own, as another process would, while
    the import waits between two batches."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = run_db(settings, work)
        except Exception as error:  # handed back to the test
            outcome["error"] = error

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def _state(settings: Settings) -> dict[str, Any]:
    """What a user would compare: the map's size, the ILO as stored, the platform's funders,
    the ILO's history and whether any import still holds records."""

    async def work(db: Database) -> dict[str, Any]:
        [size] = await db.read("seed/map_size")
        ilo = await db.read("nodes/by_ids", ids=[ILO, *NEW])
        history = await audit.history(db, ILO)
        held = await db.read("imports/held", ids=[ILO, *NEW], run=None, stale_seconds=0)
        return {
            "size": size,
            "records": {row["id"]: row["props"] for row in ilo},
            "history": [event.id for event in history],
            "held": held,
        }

    return run_db(settings, work)


def _ilo_draft(description: str) -> OrganizationDraft:
    return OrganizationDraft.model_validate(
        {
            "key": "ilo",
            "name": "International Labour Organization",
            "acronym": "ILO",
            "type": "un_agency",
            "description": description,
            "cited": [{"source": GCG, "section": SECTION, "note": "Edit during an import."}],
        }
    )


def _edit_ilo(description: str) -> Callable[[Database], Awaitable[Any]]:
    async def work(db: Database) -> Any:
        [row] = await db.read("nodes/by_ids", ids=[ILO])
        return await changes.update(
            db, ALICE, ILO, int(row["props"]["version"]), _ilo_draft(description)
        )

    return work


def test_a_failure_half_way_leaves_the_map_as_it_was(reset_after: Settings) -> None:
    before = _state(reset_after)

    def fail_after_two_batches(done: int, total: int) -> None:
        if done >= 2 * BATCH:
            raise RuntimeError("the importing process stopped half-way")

    with pytest.raises(RuntimeError, match="half-way"):
        _import(reset_after, fail_after_two_batches)
    assert _state(reset_after) == before


def test_a_failure_among_the_relationships_undoes_the_records_too(reset_after: Settings) -> None:
    before = _state(reset_after)

    def fail_in_the_links(done: int, total: int) -> None:
        if done > len(NEW) + 1:  # every record batch and one batch of links committed
            raise RuntimeError("the importing process stopped in the relationships")

    with pytest.raises(RuntimeError, match="relationships"):
        _import(reset_after, fail_in_the_links)
    assert _state(reset_after) == before


def test_an_edit_to_a_record_being_imported_is_refused_until_it_ends(
    reset_after: Settings,
) -> None:
    refused: list[str] = []

    def edit_while_importing(done: int, total: int) -> None:
        if done == BATCH and not refused:
            with pytest.raises(Conflict, match="is being imported") as caught:
                _in_another_writer(reset_after, _edit_ilo("Alice's edit during the import."))
            refused.append(str(caught.value))

    report = _import(reset_after, edit_while_importing)
    assert refused, "the edit was not tried"
    assert report.created == len(NEW)
    assert report.relationships_created == len(NEW)
    assert _state(reset_after)["held"] == []
    # Once the import has ended, the same edit goes in.
    _in_another_writer(reset_after, _edit_ilo("Alice's edit after the import."))
    ilo = _state(reset_after)["records"][ILO]
    assert ilo["description"] == "Alice's edit after the import."


def test_a_writer_that_ignores_holds_fails_the_import_and_keeps_its_change(
    reset_after: Settings,
) -> None:
    reseed(reset_after)
    before = _state(reset_after)
    renamed: list[bool] = []

    async def seed_style_write(db: Database) -> None:
        # A seed load writes without asking for holds; the ILO is in the import's last
        # record batch, so the import finds it changed when it gets there.
        [row] = await db.read("nodes/by_ids", ids=[ILO])
        props = {**row["props"], "name": "Renamed by another writer"}
        await db.write(
            "seed/merge_nodes", rows=[{"id": ILO, "label": "Organization", "props": props}]
        )

    def other_writer(done: int, total: int) -> None:
        if done == BATCH and not renamed:
            _in_another_writer(reset_after, seed_style_write)
            renamed.append(True)

    with pytest.raises(Conflict, match="changed while the import was written"):
        _import(reset_after, other_writer, ilo_last=True)
    after = _state(reset_after)
    assert after["records"][ILO]["name"] == "Renamed by another writer"
    assert {k: v for k, v in after["records"].items() if k != ILO} == {}
    assert after["size"] == before["size"]
    assert after["held"] == []


def test_a_second_import_naming_a_held_record_is_refused_without_naming_who_runs_it(
    reset_after: Settings,
) -> None:
    reseed(reset_after)
    refused: list[str] = []

    async def second_import(db: Database) -> ImportReport:
        rows = _csv(
            "organizations.csv",
            columns("organization"),
            [
                {
                    "id": ILO,
                    "description": "A second import.",
                    "source": GCG,
                    "section": SECTION,
                    "note": "Second.",
                }
            ],
        )
        return await import_rows(db, ALICE, rows, BATCH)

    def try_second(done: int, total: int) -> None:
        if done == BATCH and not refused:
            with pytest.raises(Conflict, match="is being imported") as caught:
                _in_another_writer(reset_after, second_import)
            refused.append(str(caught.value))

    _import(reset_after, try_second)
    assert refused
    assert "test-importer" not in refused[0]  # a refusal names no other key
    assert _state(reset_after)["records"][ILO]["description"] == "Changed by a batched import."
