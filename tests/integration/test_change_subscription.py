"""The `changes` subscription over a real WebSocket (graphql-transport-ws) to the service
in a process of its own: an edit made over HTTP reaches every open subscription once, and
each subscriber reads it as its key may (the key's name for admin and reader keys only, a
person's contact details for admin keys only); a filter no change can meet is refused."""

import asyncio
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
import websockets

from service.config import Settings
from service.editing import keys
from tests.conftest import reseed, run_db
from tests.serving import serving

SUBSCRIBE = """subscription($since: DateTime, $kind: String) {
  changes(since: $since, kind: $kind) { id actor action targets after } }"""
CITED = [{"source": "source:gcg-2017-report", "section": "Agenda", "note": "Test record."}]
CREATE_PERSON = "mutation($i: PersonInput!) { createPerson(input: $i) { id } }"
PROTOCOL = websockets.Subprotocol("graphql-transport-ws")


@pytest.fixture(scope="module")
def served(seeded: Settings) -> Iterator[tuple[str, str, str]]:
    name = f"subscription-admin-{uuid.uuid4().hex[:6]}"
    _, token = run_db(seeded, lambda db: keys.create_key(db, name, "admin", None))
    password = seeded.neo4j_password.get_secret_value()
    with serving(
        seeded.neo4j_uri, seeded.neo4j_user, password, WORKERS="1", CHANGES_POLL_S="0.2"
    ) as url:
        yield url, name, token
    reseed(seeded)


async def _subscribed(url: str, token: str | None, variables: dict[str, Any]) -> Any:
    socket = await websockets.connect(
        url.replace("http", "ws", 1) + "/graphql", subprotocols=[PROTOCOL]
    )
    payload = {"Authorization": f"Bearer {token}"} if token else {}
    await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
    assert json.loads(await socket.recv())["type"] == "connection_ack"
    message = {"query": SUBSCRIBE, "variables": variables}
    await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": message}))
    return socket


async def _events(socket: Any, wanted: int, seconds: float = 20) -> list[dict[str, Any]]:
    """The next `wanted` events, then whatever else comes within a second (none should)."""
    found: list[dict[str, Any]] = []
    async with asyncio.timeout(seconds):
        while len(found) < wanted:
            found.append(_event(json.loads(await socket.recv())))
    try:
        async with asyncio.timeout(1):
            found.append(_event(json.loads(await socket.recv())))
    except TimeoutError:
        pass
    return found


def _event(message: dict[str, Any]) -> dict[str, Any]:
    assert message["type"] == "next", message
    assert "errors" not in message["payload"], message
    event: dict[str, Any] = message["payload"]["data"]["changes"]
    return event


def test_an_edit_reaches_each_subscriber_once_as_its_key_may_read_it(
    served: tuple[str, str, str],
) -> None:
    url, name, token = served

    async def run() -> tuple[list[dict[str, Any]], list[dict[str, Any]], str]:
        since = datetime.now(UTC).isoformat()
        variables = {"since": since, "kind": "person"}
        public = await _subscribed(url, None, variables)
        admin = await _subscribed(url, token, variables)
        person = {
            "key": f"subscribed-{uuid.uuid4().hex[:6]}",
            "name": "Test Subscribed Person",
            "contact": "subscribed@example.org",
            "contactConsent": True,
            "cited": CITED,
        }
        async with httpx.AsyncClient(timeout=60) as client:
            made = await client.post(
                f"{url}/graphql",
                json={"query": CREATE_PERSON, "variables": {"i": person}},
                headers={"Authorization": f"Bearer {token}"},
            )
        assert "errors" not in made.json(), made.text
        made_id = made.json()["data"]["createPerson"]["id"]
        seen = await _events(public, 1), await _events(admin, 1)
        await public.close()
        await admin.close()
        return seen[0], seen[1], made_id

    public, admin, made_id = asyncio.run(run())
    assert [(e["action"], e["targets"]) for e in public] == [("create", [made_id])]
    assert [(e["action"], e["targets"]) for e in admin] == [("create", [made_id])]
    assert public[0]["id"] == admin[0]["id"]
    # What the public may not read is not in its event; the admin's has it.
    assert public[0]["actor"] is None
    assert "contact" not in public[0]["after"]["properties"]
    assert "subscribed@example.org" not in json.dumps(public)
    assert admin[0]["actor"] == name
    assert admin[0]["after"]["properties"]["contact"] == "subscribed@example.org"


def test_a_filter_no_change_can_meet_is_refused(served: tuple[str, str, str]) -> None:
    url, _, _ = served

    async def run() -> dict[str, Any]:
        socket = await _subscribed(url, None, {"since": None, "kind": "spaceship"})
        async with asyncio.timeout(20):
            message: dict[str, Any] = json.loads(await socket.recv())
        await socket.close()
        return message

    message = asyncio.run(run())
    assert message["type"] in {"error", "next"}, message
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert "spaceship" in json.dumps(errors)
