"""An import changing records already on the map, as an editor would send one: an empty cell
keeps what the map holds, only the `[clear]` marker empties a field, and a row that names the
version it was read at is refused, with nothing written, if the record has moved on."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.config import Settings
from service.db.driver import Database
from service.editing import keys
from service.interchange.rows import columns
from service.seed.loader import load, prepare
from tests.conftest import run_db

ILO = "organization:ilo"


@pytest.fixture(scope="module")
def editor(seeded: Settings) -> Iterator[dict[str, str]]:
    async def make(db: Database) -> str:
        return (await keys.create_key(db, "test-row-editor", "editor"))[1]

    yield {"Authorization": f"Bearer {run_db(seeded, make)}"}

    async def reset(db: Database) -> None:
        await db.delete_in_batches("maintenance/wipe_map", limit=10_000)
        await load(db, prepare(seeded.seed_dir), seeded.load_batch_size)

    run_db(seeded, reset)


def _organizations_csv(**cells: str) -> bytes:
    header = columns("organization")
    row = [cells.get(c, "") for c in header]
    return (",".join(header) + "\n" + ",".join(row) + "\n").encode()


def _ilo(client: TestClient) -> dict[str, Any]:
    query = f'{{ organization(id: "{ILO}") {{ name acronym version description basedIn {{ id }} sources {{ section }} }} }}'
    body = client.post("/graphql", json={"query": query}).json()
    found: dict[str, Any] = body["data"]["organization"]
    return found


def _send(client: TestClient, headers: dict[str, str], data: bytes) -> Any:
    return client.post("/import", files=[("files", ("organizations.csv", data))], headers=headers)


def test_an_empty_cell_keeps_the_field_and_the_marker_clears_it(
    client: TestClient, editor: dict[str, str]
) -> None:
    before = _ilo(client)
    assert before["acronym"] == "ILO"
    # Only a new description: name, type, acronym, country and citations stay as they were.
    sent = _send(client, editor, _organizations_csv(id=ILO, description="Tripartite UN agency."))
    assert sent.status_code == 200, sent.text
    after = _ilo(client)
    assert after == {
        **before,
        "description": "Tripartite UN agency.",
        "version": before["version"] + 1,
    }
    cleared = _send(client, editor, _organizations_csv(id=ILO, description="[clear]"))
    assert cleared.status_code == 200, cleared.text
    assert _ilo(client) == {**after, "description": None, "version": after["version"] + 1}


def test_a_row_read_at_an_old_version_is_refused_and_nothing_is_written(
    client: TestClient, editor: dict[str, str]
) -> None:
    now = _ilo(client)
    stale = str(now["version"] - 1)
    refused = _send(
        client, editor, _organizations_csv(id=ILO, version=stale, name="Overwritten name")
    )
    assert refused.status_code == 422, refused.text
    [problem] = refused.json()["problems"]
    assert problem["field"] == "version"
    assert f"it is at version {now['version']}" in problem["reason"]
    assert _ilo(client) == now
    current = _send(
        client, editor, _organizations_csv(id=ILO, version=str(now["version"]), acronym="OIT")
    )
    assert current.status_code == 200, current.text
    assert _ilo(client)["acronym"] == "OIT"
