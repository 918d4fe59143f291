"""Webhooks against the real Neo4j and a real HTTP receiver: a change reaches the receiver
signed with the webhook's secret, is sent again after the receiver fails once, is taken
once, and shows in the delivery log; the change is sent as the registering key may read
it (an editor's webhook gets no key names and no contact details)."""

import asyncio
import hashlib
import hmac
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from service.config import Settings
from service.db.runtime import open_database
from service.editing import keys
from tests.conftest import free_port, reseed, run_db

Ask = Callable[..., dict[str, Any]]
REGISTER = """mutation($url: String!, $kind: String) {
  registerWebhook(url: $url, kind: $kind) { id secret } }"""
HOOKS = """{ webhooks { id url kind failingFor deliveries { event attempt status error } } }"""
CREATE_PERSON = "mutation($i: PersonInput!) { createPerson(input: $i) { id } }"
CITED = [{"source": "source:gcg-2017-report", "section": "Agenda", "note": "Test record."}]


class Receiver:
    """An HTTP receiver that answers 500 to its first POST and 204 to the rest."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes, int]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = 500 if not receiver.received else 204
                receiver.received.append((dict(self.headers), body, status))
                self.send_response(status)
                self.end_headers()

            def log_message(self, *_: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_for(self, count: int, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.1)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    found = Receiver()
    yield found
    found.server.shutdown()


@pytest.fixture(scope="module")
def editor_key(seeded: Settings) -> Iterator[str]:
    name = f"webhook-editor-{uuid.uuid4().hex[:6]}"
    yield run_db(seeded, lambda db: keys.create_key(db, name, "editor", None))[1]
    reseed(seeded)


def _ok(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def test_a_change_is_signed_retried_after_a_failure_and_taken_once(
    as_key: Callable[[str | None], Ask], editor_key: str, receiver: Receiver
) -> None:
    editor = as_key(editor_key)
    made = _ok(editor(REGISTER, url=receiver.url, kind="person"))["registerWebhook"]
    person = {
        "key": f"webhook-person-{uuid.uuid4().hex[:6]}",
        "name": "Test Webhook Person",
        "contact": "hooked@example.org",
        "contactConsent": True,
        "cited": CITED,
    }
    person_id = _ok(editor(CREATE_PERSON, i=person))["createPerson"]["id"]
    receiver.wait_for(2)
    time.sleep(2)  # anything sent twice would have come by now

    assert [status for _, _, status in receiver.received] == [500, 204]
    events = {headers["X-Alliance87-Event"] for headers, _, _ in receiver.received}
    assert len(events) == 1, "the retry sends the same change"
    for headers, body, _ in receiver.received:
        expected = hmac.new(made["secret"].encode(), body, hashlib.sha256).hexdigest()
        assert headers["X-Alliance87-Signature"] == f"sha256={expected}"
    sent = json.loads(receiver.received[-1][1])
    assert sent["action"] == "create"
    assert sent["targets"] == [person_id]
    # As an editor key reads it: no key name, no contact details.
    assert sent["actor"] is None
    assert "hooked@example.org" not in receiver.received[-1][1].decode()

    hook = next(h for h in _ok(editor(HOOKS))["webhooks"] if h["id"] == made["id"])
    log = [(d["attempt"], d["status"], d["error"] is None) for d in hook["deliveries"]]
    assert log == [(2, 204, True), (1, 500, False)]
    assert hook["failingFor"] == 0


def test_only_writing_keys_register_and_addresses_are_checked(
    seeded: Settings, as_key: Callable[[str | None], Ask], editor_key: str
) -> None:
    reader = as_key(run_db(seeded, lambda db: keys.create_key(db, "hook-reader", "reader"))[1])
    refused = reader(REGISTER, url="http://127.0.0.1:9/x")
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    public = as_key(None)(REGISTER, url="http://127.0.0.1:9/x")
    assert public["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    bad = as_key(editor_key)(REGISTER, url="file:///etc/passwd")
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_two_processes_claiming_at_once_never_both_hold_a_webhook(
    seeded: Settings, as_key: Callable[[str | None], Ask], editor_key: str
) -> None:
    """Each round, two deliverers with drivers of their own claim at the same moment:
    never do both hold the webhook (both holding it would send each change twice). It
    follows a change no test makes, so the servers' own deliverers, which claim it
    now and then too, never fail to send it one and make it wait; one of theirs
    overlapping a round leaves that round to neither."""
    quiet = """mutation($url: String!) {
      registerWebhook(url: $url, kind: "sdg-target", action: "delete") { id } }"""
    made = _ok(as_key(editor_key)(quiet, url="http://127.0.0.1:9/never"))
    hook = made["registerWebhook"]["id"]

    async def rounds(first: Any) -> list[int]:
        async with open_database(seeded, migrate_schema=False) as second:
            held = []
            for _ in range(30):
                claims = await asyncio.gather(
                    first.write_aside("webhooks/claim", by="a", leaseSeconds=60),
                    second.write_aside("webhooks/claim", by="b", leaseSeconds=60),
                )
                held.append(sum(1 for rows in claims for row in rows if row["id"] == hook))
                for by in ("a", "b"):
                    await first.write_aside("webhooks/release", ids=[hook], by=by)
            return held

    held = run_db(seeded, rounds)
    assert max(held) <= 1, held
    assert held.count(1) >= 20, held
