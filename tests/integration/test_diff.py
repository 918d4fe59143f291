"""The map at past moments against snapshots taken then: after a sequence of edits through
the API (a new organization, a relationship added and later removed, a place added to an
initiative, an organization retired), the records and relationships `diff` lists as added,
removed and changed between any two of the moments are those a whole backup of the
database taken at each moment shows, and `whoIsDoingWhatWhere(asOf)` gives the rows it
gave at each moment."""

import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import orjson
import pytest

from service.config import Settings
from service.db import backup
from service.editing import keys
from tests.conftest import data_of, reseed, run_db
from tests.forms import save_form

Ask = Callable[..., dict[str, Any]]
DIFF = """query($from: DateTime!, $to: DateTime!) { diff(from: $from, to: $to) {
  records { fact change sources events } relationships { fact change sources }
  notTakenApart } }"""
CREATE_ORG = """mutation($input: OrganizationInput!) {
  createOrganization(input: $input, confirmNew: true) { organization { id version } } }"""
ADD = "mutation($input: RelationshipInput!) { addRelationship(input: $input) { auditEventId } }"
REMOVE = """mutation($from: ID!, $type: String!, $to: ID!) {
  removeRelationship(from: $from, type: $type, to: $to) { auditEventId } }"""
RETIRE = "mutation($id: ID!, $version: Int!) { retire(id: $id, version: $version) { id } }"
VERSION = "query($id: ID!) { node(id: $id) { ... on Organization { version } } }"
WHO = """query($asOf: DateTime) { whoIsDoingWhatWhere(first: 100, asOf: $asOf) {
  totalCount edges { node { organization { id name } role initiative { id name status }
  places { ... on Country { id } ... on Region { id } } themes { id } } } } }"""
GCG = "source:gcg-2017-report"
CITED = [{"source": GCG, "section": "Agenda", "note": "Test record."}]
PLACED = "initiative:knowledge-platform"
Snapshot = tuple[dict[str, Any], dict[str, Any]]


@pytest.fixture(scope="module")
def admin(seeded: Settings) -> Iterator[str]:
    name = f"diff-admin-{uuid.uuid4().hex[:6]}"
    yield run_db(seeded, lambda db: keys.create_key(db, name, "admin"))[1]
    reseed(seeded)


def _snapshot(seeded: Settings) -> Snapshot:
    """The map's records (not retired) and the relationships between records, by id and by key,
    from a whole backup: what the database held at that moment. A property with no value
    and one holding an empty list say the same (nothing recorded), as the map reads them."""
    taken = run_db(seeded, backup.take)
    nodes = [orjson.loads(line) for line in taken.nodes]
    # A retired record loses its MapNode label and keeps its id.
    ids = {n["n"]: n["props"]["id"] for n in nodes if {"MapNode", "Retired"} & set(n["labels"])}
    records = {
        n["props"]["id"]: {
            k: v
            for k, v in n["props"].items()
            if k not in ("version", "name_key") and v not in (None, [])
        }
        for n in nodes
        if "MapNode" in n["labels"] and "Retired" not in n["labels"]
    }
    links = {}
    for line in taken.relationships:
        link = orjson.loads(line)
        start, end = (ids.get(e) for e in link["ends"])
        # A retired record's relationships stay recorded (it leaves the map, they wait).
        if start and end and "key" in link["props"]:
            links[link["props"]["key"]] = [link["type"], link["props"]]
    return records, links


def _delta(before: dict[str, Any], after: dict[str, Any]) -> dict[str, set[str]]:
    return {
        "ADDED": set(after) - set(before),
        "REMOVED": set(before) - set(after),
        "CHANGED": {k for k in set(before) & set(after) if before[k] != after[k]},
    }


def _listed(changes: list[dict[str, Any]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {"ADDED": set(), "REMOVED": set(), "CHANGED": set()}
    for c in changes:
        found[c["change"]].add(c["fact"])
    return found


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _add_country(ask: Ask, initiative: str, iso3: str) -> None:
    save_form(
        ask, initiative, lambda values: {"countries": [*(values.get("countries") or []), iso3]}
    )


def test_a_diff_between_any_two_moments_equals_their_snapshots(
    seeded: Settings, as_key: Callable[[str | None], Ask], admin: str
) -> None:
    ask = as_key(admin)
    moments, snapshots = [_now()], [_snapshot(seeded)]

    key = f"diff-{uuid.uuid4().hex[:6]}"
    organization = {"key": key, "name": f"Diff Watch {key}", "type": "NGO", "cited": CITED}
    made = data_of(ask(CREATE_ORG, input=organization))["createOrganization"]["organization"]
    link = {"from": made["id"], "type": "PARTNERS_IN", "to": PLACED, "source": GCG}
    data_of(ask(ADD, input={**link, "section": "Agenda", "note": "Test link."}))
    moments.append(_now())
    snapshots.append(_snapshot(seeded))

    _add_country(ask, PLACED, "BOL")
    data_of(ask(REMOVE, **{k: link[k] for k in ("from", "type", "to")}))
    retired = "organization:walk-free-foundation"
    version = data_of(ask(VERSION, id=retired))["node"]["version"]
    data_of(ask(RETIRE, id=retired, version=version))
    moments.append(_now())
    snapshots.append(_snapshot(seeded))

    for first, second in ((0, 1), (1, 2), (0, 2)):
        answer = data_of(ask(DIFF, **{"from": moments[first], "to": moments[second]}))["diff"]
        (records_a, links_a), (records_b, links_b) = snapshots[first], snapshots[second]
        assert _listed(answer["records"]) == _delta(records_a, records_b), (first, second)
        assert _listed(answer["relationships"]) == _delta(links_a, links_b), (first, second)
        assert answer["notTakenApart"] == []
    # Every listed fact names the events that made it and, where it cites one, its source.
    whole = data_of(ask(DIFF, **{"from": moments[0], "to": moments[2]}))["diff"]
    assert all(c["events"] for c in whole["records"])
    added = next(c for c in whole["records"] if c["fact"] == made["id"])
    assert added["sources"] == [GCG]
    assert all(c["sources"] == [GCG] for c in whole["relationships"] if c["change"] == "ADDED")


def test_the_moments_must_be_in_order_and_have_a_zone(gql: Ask) -> None:
    later = gql(DIFF, **{"from": "2026-02-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"})
    assert later["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    local = gql(DIFF, **{"from": "2026-01-01T00:00:00", "to": "2026-02-01T00:00:00Z"})
    assert local["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_who_is_doing_what_where_as_of_a_moment_gives_what_it_gave_then(
    seeded: Settings, as_key: Callable[[str | None], Ask], admin: str
) -> None:
    ask = as_key(admin)
    moments, answers = [_now()], [data_of(ask(WHO))]
    key = f"asof-{uuid.uuid4().hex[:6]}"
    organization = {"key": key, "name": f"As Of Watch {key}", "type": "NGO", "cited": CITED}
    made = data_of(ask(CREATE_ORG, input=organization))["createOrganization"]["organization"]
    link = {"from": made["id"], "type": "LEADS", "to": PLACED, "source": GCG}
    data_of(ask(ADD, input={**link, "section": "Agenda", "note": "Test link."}))
    _add_country(ask, PLACED, "PRY")
    moments.append(_now())
    answers.append(data_of(ask(WHO)))

    data_of(ask(REMOVE, **{k: link[k] for k in ("from", "type", "to")}))
    retired = "organization:unu"
    version = data_of(ask(VERSION, id=retired))["node"]["version"]
    data_of(ask(RETIRE, id=retired, version=version))
    moments.append(_now())
    answers.append(data_of(ask(WHO)))

    assert answers[0] != answers[1] != answers[2], "each step changes who does what where"
    for moment, then in zip(moments, answers, strict=True):
        assert data_of(ask(WHO, asOf=moment)) == then, moment
    # The rebuilt past is seen by that answer only: the map is as the edits left it.
    assert data_of(ask(WHO)) == answers[2]


COMMITMENTS = """query($asOf: DateTime) { commitments(first: 100, asOf: $asOf) {
  totalCount edges { node { id name status due } } } }"""
CREATE_COMMITMENT = "mutation($input: CommitmentInput!) { createCommitment(input: $input) { id } }"


def test_commitments_as_of_a_moment_are_those_listed_then(
    as_key: Callable[[str | None], Ask], admin: str
) -> None:
    ask = as_key(admin)
    pledge = {
        "key": f"asof-pledge-{uuid.uuid4().hex[:6]}",
        "name": "Test pledge followed over time",
        "status": "MADE",
        "madeOn": "2018-01",
        "due": "2030",
        "madeBy": ["organization:ilo"],
        "owners": ["action-group:global-coordinating-group"],
        "cited": CITED,
    }
    moments, answers = [_now()], [data_of(ask(COMMITMENTS))]
    made = data_of(ask(CREATE_COMMITMENT, input=pledge))["createCommitment"]["id"]
    moments.append(_now())
    answers.append(data_of(ask(COMMITMENTS)))
    save_form(ask, made, lambda _: {"status": "IN_PROGRESS", "due": "2031"})
    moments.append(_now())
    answers.append(data_of(ask(COMMITMENTS)))

    assert answers[0] != answers[1] != answers[2], "each step changes the list"
    for moment, then in zip(moments, answers, strict=True):
        assert data_of(ask(COMMITMENTS, asOf=moment)) == then, moment
