"""Row-level provenance against a real Neo4j: every record and relationship an import brings
or confirms keeps, per file, the rows that say it, the text as written and when it was
first and last seen, so a fact that drops out of a partner's newer file shows as "not seen
since" the last import that had it; importing a file again renews that one note instead of
adding another; and a failed import takes its notes back with the rest."""

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from service.cli import app
from service.config import Settings
from service.db.driver import Database
from service.domain.seen import Sighting, sightings
from service.editing import keys
from service.editing.keys import Editor
from service.interchange.files import Upload, import_files
from service.interchange.vocabulary import load_vocabulary
from tests.conftest import data_of, empty_map, reseed, run_db

FILE = "partner-3w.csv"
HEADER = (
    "Organization,Implementing partner,Activity,Sector,Country,Status,Start\n"
    "#org,#org+impl,#activity,#sector,#country,#status,#date+start\n"
)
KILNS = "ILO,Brick Kiln Workers Union,Kiln inspections,Forced labour,Pakistan,ongoing,15/01/2026\n"
DESKS = "ILO,,Migration help desks,Migration,Nepal,planned,2026-03\n"
HARBOUR = "Harbour Watch Trust,,Port outreach,Human trafficking,Ghana,en cours,2026-02-01\n"
V1 = HEADER + KILNS + DESKS + HARBOUR
V2 = HEADER + KILNS + DESKS  # the partner's newer file: the port outreach is gone

SEEN = """seen { file where activity original { column texts } firstSeen lastSeen timesSeen
  fileLastImported fileImports notSeenSince }"""
ACTIVITY = (
    '{ initiatives(filter: {text: "%s"}) { edges { node { id countries: operatesIn '
    "{ ... on Country { iso3 } } " + SEEN + ' relationships(types: ["LEADS", "IMPLEMENTS"]) '
    "{ type node { id name } " + SEEN + " } } } } }"
)


@pytest.fixture
def client_and_key(client: TestClient, seeded: Settings) -> Iterator[tuple[TestClient, str]]:
    async def make(db: Database) -> str:
        return (await keys.create_key(db, "test-provenance", "editor"))[1]

    yield client, run_db(seeded, make)
    reseed(seeded)


def _upload(client: TestClient, key: str, text: str, dry_run: bool = False) -> dict[str, Any]:
    done = client.post(
        "/import?dryRun=true" if dry_run else "/import",
        files=[("files", (FILE, text.encode("utf-8")))],
        headers={"Authorization": f"Bearer {key}"},
    )
    assert done.status_code == 200, done.text
    body: dict[str, Any] = done.json()
    return body


def _activity(client: TestClient, text: str) -> dict[str, Any]:
    body = client.post("/graphql", json={"query": ACTIVITY % text}).json()
    [edge] = data_of(body)["initiatives"]["edges"]
    node: dict[str, Any] = edge["node"]
    return node


def _in_file(seen: list[dict[str, Any]]) -> dict[str, Any]:
    """The one note of the partner's file: re-importing it never adds a second."""
    [found] = [s for s in seen if s["file"] == FILE]
    return found


def test_a_fact_dropped_from_a_newer_file_shows_when_it_was_last_seen(
    client_and_key: tuple[TestClient, str],
) -> None:
    client, key = client_and_key
    assert _upload(client, key, V1, dry_run=True)["created"] > 0
    ilo = f'{{ node(id: "organization:ilo") {{ {SEEN} }} }}'
    # A dry run notes nothing.
    assert data_of(client.post("/graphql", json={"query": ilo}).json())["node"]["seen"] == []
    _upload(client, key, V1)
    first = _in_file(_activity(client, "Kiln inspections")["seen"])
    v1_at = first["lastSeen"]
    assert (first["firstSeen"], first["notSeenSince"], first["timesSeen"]) == (v1_at, None, 1)

    _upload(client, key, V2)
    _upload(client, key, V2)  # the same newer file again: still one note per fact and file
    kilns = _activity(client, "Kiln inspections")
    seen = _in_file(kilns["seen"])
    v2_at = seen["fileLastImported"]
    assert v2_at > v1_at
    # Seen in every import of the file: first at v1, last at the latest, never missing.
    assert (seen["firstSeen"], seen["lastSeen"], seen["notSeenSince"]) == (v1_at, v2_at, None)
    assert (seen["timesSeen"], seen["fileImports"]) == (3, 3)
    assert seen["where"] == ["row 3"]
    # The text as written beside the cleaned value: Pakistan for PAK, the date day first.
    written = {w["column"]: w["texts"] for w in seen["original"]}
    assert kilns["countries"] == [{"iso3": "PAK"}]
    assert written["#country"] == ["Pakistan"]
    assert written["#date+start"] == ["15/01/2026"]
    assert written["#org+impl"] == ["Brick Kiln Workers Union"]
    roles = {r["type"]: r for r in kilns["relationships"]}
    lead = _in_file(roles["LEADS"]["seen"])
    assert (lead["notSeenSince"], lead["lastSeen"]) == (None, v2_at)
    assert {w["column"]: w["texts"] for w in lead["original"]}["#org"] == ["ILO"]

    # The row the newer file left out: its initiative, its role and its organization are
    # all last seen at v1's import, and say so.
    port = _activity(client, "Port outreach")
    gone = _in_file(port["seen"])
    assert (gone["lastSeen"], gone["notSeenSince"], gone["timesSeen"]) == (v1_at, v1_at, 1)
    assert gone["fileLastImported"] == v2_at
    [role] = port["relationships"]
    assert role["node"]["name"] == "Harbour Watch Trust"
    assert _in_file(role["seen"])["notSeenSince"] == v1_at
    trust = data_of(
        client.post(
            "/graphql", json={"query": f'{{ node(id: "{role["node"]["id"]}") {{ {SEEN} }} }}'}
        ).json()
    )["node"]
    assert _in_file(trust["seen"])["notSeenSince"] == v1_at
    # The ILO, already on the map, is confirmed by the newer file's rows.
    confirmed = data_of(client.post("/graphql", json={"query": ilo}).json())["node"]
    assert _in_file(confirmed["seen"])["notSeenSince"] is None


def test_the_seed_was_seen_by_no_import(client: TestClient) -> None:
    body = client.post(
        "/graphql",
        json={
            "query": '{ node(id: "organization:ilo") { seen { file } '
            "relationships { seen { file } } } }"
        },
    ).json()
    node = data_of(body)["node"]
    assert node["seen"] == []
    assert all(r["seen"] == [] for r in node["relationships"])


def _notes(settings: Settings) -> list[list[Sighting]]:
    """Where the ILO, a new organization and their two initiatives were seen."""
    facts = [(node, node) for node in ("organization:ilo", "organization:brick-kiln-workers-union")]

    async def work(db: Database) -> list[list[Sighting]]:
        return await sightings(db, facts)

    return run_db(settings, work)


def test_a_failed_import_takes_its_provenance_back(
    client_and_key: tuple[TestClient, str], seeded: Settings
) -> None:
    """v1 goes in; a second import of the file fails after its first batch: every note is
    as v1 left it, the renewed ones put back and none added."""
    client, key = client_and_key
    _upload(client, key, V1)
    before = _notes(seeded)
    assert all(len(found) == 1 for found in before)

    def stop(done: int, total: int) -> None:
        raise RuntimeError("the importing process stopped after its first batch")

    async def fail(db: Database) -> None:
        upload = Upload(FILE, V1.encode("utf-8"))
        vocabulary = load_vocabulary(seeded.seed_dir)
        editor = Editor("test-provenance", "editor")
        await import_files(db, editor, [upload], 1, vocabulary=vocabulary, progress=stop)

    with pytest.raises(RuntimeError, match="first batch"):
        run_db(seeded, fail)
    assert _notes(seeded) == before


@pytest.mark.parametrize("file_format", ["json", "csv"])
def test_a_map_restored_from_its_export_keeps_where_facts_were_seen(
    client_and_key: tuple[TestClient, str],
    seeded: Settings,
    cli_env: None,
    tmp_path: Path,
    file_format: str,
) -> None:
    """The map's JSON and CSV exports carry the notes; imported into an empty map they
    restore them as they were (the export's own file is not noted: it is no new sighting),
    and a dropped fact still shows when it was last seen."""
    client, key = client_and_key
    _upload(client, key, V1)
    _upload(client, key, V2)
    facts = ("Kiln inspections", "Port outreach")
    before = [_activity(client, text) for text in facts]
    exported = tmp_path / ("map.json" if file_format == "json" else "map.zip")
    runner = CliRunner()
    assert runner.invoke(app, ["export", str(exported), "--format", file_format]).exit_code == 0

    run_db(seeded, lambda db: empty_map(db, seeded))
    if file_format == "csv":
        zipfile.ZipFile(exported).extractall(tmp_path / "csv")
        files = [str(p) for p in sorted((tmp_path / "csv").iterdir())]
    else:
        files = [str(exported)]
    done = runner.invoke(app, ["import", *files, "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["skipped"] == []
    after = [_activity(client, text) for text in facts]
    assert after == before
    assert _in_file(after[1]["seen"])["notSeenSince"] == _in_file(before[1]["seen"])["lastSeen"]
