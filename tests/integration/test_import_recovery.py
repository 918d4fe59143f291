"""Imports never hold the map hostage, against a real Neo4j: a file that fails its check
holds nothing; an import whose process is killed half-way (`a87map import` in a process
of its own, stopped with SIGKILL) leaves nothing frozen and nothing half-written: the next
import, the server's start or the server's sweep takes back what it wrote and releases its
holds, and a re-run goes in at once; a refusal for a held record names no key, and a key
with no rights over the record is told FORBIDDEN first."""

import asyncio
import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.config import Settings
from service.db.driver import Database
from service.editing import audit, holds, keys
from service.editing.keys import Editor
from service.errors import Conflict, ImportInvalid
from service.interchange import native
from service.interchange.apply import ImportReport, import_rows
from service.interchange.rows import RELATIONSHIP_COLUMNS, columns
from service.model.records import link_key
from tests.conftest import reseed, run_db

Ask = Callable[..., dict[str, Any]]
IMPORTER = Editor("test-importer", "editor")
GCG = "source:gcg-2017-report"
SECTION = "1. Introduction to Alliance 8.7"
ILO = "organization:ilo"
PLATFORM = "initiative:knowledge-platform"
NEW = [f"organization:killed-import-{n:02d}" for n in range(24)]
BATCH = 4  # the ILO and 24 new organizations: seven record batches, then six of links
# Batches committed before the importing process is killed: records written, not all.
KILL_AFTER = 3
CITED = {"source": GCG, "section": SECTION, "note": "Killed import test."}
UPDATE_ORG = """mutation($id: ID!, $version: Int!, $input: OrganizationInput!) {
  updateOrganization(id: $id, version: $version, input: $input) { id version description }
}"""
RETIRE = "mutation($id: ID!, $v: Int!) { retire(id: $id, version: $v) { id } }"
ADD = """mutation($input: RelationshipInput!) {
  addRelationship(input: $input) { from type to }
}"""


@pytest.fixture(scope="module")
def reset_after(seeded: Settings) -> Iterator[Settings]:
    yield seeded
    reseed(seeded)


def _files(folder: Path) -> list[Path]:
    """A new description of the ILO (in the first batch, so a record already on the map is
    changed before the kill), new organizations, and their funding of the platform."""
    organizations = [{"id": ILO, "description": "Changed by the killed import.", **CITED}]
    organizations += [
        {"id": node_id, "name": f"Killed import {node_id[-2:]}", "type": "ngo", **CITED}
        for node_id in NEW
    ]
    links = [{"from": node_id, "type": "FUNDS", "to": PLATFORM, **CITED} for node_id in NEW]
    written = []
    for name, header, rows in (
        ("organizations.csv", columns("organization"), organizations),
        ("relationships.csv", list(RELATIONSHIP_COLUMNS), links),
    ):
        out = io.StringIO()
        table = csv.DictWriter(out, fieldnames=header)
        table.writeheader()
        table.writerows(rows)
        (folder / name).write_text(out.getvalue(), encoding="utf-8")
        written.append(folder / name)
    return written


def _cli(settings: Settings, files: list[Path], pause_s: float) -> subprocess.Popen[str]:
    """`a87map import` in a process of its own, against the test database."""
    env = {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "LOAD_BATCH_SIZE": str(BATCH),
        "IMPORT_BATCH_PAUSE_S": str(pause_s),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "service.cli", "import", *map(str, files), "--json"],
        cwd=files[0].parent,  # no .env of a developer's is read
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _state(settings: Settings) -> dict[str, Any]:
    """What a user would compare: the ILO as stored and its history, which of the new
    organizations are on the map, the platform's funders, and any import still running."""

    async def work(db: Database) -> dict[str, Any]:
        [ilo] = await db.read("nodes/by_ids", ids=[ILO])
        new = await db.read("nodes/by_ids", ids=NEW)
        links = await db.read(
            "interchange/links_by_key",
            rows=[
                {
                    "from": n,
                    "type": "FUNDS",
                    "to": PLATFORM,
                    "key": link_key(n, "FUNDS", PLATFORM, {}),
                }
                for n in NEW
            ],
        )
        return {
            "ilo": ilo["props"],
            "ilo_history": [e.id for e in await audit.history(db, ILO)],
            "new": sorted(row["id"] for row in new),
            "funders": len(links),
            "runs": await db.read("imports/runs", stale_seconds=holds.STALE_S),
            "held": await db.read("imports/held", ids=[ILO, *NEW], run=None, stale_seconds=0),
        }

    return run_db(settings, work)


def _killed_half_way(settings: Settings, folder: Path) -> None:
    """Starts the import and kills its process with SIGKILL once KILL_AFTER batches are
    on the map (the ILO changed, some new organizations written, not all). What it left
    is not looked at afterwards: a server's sweep may take it back at any moment."""
    importing = _cli(settings, _files(folder), pause_s=1.0)

    async def half_written(db: Database) -> tuple[str, int]:
        deadline = time.monotonic() + 180
        while len(new := await db.read("nodes/by_ids", ids=NEW)) < (KILL_AFTER - 1) * BATCH:
            assert importing.poll() is None, importing.communicate()
            assert time.monotonic() < deadline, "the import never wrote its batches"
            await asyncio.sleep(0.1)
        [ilo] = await db.read("nodes/by_ids", ids=[ILO])
        return ilo["props"]["description"], len(new)

    description, written = run_db(settings, half_written)
    assert importing.poll() is None, "the import ended before it was killed"
    importing.send_signal(signal.SIGKILL)
    importing.wait()
    assert description == "Changed by the killed import."
    assert written < len(NEW)


def test_an_import_killed_half_way_is_taken_back_and_a_rerun_goes_in_at_once(
    reset_after: Settings, tmp_path: Path
) -> None:
    before = _state(reset_after)
    _killed_half_way(reset_after, tmp_path)

    started = time.monotonic()
    rerun = _cli(reset_after, _files(tmp_path), pause_s=0)
    out, err = rerun.communicate(timeout=300)
    took = time.monotonic() - started
    assert rerun.returncode == 0, err
    # The report is the last line; a warning that an abandoned import was taken back
    # may come before it.
    report = ImportReport(**json.loads(out.strip().splitlines()[-1]))
    # The killed run's writes were taken back first: the re-run creates every record and
    # relationship again, and changes the ILO from the seed's description.
    assert (report.created, report.updated) == (len(NEW), 1)
    assert report.relationships_created == len(NEW)
    assert took < holds.STALE_S / 2, f"the re-run waited {took:.0f} s"
    after = _state(reset_after)
    assert after["new"] == sorted(NEW)
    assert after["funders"] == len(NEW)
    assert after["runs"] == []
    assert after["held"] == []
    # One copy of each change in the history: the killed run's events were taken back.
    assert len(after["ilo_history"]) == len(before["ilo_history"]) + 1

    async def histories(db: Database) -> list[list[str]]:
        return [[e.action for e in await audit.history(db, node_id)] for node_id in NEW]

    assert run_db(reset_after, histories) == [["link", "create"]] * len(NEW)


def test_a_server_start_takes_back_an_import_killed_half_way(
    reset_after: Settings, tmp_path: Path
) -> None:
    reseed(reset_after)
    before = _state(reset_after)
    _killed_half_way(reset_after, tmp_path)
    # A server that does not sweep, so that what it finds taken back, its start did.
    quiet = reset_after.model_copy(update={"import_recovery_every_s": 0})
    with TestClient(create_app(quiet)):
        assert _state(reset_after) == before


def test_an_edit_refused_by_a_killed_import_goes_in_moments_later(
    reset_after: Settings,
    tmp_path: Path,
    as_key: Callable[[str | None], Ask],
) -> None:
    """No import and no restart: the server's sweep takes the killed import back."""
    reseed(reset_after)
    before = _state(reset_after)
    token = run_db(reset_after, lambda db: keys.create_key(db, "test-after-kill", "editor"))[1]
    ask = as_key(token)
    _killed_half_way(reset_after, tmp_path)
    deadline = time.monotonic() + 60
    while True:
        [ilo] = _version_and_input(reset_after)
        body = ask(UPDATE_ORG, id=ILO, version=ilo["version"], input=ilo["input"])
        if "errors" not in body or time.monotonic() > deadline:
            break
        assert body["errors"][0]["extensions"]["code"] == "CONFLICT", body
        # Held by the stopped import; or taken back between our read and our edit, so the
        # version we sent is gone (the record is at its version before the import): read again.
        message = body["errors"][0]["message"]
        assert "stopped before it finished" in message or "has changed since" in message, body
        time.sleep(0.5)
    assert "errors" not in body, body
    after = _state(reset_after)
    assert after["new"] == []
    assert after["funders"] == 0
    assert after["runs"] == []
    assert after["ilo"]["description"] == "Edited once the killed import was taken back."
    assert len(after["ilo_history"]) == len(before["ilo_history"]) + 1


def _version_and_input(settings: Settings) -> list[dict[str, Any]]:
    async def work(db: Database) -> list[dict[str, Any]]:
        [row] = await db.read("nodes/by_ids", ids=[ILO])
        props = row["props"]
        given = {
            "key": "ilo",
            "name": props["name"],
            "type": "UN_AGENCY",
            "description": "Edited once the killed import was taken back.",
            "cited": [{"source": GCG, "section": SECTION, "note": "Edit after a kill."}],
        }
        return [{"version": props["version"], "input": given}]

    return run_db(settings, work)


def _rows(description: str, *, bad: bool = False) -> list[Any]:
    row = {"id": ILO, "description": description, **CITED}
    if bad:
        row["type"] = "spaceship"
    out = io.StringIO()
    table = csv.DictWriter(out, fieldnames=columns("organization"))
    table.writeheader()
    table.writerow(row)
    return native.read_csv("organizations.csv", out.getvalue())


def test_a_failing_import_is_checked_before_it_holds_anything(reset_after: Settings) -> None:
    """A file with a bad row, naming a record another import holds, is told what is wrong
    with it (not that the record is held), and leaves no hold or run of its own."""
    reseed(reset_after)

    async def work(db: Database) -> tuple[list[Any], list[Any]]:
        async with holds.holding(db, IMPORTER, [ILO], BATCH):
            for _ in range(5):  # an editor sending failing imports in a loop
                with pytest.raises(ImportInvalid, match="'type'"):
                    await import_rows(db, Editor("test-alice", "editor"), _rows("x", bad=True), 2)
            runs = await db.read("imports/runs", stale_seconds=holds.STALE_S)
            held = await db.read("imports/held", ids=[ILO], run=None, stale_seconds=0)
        return runs, held

    runs, held = run_db(reset_after, work)
    assert len(runs) == 1  # the first import's own, and no other
    assert len(held) == 1
    assert _state(reset_after)["runs"] == []
    # A good file naming the held record is refused as before, naming nobody.
    with pytest.raises(Conflict, match="is being imported") as caught:
        run_db(reset_after, _while_held(_rows("A good change.")))
    assert "test-importer" not in str(caught.value)


def _while_held(rows: list[Any]) -> Callable[[Database], Any]:
    async def work(db: Database) -> ImportReport:
        async with holds.holding(db, IMPORTER, [ILO], BATCH):
            return await import_rows(db, Editor("test-alice", "editor"), rows, 2)

    return work


def test_a_key_without_rights_over_a_held_record_is_forbidden_and_no_refusal_names_a_key(
    reset_after: Settings, as_key: Callable[[str | None], Ask]
) -> None:
    """A key scoped to the UN University (which leads the Knowledge Platform) while an
    import holds the ILO, the platform and an initiative the university has no part in."""
    reseed(reset_after)
    outside = "initiative:global-estimates-modern-slavery"

    async def key(db: Database) -> str:
        return (await keys.create_key(db, "test-unu-key", "editor", "organization:unu"))[1]

    ask = as_key(run_db(reset_after, key))
    versions = as_key(None)(
        f'{{ organization(id: "{ILO}") {{ version }} initiative(id: "{PLATFORM}") {{ version }} }}'
    )["data"]

    def link(to: str) -> dict[str, Any]:
        return {"from": "organization:unu", "type": "PARTNERS_IN", "to": to, **CITED}

    async def while_held(db: Database) -> list[dict[str, Any]]:
        async with holds.holding(db, IMPORTER, [ILO, PLATFORM, outside], BATCH):
            return [
                ask(RETIRE, id=ILO, v=versions["organization"]["version"]),
                ask(ADD, input=link(outside)),
                ask(RETIRE, id=PLATFORM, v=versions["initiative"]["version"]),
                ask(ADD, input=link(PLATFORM)),
            ]

    answers = run_db(reset_after, while_held)
    codes = [body["errors"][0]["extensions"]["code"] for body in answers]
    assert codes == ["FORBIDDEN", "FORBIDDEN", "CONFLICT", "CONFLICT"]
    for body in answers[2:]:
        message = body["errors"][0]["message"]
        assert "is being imported" in message
        assert "test-importer" not in message
        assert "test-unu-key" not in message


def test_a_run_owned_on_another_host_is_left_alone_until_its_heartbeat_is_stale(
    reset_after: Settings,
) -> None:
    """This process cannot see another host's processes: such a run is taken back only
    once its heartbeat is stale (here made so at once, as its owner does when it cannot
    undo its own writes)."""

    async def work(db: Database) -> tuple[int, str, int, list[Any]]:
        run, token = "test-foreign-run", "test-foreign-token"
        await db.write(
            "imports/begin",
            run=run,
            actor="someone-elsewhere",
            token=token,
            host="another-host.example",
            pid=1,
            pid_started="",
            ticket=None,
        )
        await db.write("imports/hold", run=run, ids=[ILO])
        left_alone = await holds.recover_abandoned(db, BATCH)
        async with db.transaction() as tx:
            with pytest.raises(Conflict) as refused:
                await holds.refuse_held(tx, [ILO])
        await db.write("imports/give_up", run=run, token=token)
        taken_back = await holds.recover_abandoned(db, BATCH)
        return (
            left_alone,
            str(refused.value),
            taken_back,
            await db.read("imports/runs", stale_seconds=holds.STALE_S),
        )

    left_alone, refusal, taken_back, runs = run_db(reset_after, work)
    assert left_alone == 0
    assert "is being imported" in refusal
    assert "someone-elsewhere" not in refusal
    assert taken_back == 1
    assert runs == []
