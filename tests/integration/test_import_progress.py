"""Following and cancelling an import over HTTP, against the real Neo4j, with batches
slowed so it is caught half-way: the key that started it reads how far it has got under
the ticket it chose and can cancel it; the import then answers CANCELLED and the map is as
it was, nothing held; another key learns nothing of it. A finished import lists every
record it created or changed (service/editing/holds.py, service/interchange/apply.py)."""

import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.config import Settings
from service.editing import keys
from tests.conftest import run_db

Answer = dict[str, Any]


def _token(seeded: Settings, organization: str | None = None) -> dict[str, str]:
    name = f"progress-{uuid.uuid4().hex[:8]}"
    token = run_db(seeded, lambda db: keys.create_key(db, name, "editor", organization))[1]
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def slow(seeded: Settings) -> Iterator[TestClient]:
    """The service writing 5 records a batch and resting a fifth of a second after each."""
    settings = seeded.model_copy(update={"load_batch_size": 5, "import_batch_pause_s": 0.2})
    with TestClient(create_app(settings)) as client:
        yield client


def _sheet(tag: str, rows: int) -> bytes:
    lines = [f"Walk Free Foundation,Progress test {tag} {n},NPL" for n in range(rows)]
    return ("Organization,Activity,Country\n#org,#activity,#country\n" + "\n".join(lines)).encode()


def _initiatives(client: TestClient, tag: str) -> list[str]:
    query = "query($text: String!) { search(text: $text, first: 100) { id kind name } }"
    body = client.post("/graphql", json={"query": query, "variables": {"text": tag}}).json()
    return [h["id"] for h in body["data"]["search"] if tag in h["name"]]


def _start(client: TestClient, auth: dict[str, str], data: bytes, ticket: str) -> list[Any]:
    """The import, on a thread of its own; the list gets its answer when it ends."""
    answer: list[Any] = []

    def run() -> None:
        files = [("files", ("progress.csv", data))]
        answer.append(client.post(f"/import?ticket={ticket}", files=files, headers=auth))

    threading.Thread(target=run, daemon=True).start()
    return answer


def _writing(client: TestClient, auth: dict[str, str], ticket: str) -> Answer:
    """The progress once some of the import is written."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = client.get(f"/import/progress/{ticket}", headers=auth)
        if found.status_code == 200 and (found.json()["written"] or 0) > 0:
            body: Answer = found.json()
            return body
        time.sleep(0.05)
    raise AssertionError("the import never reported writing")


def _ended(answer: list[Any]) -> httpx.Response:
    deadline = time.monotonic() + 60
    while not answer and time.monotonic() < deadline:
        time.sleep(0.05)
    assert answer, "the import did not end"
    ended: httpx.Response = answer[0]
    return ended


def test_an_import_followed_and_cancelled_leaves_the_map_as_it_was(
    slow: TestClient, client: TestClient, seeded: Settings
) -> None:
    tag, ticket = uuid.uuid4().hex[:8], str(uuid.uuid4())
    auth, other = _token(seeded), _token(seeded)
    answer = _start(slow, auth, _sheet(tag, 60), ticket)
    progress = _writing(client, auth, ticket)
    assert 0 < progress["written"] < progress["to_write"]
    assert progress["done"] is False
    assert progress["cancel"] is False
    # Another key neither sees nor cancels it.
    assert client.get(f"/import/progress/{ticket}", headers=other).status_code == 404
    assert client.delete(f"/import/progress/{ticket}", headers=other).status_code == 404
    assert _initiatives(client, tag), "batches written so far are on the map"
    assert client.delete(f"/import/progress/{ticket}", headers=auth).status_code == 202
    ended = _ended(answer)
    assert ended.status_code == 409, ended.text
    assert ended.json()["code"] == "CANCELLED"
    assert _initiatives(client, tag) == []
    assert client.get(f"/import/progress/{ticket}", headers=auth).status_code == 404
    # Nothing is left held: the same rows import at once, whole.
    again = client.post("/import", files=[("files", ("p.csv", _sheet(tag, 3)))], headers=auth)
    assert again.status_code == 200, again.text
    assert len(_initiatives(client, tag)) == 3


def test_a_finished_import_lists_every_record_it_changed(
    client: TestClient, seeded: Settings
) -> None:
    tag = uuid.uuid4().hex[:8]
    auth = _token(seeded)
    done = client.post("/import", files=[("files", ("p.csv", _sheet(tag, 4)))], headers=auth)
    assert done.status_code == 200, done.text
    report = done.json()
    listed = {c["id"]: c for c in report["changed"]}
    assert set(_initiatives(client, tag)) <= set(listed)
    assert len(listed) == report["created"] + report["updated"]
    assert all(c["action"] in ("created", "updated") and c["name"] for c in listed.values())
