"""Editing people, seats, memberships, commitments, indicators and country coordination
through GraphQL: each mutation with its version conflict, its rights (a key scoped to an
organization is refused) and the audit event written with it; contact details only with
consent, and never in public history."""

from collections.abc import Callable, Iterator
from typing import Any
from uuid import uuid4

import pytest

from service.config import Settings
from service.db.driver import Database
from service.editing import keys
from tests.conftest import reseed, run_db

Ask = Callable[..., dict[str, Any]]
GCG_REPORT = "source:gcg-2017-report"
GCG = "action-group:global-coordinating-group"
SECTION = "3. Operational Guidelines and Membership"
CITED = [{"source": GCG_REPORT, "section": SECTION, "note": "Test record."}]
SCOPED_ORG = "organization:test-accountable"


@pytest.fixture(scope="module")
def tokens(seeded: Settings) -> Iterator[dict[str, str]]:
    """An admin, an editor and an editor scoped to a test organization; the map is put back
    as the seed has it afterwards."""

    async def make(db: Database) -> dict[str, str]:
        made = {}
        for name, role in (("acc-admin", "admin"), ("acc-editor", "editor")):
            made[role] = (await keys.create_key(db, name, role))[1]
        return made

    made = run_db(seeded, make)
    yield made
    reseed(seeded)


@pytest.fixture
def scoped(tokens: dict[str, str], as_key: Callable[[str | None], Ask], seeded: Settings) -> Ask:
    """An editor key scoped to an organization of its own."""
    admin = as_key(tokens["admin"])
    exists = admin(f'{{ organization(id: "{SCOPED_ORG}") {{ id }} }}')
    if exists.get("errors"):
        made = admin(
            """mutation($input: OrganizationInput!) { createOrganization(input: $input,
                confirmNew: true) { organization { id } } }""",
            input={
                "key": "test-accountable",
                "name": "Test Accountable Org",
                "type": "NGO",
                "cited": CITED,
            },
        )
        assert "errors" not in made, made

    async def key(db: Database) -> str:
        return (await keys.create_key(db, f"acc-scoped-{uuid4().hex[:8]}", "editor", SCOPED_ORG))[1]

    return as_key(run_db(seeded, key))


def _ok(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body.get("errors")
    found: dict[str, Any] = body["data"]
    return found


def _code(body: dict[str, Any]) -> str:
    assert body.get("errors"), body
    return str(body["errors"][0]["extensions"]["code"])


def _problems(body: dict[str, Any]) -> dict[str, str]:
    return {p["field"]: p["reason"] for p in body["errors"][0]["extensions"]["problems"]}


HISTORY = """query($id: ID!) { history(id: $id) { action summary after before } }"""
CREATE_PERSON = """mutation($input: PersonInput!) {
  createPerson(input: $input) { id version name contact jobTitle } }"""
UPDATE_PERSON = """mutation($id: ID!, $version: Int!, $input: PersonInput!) {
  updatePerson(id: $id, version: $version, input: $input) { id version contact } }"""


def test_people_are_versioned_audited_and_keep_contact_details_only_by_consent(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask], scoped: Ask
) -> None:
    ask, admin, public = as_key(tokens["editor"]), as_key(tokens["admin"]), as_key(None)
    person = {"key": "test-person", "name": "Test Person", "cited": CITED}
    refused = ask(CREATE_PERSON, input={**person, "contact": "test@example.org"})
    assert _code(refused) == "BAD_USER_INPUT"
    assert "consent" in _problems(refused)["contact"]
    made = _ok(
        ask(CREATE_PERSON, input={**person, "contact": "test@example.org", "contactConsent": True})
    )["createPerson"]
    assert (made["id"], made["version"], made["contact"]) == (
        "person:test-person",
        1,
        "test@example.org",
    )
    # Consent withdrawn: the contact goes, and the history shows it to admin keys only.
    withdrawn = _ok(ask(UPDATE_PERSON, id=made["id"], version=1, input=person))["updatePerson"]
    assert (withdrawn["version"], withdrawn["contact"]) == (2, None)
    stale = ask(UPDATE_PERSON, id=made["id"], version=1, input={**person, "jobTitle": "x"})
    assert _code(stale) == "CONFLICT"
    events = _ok(public(HISTORY, id=made["id"]))["history"]
    assert [e["action"] for e in events] == ["update", "create"]
    assert all("contact" not in e["after"]["properties"] for e in events)
    created = _ok(admin(HISTORY, id=made["id"]))["history"][1]
    assert created["after"]["properties"]["contact"] == "test@example.org"
    # A key scoped to an organization may not create people.
    assert _code(scoped(CREATE_PERSON, input={**person, "key": "test-other"})) == "FORBIDDEN"


ADD = """mutation($input: RelationshipInput!) { addRelationship(input: $input) { type auditEventId } }"""
REMOVE = """mutation($from: ID!, $type: String!, $to: ID!, $which: String) {
  removeRelationship(from: $from, type: $type, to: $to, which: $which) { type } }"""


def _link(from_id: str, link_type: str, to_id: str, **more: Any) -> dict[str, Any]:
    return {
        "from": from_id,
        "type": link_type,
        "to": to_id,
        "source": GCG_REPORT,
        "section": SECTION,
        "note": "Test link.",
        **more,
    }


def test_a_person_holds_two_seats_on_one_body_each_added_and_removed_on_its_own(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask], scoped: Ask
) -> None:
    ask = as_key(tokens["editor"])
    who = "person:beate-andrees"
    first = _ok(
        ask(
            ADD,
            input=_link(who, "SEATED", GCG, seat="Test seat A", organization="organization:ilo"),
        )
    )
    assert first["addRelationship"]["auditEventId"]
    again = ask(ADD, input=_link(who, "SEATED", GCG, seat="Test seat A"))
    assert "with seat 'Test seat A'" in _problems(again)["type"]
    wrong = ask(
        ADD, input=_link(who, "SEATED", GCG, seat="Test seat B", organization="country:ARG")
    )
    assert "expected a organization id" in _problems(wrong)["organization"]
    absent = ask(
        ADD,
        input=_link(
            who, "SEATED", GCG, seat="Test seat B", organization="organization:test-nowhere"
        ),
    )
    assert "is not on the map" in _problems(absent)["organization"]
    _ok(
        ask(
            ADD,
            input=_link(who, "SEATED", GCG, seat="Test seat B", organization="organization:ilo"),
        )
    )
    seats = (
        """{ node(id: "person:beate-andrees") { ... on Person { seats { seat body { id } } } } }"""
    )
    on_gcg = {s["seat"] for s in _ok(ask(seats))["node"]["seats"] if s["body"]["id"] == GCG}
    assert {"Test seat A", "Test seat B"} <= on_gcg
    # Three seats on the GCG now: which one to remove must be named.
    unnamed = ask(REMOVE, **{"from": who, "type": "SEATED", "to": GCG})
    assert "name the seat" in _problems(unnamed)["which"]
    _ok(ask(REMOVE, **{"from": who, "type": "SEATED", "to": GCG, "which": "Test seat A"}))
    on_gcg = {s["seat"] for s in _ok(ask(seats))["node"]["seats"] if s["body"]["id"] == GCG}
    assert "Test seat A" not in on_gcg
    assert "Test seat B" in on_gcg
    summaries = [e["action"] for e in _ok(ask(HISTORY, id=who))["history"]]
    assert summaries[:3] == ["unlink", "link", "link"]
    # A scoped key may not seat someone on a body it has no rights over.
    assert _code(scoped(ADD, input=_link(who, "SEATED", GCG, seat="Test seat C"))) == "FORBIDDEN"


def test_a_membership_standing_is_recorded_and_listed(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask], scoped: Ask
) -> None:
    ask = as_key(tokens["editor"])
    observer = _link(
        "organization:osce",
        "MEMBERSHIP",
        GCG,
        standing="OBSERVER",
        since="2018-02",
        decision="Test decision.",
    )
    refused = scoped(ADD, input=observer)
    assert _code(refused) == "FORBIDDEN"
    missing = ask(ADD, input={**observer, "standing": None})
    assert "MEMBERSHIP needs 'standing'" in _problems(missing)["standing"]
    _ok(ask(ADD, input=observer))
    found = _ok(
        ask(
            "query($body: ID) { memberships(standings: [OBSERVER], body: $body) "
            "{ since decision organization { acronym } } }",
            body=GCG,
        )
    )
    assert found["memberships"] == [
        {"since": "2018-02", "decision": "Test decision.", "organization": {"acronym": "OSCE"}}
    ]


CREATE_COMMITMENT = """mutation($input: CommitmentInput!) {
  createCommitment(input: $input) { id version status due overdue madeBy { id } } }"""
UPDATE_COMMITMENT = """mutation($id: ID!, $version: Int!, $input: CommitmentInput!) {
  updateCommitment(id: $id, version: $version, input: $input) { id version status overdue } }"""


def test_commitments_are_versioned_audited_and_leave_the_overdue_list_when_met(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask], scoped: Ask
) -> None:
    ask = as_key(tokens["editor"])
    pledge = {
        "key": "test-pledge",
        "name": "Test pledge",
        "status": "MADE",
        "statusSince": "2018-01",
        "madeOn": "2018-01",
        "due": "2019",
        "madeBy": ["organization:ilo"],
        "owners": [GCG],
        "cited": CITED,
    }
    backwards = ask(CREATE_COMMITMENT, input={**pledge, "due": "2017"})
    assert "before the start" in _problems(backwards)["due"]
    wrong = ask(CREATE_COMMITMENT, input={**pledge, "madeBy": ["country:ARG"]})
    assert "expected a organization or action-group id" in _problems(wrong)["madeBy[0]"]
    assert _code(scoped(CREATE_COMMITMENT, input=pledge)) == "FORBIDDEN"
    made = _ok(ask(CREATE_COMMITMENT, input=pledge))["createCommitment"]
    assert (made["version"], made["overdue"], made["madeBy"]) == (
        1,
        True,
        [{"id": "organization:ilo"}],
    )
    overdue = '{ commitments(filter: {overdueOn: "2026-12-01", organization: "organization:ilo"}) { edges { node { id } } } }'
    assert _ok(ask(overdue))["commitments"]["edges"] == [{"node": {"id": "commitment:test-pledge"}}]
    # A dated progress update from a document: newer than the record's status, it is the
    # latest word, and the commitment leaves the overdue list while its record still says made.
    progress = _link(
        made["id"],
        "PROGRESS_REPORTED",
        "source:global-estimates-2022",
        progress="MET",
        since="2019-06",
    )
    progress.update(source="source:global-estimates-2022", section=None)
    _ok(ask(ADD, input=progress))
    state = '{ node(id: "commitment:test-pledge") { ... on Commitment { status statusSince statusFromProgress recordedStatus overdue(on: "2026-12-01") } } }'
    assert _ok(ask(state))["node"] == {
        "status": "MET",
        "statusSince": "2019-06",
        "statusFromProgress": True,
        "recordedStatus": "MADE",
        "overdue": False,
    }
    assert _ok(ask(overdue))["commitments"]["edges"] == []
    # A record updated later than the update is the latest word again (at version 2: the
    # progress update moved the commitment on).
    reopened = _ok(
        ask(
            UPDATE_COMMITMENT,
            id=made["id"],
            version=2,
            input={**pledge, "status": "IN_PROGRESS", "statusSince": "2020-02"},
        )
    )["updateCommitment"]
    assert (reopened["version"], reopened["status"], reopened["overdue"]) == (
        3,
        "IN_PROGRESS",
        True,
    )
    met = _ok(
        ask(
            UPDATE_COMMITMENT,
            id=made["id"],
            version=3,
            input={**pledge, "status": "MET", "statusSince": "2021-03"},
        )
    )["updateCommitment"]
    assert (met["version"], met["status"], met["overdue"]) == (4, "MET", False)
    assert _code(ask(UPDATE_COMMITMENT, id=made["id"], version=2, input=pledge)) == "CONFLICT"
    assert _ok(ask(overdue))["commitments"]["edges"] == []
    updates = _ok(
        ask(
            '{ node(id: "commitment:test-pledge") { ... on Commitment { progress { status since source { id } } } } }'
        )
    )
    assert updates["node"]["progress"] == [
        {"status": "MET", "since": "2019-06", "source": {"id": "source:global-estimates-2022"}}
    ]
    actions = [e["action"] for e in _ok(ask(HISTORY, id=made["id"]))["history"]]
    assert actions == ["update", "update", "link", "create"]


CREATE_INDICATOR = """mutation($input: IndicatorInput!) {
  createIndicator(input: $input) { id version code sdgTargets { code } } }"""
UPDATE_INDICATOR = """mutation($id: ID!, $version: Int!, $input: IndicatorInput!) {
  updateIndicator(id: $id, version: $version, input: $input) { id version unit } }"""


def test_indicators_are_versioned_audited_and_reported_against(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask], scoped: Ask
) -> None:
    ask = as_key(tokens["editor"])
    indicator = {
        "key": "test-indicator",
        "name": "Test indicator",
        "code": "8.7.9",
        "sdgTargets": ["8.7"],
        "themes": ["theme:child-labour"],
        "cited": CITED,
    }
    assert _code(scoped(CREATE_INDICATOR, input=indicator)) == "FORBIDDEN"
    made = _ok(ask(CREATE_INDICATOR, input=indicator))["createIndicator"]
    assert (made["version"], made["sdgTargets"]) == (1, [{"code": "8.7"}])
    changed = _ok(ask(UPDATE_INDICATOR, id=made["id"], version=1, input={**indicator, "unit": "%"}))
    assert changed["updateIndicator"]["version"] == 2
    assert _code(ask(UPDATE_INDICATOR, id=made["id"], version=1, input=indicator)) == "CONFLICT"
    _ok(ask(ADD, input=_link("initiative:knowledge-platform", "REPORTS_ON", made["id"])))
    found = _ok(
        ask(
            '{ node(id: "indicator:test-indicator") { ... on Indicator { reportedOnBy { id } values { value } latest(country: "NGA") { value } } } }'
        )
    )
    assert found["node"] == {
        "reportedOnBy": [{"id": "initiative:knowledge-platform"}],
        "values": [],
        "latest": None,
    }
    assert [e["action"] for e in _ok(ask(HISTORY, id=made["id"]))["history"]] == [
        "link",
        "update",
        "create",
    ]


def test_a_countrys_alliance_status_over_time_priority_and_coordination_body(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask], scoped: Ask
) -> None:
    ask = as_key(tokens["editor"])
    alliance, nepal = "organization:alliance-8-7", "country:NPL"
    for status, since in (("INTERESTED", "2018-03"), ("PATHFINDER", "2019-01")):
        _ok(
            ask(
                ADD,
                input=_link(alliance, "COUNTRY_STATUS", nepal, allianceStatus=status, since=since),
            )
        )
    assert (
        _code(
            scoped(
                ADD,
                input=_link(alliance, "COUNTRY_STATUS", nepal, allianceStatus="FORMER_PATHFINDER"),
            )
        )
        == "FORBIDDEN"
    )
    _ok(ask(ADD, input=_link("action-group:migration", "PRIORITY_COUNTRY", nepal)))
    body = _ok(
        ask(
            """mutation($input: OrganizationInput!) { createOrganization(input: $input,
        confirmNew: true) { organization { id } } }""",
            input={
                "key": "test-nepal-committee",
                "name": "Test National Committee",
                "type": "NATIONAL_COORDINATION",
                "basedIn": ["NPL"],
                "cited": CITED,
            },
        )
    )
    assert body["createOrganization"]["organization"]["id"] == "organization:test-nepal-committee"
    country = _ok(
        ask("""{ country(iso3: "NPL") { allianceStatus { status since organization { id } }
        priorityOf { id } coordinationBodies { id } initiatives { id } } }""")
    )["country"]
    assert [(s["status"], s["since"]) for s in country["allianceStatus"]] == [
        ("INTERESTED", "2018-03"),
        ("PATHFINDER", "2019-01"),
    ]
    assert country["priorityOf"] == [{"id": "action-group:migration"}]
    assert country["coordinationBodies"] == [{"id": "organization:test-nepal-committee"}]
    # A priority country is not a place of work.
    assert country["initiatives"] == []
    unnamed = ask(REMOVE, **{"from": alliance, "type": "COUNTRY_STATUS", "to": nepal})
    assert "which" in _problems(unnamed)
    _ok(
        ask(
            REMOVE,
            **{"from": alliance, "type": "COUNTRY_STATUS", "to": nepal, "which": "interested"},
        )
    )
    left = _ok(ask('{ country(iso3: "NPL") { allianceStatus { status } } }'))["country"]
    assert left["allianceStatus"] == [{"status": "PATHFINDER"}]


MERGE = """mutation($s: ID!, $sv: Int!, $d: ID!, $dv: Int!) {
  mergeOrganizations(survivor: $s, survivorVersion: $sv, duplicate: $d, duplicateVersion: $dv) {
    id version } }"""


def test_merging_organizations_keeps_seats_held_for_them_and_every_status(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask]
) -> None:
    ask = as_key(tokens["editor"])
    made = {}
    for key, name in (
        ("test-kept-council", "Test Kept Council"),
        ("test-dup-council", "Test Dup Council"),
    ):
        body = ask(
            """mutation($input: OrganizationInput!) { createOrganization(input: $input,
            confirmNew: true) { organization { id version } } }""",
            input={"key": key, "name": name, "type": "NATIONAL_COORDINATION", "cited": CITED},
        )
        made[key] = _ok(body)["createOrganization"]["organization"]
    kept, dup = made["test-kept-council"], made["test-dup-council"]
    seat = _link("person:tim-ryan", "SEATED", GCG, seat="Test merged seat", organization=dup["id"])
    _ok(ask(ADD, input=seat))
    for status, since in (("INTERESTED", "2018"), ("PATHFINDER", "2019")):
        _ok(
            ask(
                ADD,
                input=_link(
                    dup["id"], "COUNTRY_STATUS", "country:KEN", allianceStatus=status, since=since
                ),
            )
        )
    # Each status given moved the duplicate on a version.
    _ok(ask(MERGE, s=kept["id"], sv=kept["version"], d=dup["id"], dv=dup["version"] + 2))
    seats = _ok(
        ask(
            '{ node(id: "person:tim-ryan") { ... on Person { seats { seat organization { id } } } } }'
        )
    )
    [moved] = [s for s in seats["node"]["seats"] if s["seat"] == "Test merged seat"]
    assert moved["organization"] == {"id": kept["id"]}
    country = _ok(ask('{ country(iso3: "KEN") { allianceStatus { status organization { id } } } }'))
    assert country["country"]["allianceStatus"] == [
        {"status": "INTERESTED", "organization": {"id": kept["id"]}},
        {"status": "PATHFINDER", "organization": {"id": kept["id"]}},
    ]
    # Retired, the organization is no longer shown, and the seat says it named one.
    version = _ok(ask(f'{{ organization(id: "{kept["id"]}") {{ version }} }}'))
    retire = "mutation($id: ID!, $v: Int!) { retire(id: $id, version: $v) { id } }"
    _ok(ask(retire, id=kept["id"], v=version["organization"]["version"]))
    after = _ok(
        ask(
            '{ node(id: "person:tim-ryan") { ... on Person { seats { seat organization { id } organizationRecorded } } } }'
        )
    )
    [held] = [s for s in after["node"]["seats"] if s["seat"] == "Test merged seat"]
    assert (held["organization"], held["organizationRecorded"]) == (None, True)
