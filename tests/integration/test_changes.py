"""What changed, as a feed reads it (`changes(since)` and GET /changes.atom) against the real
Neo4j: an edit appears once, in order, and a cursor kept from one read gives only what
changed after it; filters by kind and record pick their own; and what a caller may not
read (a key's name, a person's contact details) is in no answer made for them, in GraphQL
or in the Atom feed (service/editing/audit.py, service/interchange/atom.py)."""

import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from service.config import Settings
from service.editing import keys
from tests.conftest import reseed, run_db

Ask = Callable[..., dict[str, Any]]
ATOM = "{http://www.w3.org/2005/Atom}"
CITED = [
    {
        "source": "source:gcg-2017-report",
        "section": "1. Introduction to Alliance 8.7",
        "note": "Test record.",
    }
]
CHANGES = """query($since: DateTime!, $kind: String, $id: ID, $after: String, $first: Int! = 50) {
  changes(since: $since, kind: $kind, id: $id, after: $after, first: $first) {
    endCursor hasMore
    changes { id at actor role action targets summary changedFields after } } }"""
CREATE_ORG = """mutation($input: OrganizationInput!) {
  createOrganization(input: $input, confirmNew: true) { organization { id version } } }"""
UPDATE_ORG = """mutation($id: ID!, $version: Int!, $input: OrganizationInput!) {
  updateOrganization(id: $id, version: $version, input: $input) { id } }"""
CREATE_PERSON = "mutation($i: PersonInput!) { createPerson(input: $i) { id } }"


@pytest.fixture(scope="module")
def admin(seeded: Settings) -> Iterator[tuple[str, str]]:
    name = f"changes-admin-{uuid.uuid4().hex[:6]}"
    _, token = run_db(seeded, lambda db: keys.create_key(db, name, "admin", None))
    yield name, token
    reseed(seeded)


def _ok(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def _changes(ask: Ask, since: str, **filters: Any) -> dict[str, Any]:
    found: dict[str, Any] = _ok(ask(CHANGES, since=since, **filters))["changes"]
    return found


def test_an_edit_appears_once_and_a_cursor_gives_only_what_came_after(
    as_key: Callable[[str | None], Ask], admin: tuple[str, str]
) -> None:
    name, token = admin
    editor, public = as_key(token), as_key(None)
    since = datetime.now(UTC).isoformat()
    key = f"changes-{uuid.uuid4().hex[:6]}"
    organization = {"key": key, "name": f"Changes Watch {key}", "type": "NGO", "cited": CITED}
    made = _ok(editor(CREATE_ORG, input=organization))["createOrganization"]["organization"]
    first = _changes(public, since)
    assert [(c["action"], c["targets"][0]) for c in first["changes"]] == [("create", made["id"])]
    assert first["hasMore"] is False
    # The key's name is for reader and admin keys only.
    assert first["changes"][0]["actor"] is None
    assert _changes(editor, since)["changes"][0]["actor"] == name

    renamed = {**organization, "name": f"Changes Watch Renamed {key}"}
    _ok(editor(UPDATE_ORG, id=made["id"], version=made["version"], input=renamed))
    later = _changes(public, since, after=first["endCursor"])
    assert [(c["action"], c["changedFields"]) for c in later["changes"]] == [("update", ["name"])]
    # Paged one at a time, the two come in the order they were made, each once.
    paged, after = [], None
    while True:
        page = _changes(public, since, first=1, after=after)
        paged += [c["id"] for c in page["changes"]]
        after = page["endCursor"]
        if not page["hasMore"]:
            break
    assert paged == [c["id"] for c in _changes(public, since)["changes"]]
    assert len(paged) == len(set(paged)) == 2


def test_filters_pick_their_own_and_contact_details_stay_with_admins(
    as_key: Callable[[str | None], Ask], client: TestClient, admin: tuple[str, str]
) -> None:
    name, token = admin
    editor, public = as_key(token), as_key(None)
    since = datetime.now(UTC).isoformat()
    person = {
        "key": f"changes-person-{uuid.uuid4().hex[:6]}",
        "name": "Test Person",
        "cited": CITED,
    }
    made = _ok(
        editor(CREATE_PERSON, i={**person, "contact": "test@example.org", "contactConsent": True})
    )["createPerson"]
    key = f"changes-{uuid.uuid4().hex[:6]}"
    _ok(
        editor(
            CREATE_ORG, input={"key": key, "name": f"Other {key}", "type": "NGO", "cited": CITED}
        )
    )
    people = _changes(public, since, kind="person")["changes"]
    assert [c["targets"] for c in people] == [[made["id"]]]
    assert [c["targets"] for c in _changes(public, since, id=made["id"])["changes"]] == [
        [made["id"]]
    ]
    assert "contact" not in people[0]["after"]["properties"]
    admins = _changes(editor, since, kind="person")["changes"]
    assert admins[0]["after"]["properties"]["contact"] == "test@example.org"

    feed = client.get("/changes.atom", params={"since": since})
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(feed.content)
    entries = root.findall(f"{ATOM}entry")
    shown = {e.findtext(f"{ATOM}id") for e in entries}
    assert shown == {f"urn:uuid:{c['id']}" for c in _changes(public, since)["changes"]}
    assert "test@example.org" not in feed.text
    assert name not in feed.text
    related = {link.get("href") for e in entries for link in e.findall(f"{ATOM}link")}
    assert any(href and href.endswith(f"?view=history&id={made['id']}") for href in related)


def test_a_time_without_a_zone_and_an_unknown_kind_are_refused(gql: Ask) -> None:
    for since, kind in (("2026-01-01T00:00:00", None), ("2026-01-01T00:00:00Z", "spaceship")):
        body = gql(CHANGES, since=since, kind=kind)
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", body
