"""`a87map backup` and `a87map restore` against the real Neo4j: a map that has had imports,
edits, a merge, keys and indicator values, backed up and restored into an empty map,
answers every question of the schema sweep as before, and its own backup is byte for byte
the one it was restored from. A restore refuses a map that is not empty and a file that is
no whole backup, and one that stops half-way leaves the map empty."""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from service.api.app import create_app
from service.cli import app
from service.config import Settings
from service.db import backup
from service.db.driver import Database
from service.editing import keys
from tests.conftest import data_of, reseed, run_db
from tests.sweep import make_sweep, queries

FILES = Path(__file__).resolve().parent.parent / "data" / "interchange" / "good"
GCG = "source:gcg-2017-report"
CITED = [{"source": GCG, "section": "1. Introduction to Alliance 8.7", "note": "Test record."}]
CREATE_ORG = """mutation($input: OrganizationInput!) {
  createOrganization(input: $input, confirmNew: true) { organization { id version } }
}"""
MERGE = """mutation($s: ID!, $sv: Int!, $d: ID!, $dv: Int!) {
  mergeOrganizations(survivor: $s, survivorVersion: $sv, duplicate: $d, duplicateVersion: $dv)
  { id version }
}"""


def _wipe(settings: Settings) -> None:
    async def work(db: Database) -> None:
        await db.delete_in_batches("maintenance/wipe_map", limit=10_000)

    run_db(settings, work)


def _occupied(settings: Settings) -> bool:
    async def work(db: Database) -> bool:
        return bool((await db.read("backup/occupied"))[0]["nodes"])

    return run_db(settings, work)


def _post(client: TestClient, token: str, query: str, **variables: Any) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"}
    body = client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    return data_of(body.json())


def _busy(settings: Settings, client: TestClient) -> None:
    """What a map that is used holds besides its seed: keys, two imports (their runs and
    undo steps), created, merged and retired records, and their history."""

    async def make(db: Database) -> str:
        await keys.create_key(db, "test-backup-reader", "reader")
        return (await keys.create_key(db, "test-backup-editor", "editor"))[1]

    token = run_db(settings, make)
    for name in ("hashtag_header_3w.csv", "activities.xml"):
        files = [("files", (name, (FILES / name).read_bytes()))]
        sent = client.post("/import", files=files, headers={"Authorization": f"Bearer {token}"})
        assert sent.status_code == 200, sent.text
    made = [
        _post(client, token, CREATE_ORG, input={"key": k, "name": n, "type": "NGO", "cited": CITED})
        for k, n in (("backup-trust", "Backup Trust"), ("backup-trust-2", "The Backup Trust"))
    ]
    survivor, duplicate = (m["createOrganization"]["organization"] for m in made)
    merged = _post(
        client,
        token,
        MERGE,
        s=survivor["id"],
        sv=survivor["version"],
        d=duplicate["id"],
        dv=duplicate["version"],
    )
    assert merged["mergeOrganizations"]["id"] == survivor["id"]


def _without_scores(answer: Any) -> Any:
    """An answer without its search scores: Lucene's score of a hit depends on the history
    of the full-text index (entries deleted and not yet merged away), not only on what the
    map holds, so a restored map scores the same hits, in the same order, a hair apart."""
    if isinstance(answer, dict):
        return {
            k: _hits(_without_scores(v)) if k == "search" else _without_scores(v)
            for k, v in answer.items()
            if k != "score"
        }
    if isinstance(answer, list):
        return [_without_scores(v) for v in answer]
    return answer


def _hits(hits: Any) -> Any:
    """Search hits in a fixed order: hits of equal score may come in either order."""
    return (
        sorted(hits, key=lambda v: json.dumps(v, sort_keys=True))
        if isinstance(hits, list)
        else hits
    )


def _answers(settings: Settings) -> dict[str, Any]:
    unlimited = settings.model_copy(
        update={"graphql_max_tokens": 10**6, "graphql_max_aliases": 10**4, "graphql_max_depth": 50}
    )
    with TestClient(create_app(unlimited)) as client:
        sweep = make_sweep(client, settings)
        # The answer is its data and errors; `extensions` counts the statements it took,
        # which depends on how the loaders' batches fell, not on what the map holds.
        return {
            where: _without_scores(
                {
                    k: v
                    for k, v in client.post("/graphql", json={"query": _whole(query)})
                    .json()
                    .items()
                    if k != "extensions"
                }
            )
            for where, query in queries(sweep)
        }


def _whole(query: str) -> str:
    """Search asked for every hit, not the ten best: scores a hair apart after a restore
    (see `_without_scores`) may swap two hits at the tenth place."""
    return query.replace("search(text:", "search(first: 100, text:")


@pytest.fixture(scope="module")
def taken(
    seeded: Settings, client: TestClient, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """A backup of the busy map; the map is put back as the seed has it afterwards."""
    _busy(seeded, client)
    file = tmp_path_factory.mktemp("backup") / "map.jsonl"
    file.write_bytes(b"".join(run_db(seeded, backup.take).lines()))
    yield file
    reseed(seeded)


def test_a_restored_map_answers_as_before_and_backs_up_the_same(
    seeded: Settings, taken: Path, cli_env: None, tmp_path: Path
) -> None:
    runner = CliRunner()
    # Answered first, so what answering stores is backed up too: the organization ranking,
    # the overlaps rescored after the busy map's edits, and the alerts raised when read
    # (each an event in the changes feed and the histories a later question reads).
    _answers(seeded)
    before = _answers(seeded)
    first, again = tmp_path / "first.jsonl", tmp_path / "again.jsonl"
    assert runner.invoke(app, ["backup", str(first)]).exit_code == 0
    _wipe(seeded)
    assert not _occupied(seeded)
    done = runner.invoke(app, ["restore", str(first)])
    assert done.exit_code == 0, done.output
    assert runner.invoke(app, ["backup", str(again)]).exit_code == 0
    assert again.read_bytes() == first.read_bytes()
    after = _answers(seeded)
    differing = {
        where: (before[where], after[where]) for where in before if before[where] != after[where]
    }
    assert not differing, f"answered otherwise after the restore: {sorted(differing)}"


def test_the_backup_holds_what_a_used_map_holds(taken: Path) -> None:
    lines = [json.loads(line) for line in taken.read_text(encoding="utf-8").splitlines()]
    labels = {label for line in lines for label in line.get("labels", [])}
    # Keys, history, retired records and the published figures all go in.
    assert {"ApiKey", "AuditEvent", "Retired", "NeedEstimate", "Indicator"} <= labels
    kept = [line["props"] for line in lines if "ApiKey" in line.get("labels", [])]
    assert any(key.get("name") == "test-backup-editor" for key in kept)
    # A key's token is never stored, only its hash, so a backup holds none either.
    assert all("token" not in key for key in kept)


def test_a_restore_refuses_a_map_that_is_not_empty(
    seeded: Settings, taken: Path, cli_env: None
) -> None:
    done = CliRunner().invoke(app, ["restore", str(taken)])
    assert done.exit_code != 0
    assert "not empty" in done.output


def test_a_backup_cut_short_is_refused_with_nothing_written(
    seeded: Settings, taken: Path, cli_env: None, tmp_path: Path
) -> None:
    lines = taken.read_bytes().splitlines(keepends=True)
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(b"".join(lines[: len(lines) // 2]))
    _wipe(seeded)
    done = CliRunner().invoke(app, ["restore", str(cut)])
    assert done.exit_code != 0
    assert "cut short" in done.output
    assert not _occupied(seeded)


def test_a_restore_stopped_half_way_leaves_the_map_empty(seeded: Settings, taken: Path) -> None:
    _wipe(seeded)

    def stop(what: str, done: int, total: int) -> None:
        if what == "relationships":
            raise KeyboardInterrupt

    async def work(db: Database) -> None:
        with taken.open("rb") as lines, pytest.raises(KeyboardInterrupt):
            await backup.restore(db, iter(lines), stop)

    run_db(seeded, work)
    assert not _occupied(seeded)
