"""Alerts on the seed, raised by what users do through the API: importing an initiative
that repeats existing work raises one overlap alert naming the pair and its reasons; a
commitment due next month raises one alert; an import's look-alike organization raises
one; each is raised once, and acknowledging one takes it off the open list for good."""

import json
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.config import Settings
from service.editing import keys
from tests.conftest import reseed, run_db

Ask = Callable[..., dict[str, Any]]
ALERTS = """query($kind: AlertKind, $about: ID, $acknowledged: Boolean! = false) {
  alerts(kind: $kind, about: $about, acknowledged: $acknowledged, first: 500) {
    key kind subjects title facts link organizations themes acknowledgedAt } }"""
CHANGES = """query($since: DateTime!, $id: ID, $action: String) {
  changes(since: $since, id: $id, action: $action, first: 100) {
    changes { action targets summary role } } }"""
OVERLAPS = "{ overlaps(limit: 500) { a { id } b { id } score reasons { facet } } }"
ACKNOWLEDGE = "mutation($key: String!) { acknowledgeAlert(key: $key) }"
CREATE_COMMITMENT = "mutation($input: CommitmentInput!) { createCommitment(input: $input) { id } }"
GCG = "action-group:global-coordinating-group"
CITED = [{"source": "source:gcg-2017-report", "section": "4. Next Steps", "note": "Test."}]
ORIGINAL = "initiative:knowledge-platform"
ROLES = {"LEADS", "HOSTS", "FUNDS", "PARTNERS_IN", "IMPLEMENTS"}
SHEET = "\n".join(
    [
        "Organization,Sector,Country,Activity",
        "#org,#sector,#country+code,#activity",
        "Food And Agriculutre Organization,Food Security,NGA,Seed distribution",
    ]
)


@pytest.fixture(scope="module")
def admin(seeded: Settings) -> Iterator[str]:
    name = f"alerts-admin-{uuid.uuid4().hex[:6]}"
    yield run_db(seeded, lambda db: keys.create_key(db, name, "admin"))[1]
    reseed(seeded)


def _alerts(ask: Ask, **given: Any) -> list[dict[str, Any]]:
    body = ask(ALERTS, **given)
    assert "errors" not in body, body
    found: list[dict[str, Any]] = body["data"]["alerts"]
    return found


def _changes(ask: Ask, since: str, **filters: Any) -> list[dict[str, Any]]:
    body = ask(CHANGES, since=since, **filters)
    assert "errors" not in body, body
    found: list[dict[str, Any]] = body["data"]["changes"]["changes"]
    assert all(c["role"] == "system" for c in found if c["action"].startswith("alert-"))
    return found


def _import(client: TestClient, token: str, name: str, data: bytes) -> dict[str, Any]:
    done = client.post(
        "/import",
        files=[("files", (name, data))],
        data={"source": "source:gcg-2017-report", "section": "Agenda"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert done.status_code == 200, done.text
    report: dict[str, Any] = done.json()
    return report


def _copy_of_original(client: TestClient, token: str) -> tuple[bytes, str]:
    """The map's JSON holding one new initiative written up like the original, with the
    same organizations in the same roles."""
    exported = client.get("/export", headers={"Authorization": f"Bearer {token}"}).json()
    original = next(i for i in exported["initiatives"] if i["id"] == ORIGINAL)
    copy_id = f"initiative:copy-{uuid.uuid4().hex[:6]}"
    copy = {**original, "id": copy_id, "version": None}
    roles = [
        {**r, "to": copy_id}
        for r in exported["relationships"]
        if r["to"] == ORIGINAL and r["type"] in ROLES
    ]
    return json.dumps({"initiatives": [copy], "relationships": roles}).encode(), copy_id


def test_each_kind_is_raised_once_with_its_facts_and_acknowledged_for_good(
    client: TestClient, as_key: Callable[[str | None], Ask], admin: str
) -> None:
    ask = as_key(admin)
    before = {a["key"] for a in _alerts(ask, acknowledged=True)}
    since = datetime.now(UTC).isoformat()

    due = (date.today() + timedelta(days=30)).isoformat()
    pledge = {
        "key": f"alert-pledge-{uuid.uuid4().hex[:6]}",
        "name": "Test pledge due next month",
        "status": "MADE",
        "madeOn": "2018-01",
        "due": due,
        "madeBy": ["organization:ilo"],
        "owners": [GCG],
        "cited": CITED,
    }
    made = ask(CREATE_COMMITMENT, input=pledge)
    assert "errors" not in made, made
    commitment = made["data"]["createCommitment"]["id"]
    data, copy_id = _copy_of_original(client, admin)
    assert _import(client, admin, "copy.json", data)["created"] >= 1
    report = _import(client, admin, "field-3w.csv", SHEET.encode())
    assert report["queued"], "the sheet's misspelt organization is queued as a look-alike"

    new = [a for a in _alerts(ask) if a["key"] not in before]
    due_alerts = [a for a in new if a["kind"] == "COMMITMENT_DUE"]
    assert [a["subjects"][0] for a in due_alerts] == [commitment]
    assert due in due_alerts[0]["title"]
    assert set(due_alerts[0]["organizations"]) == {"organization:ilo", GCG}

    named = [a for a in new if a["kind"] == "OVERLAP" and set(a["subjects"]) == {ORIGINAL, copy_id}]
    assert len(named) == 1, new
    # Its facts are the pair's reasons, as `overlaps` gives them.
    pairs = ask(OVERLAPS)["data"]["overlaps"]
    pair = next(p for p in pairs if {p["a"]["id"], p["b"]["id"]} == {ORIGINAL, copy_id})
    facets = {fact.split(":")[0] for fact in named[0]["facts"][1:]}
    assert facets == {r["facet"] for r in pair["reasons"]}
    assert named[0]["facts"][0].startswith(f"score {pair['score']:.2f}")

    look_alikes = [a for a in new if a["kind"] == "LOOK_ALIKE"]
    assert any("organization:fao" in a["subjects"] for a in look_alikes)

    # Each new alert is also in the changes feed, filtered by its kind or by what it
    # concerns, as any change is (so a subscription or a webhook can follow them).
    due_events = _changes(ask, since, action="alert-commitment-due")
    assert len(due_events) == 1
    assert {commitment, "organization:ilo", GCG} <= set(due_events[0]["targets"])
    about_copy = _changes(ask, since, id=copy_id, action="alert-overlap")
    assert any(set(named[0]["subjects"]) <= set(e["targets"]) for e in about_copy)
    theme = next(t for t in named[0]["themes"])
    assert any(e["summary"] == named[0]["title"] for e in _changes(ask, since, id=theme))

    # Work last confirmed in 2017 has gone stale; the work imported today has not.
    stale = {a["subjects"][0]: a for a in _alerts(ask, kind="STALE")}
    assert ORIGINAL in stale
    assert "last confirmed on 2017-11-13" in stale[ORIGINAL]["title"]
    assert copy_id not in stale
    # So have organizations last confirmed then; each such alert concerns the organization.
    assert "last confirmed on 2017-11-13" in stale["organization:ilo"]["title"]
    assert stale["organization:ilo"]["organizations"] == ["organization:ilo"]

    # Read again: nothing is raised twice.
    again = [a["key"] for a in _alerts(ask) if a["key"] not in before]
    assert sorted(again) == sorted(a["key"] for a in new)

    # Acknowledged, it leaves the open list and stays off it.
    key = named[0]["key"]
    assert ask(ACKNOWLEDGE, key=key)["data"]["acknowledgeAlert"] == key
    assert key not in {a["key"] for a in _alerts(ask)}
    assert key not in {a["key"] for a in _alerts(ask)}
    shown = {a["key"]: a for a in _alerts(ask, acknowledged=True)}
    assert shown[key]["acknowledgedAt"] is not None
    # About one record: the commitment's own alert.
    assert [a["key"] for a in _alerts(ask, about=commitment)] == [due_alerts[0]["key"]]


def test_reading_needs_a_key_and_a_reader_cannot_acknowledge(
    seeded: Settings, as_key: Callable[[str | None], Ask]
) -> None:
    public = as_key(None)(ALERTS)
    assert public["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    reader = as_key(run_db(seeded, lambda db: keys.create_key(db, "alerts-reader", "reader"))[1])
    assert "errors" not in reader(ALERTS)
    refused = reader(ACKNOWLEDGE, key="overlap a b")
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


CREATE_EVENT = "mutation($input: EventInput!) { createEvent(input: $input) { id } }"
ADD = "mutation($input: RelationshipInput!) { addRelationship(input: $input) { auditEventId } }"
UPDATE_COMMITMENT = """mutation($id: ID!, $version: Int!, $input: CommitmentInput!) {
  updateCommitment(id: $id, version: $version, input: $input) { id } }"""
VERSION = "query($id: ID!) { node(id: $id) { ... on Commitment { version } } }"


def test_a_commitment_falls_due_at_its_meeting_and_an_unlinked_one_is_named(
    as_key: Callable[[str | None], Ask], admin: str
) -> None:
    """A commitment due at a meeting falls due on the meeting's day; one with no due date
    whose makers organize an event after it was made has that event named, inferred and
    said so, until it is linked as the meeting it is due at."""
    ask = as_key(admin)
    tag = uuid.uuid4().hex[:6]
    day = (date.today() + timedelta(days=20)).isoformat()
    meeting = {
        "key": f"alert-meeting-{tag}",
        "name": f"Test coordination meeting {tag}",
        "kind": "MEETING",
        "status": "PLANNED",
        "date": day,
        "cited": CITED,
    }
    made = ask(CREATE_EVENT, input=meeting)
    assert "errors" not in made, made
    event = made["data"]["createEvent"]["id"]
    organizer = "organization:unicef"
    link = {"from": organizer, "type": "ORGANIZED", "to": event}
    cite = {"source": "source:gcg-2017-report", "section": "Agenda", "note": "Test."}
    added = ask(ADD, input={**link, **cite})
    assert "errors" not in added, added

    this_month = date.today().isoformat()[:7]
    base = {"status": "MADE", "madeOn": this_month, "madeBy": [organizer], "cited": CITED}
    linked_in = {**base, "key": f"alert-at-{tag}", "name": f"Report back {tag}", "dueAt": event}
    unlinked_in = {**base, "key": f"alert-maybe-{tag}", "name": f"Follow up {tag}"}
    ids = {}
    for given in (linked_in, unlinked_in):
        created = ask(CREATE_COMMITMENT, input=given)
        assert "errors" not in created, created
        ids[given["key"]] = created["data"]["createCommitment"]["id"]
    linked, unlinked = ids[linked_in["key"]], ids[unlinked_in["key"]]

    [at] = _alerts(ask, about=linked)
    assert at["kind"] == "COMMITMENT_DUE"
    assert f"is due on {day}" in at["title"]
    assert any(meeting["name"] in f and f.startswith("due at") for f in at["facts"])
    assert not any(f.startswith("inferred") for f in at["facts"])

    [maybe] = _alerts(ask, about=unlinked)
    assert maybe["kind"] == "COMMITMENT_DUE"
    assert f"may be due on {day}" in maybe["title"]
    assert maybe["facts"][0].startswith("inferred")
    assert any(f.startswith("not linked") and meeting["name"] in f for f in maybe["facts"])
    assert event in maybe["subjects"]

    # Linked as the meeting it is due at, it is due (no longer inferred) on the same day:
    # the alert already raised for that day stands, and no second one is raised.
    version = ask(VERSION, id=unlinked)["data"]["node"]["version"]
    update = {k: v for k, v in unlinked_in.items() if k != "key"}
    done = ask(UPDATE_COMMITMENT, id=unlinked, version=version, input={**update, "dueAt": event})
    assert "errors" not in done, done
    assert [a["key"] for a in _alerts(ask, about=unlinked)] == [maybe["key"]]
