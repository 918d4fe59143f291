"""Rights hold on every path, against the real Neo4j: a scoped key may not state anything
in another organization's name (the model's `speaks_for`, beside each relationship type),
removing a relationship follows the rules of adding it and moves both records on a
version, a reader key reads what the public cannot and writes nothing, and the fast read
path gives every caller, field by field, what strawberry gives them, leaving to strawberry
whatever depends on who is asking."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from service.api.app import create_app
from service.api.graphql.fast_reads import FastReads
from service.cli import app as cli
from service.config import Settings
from service.db.driver import Database
from service.editing import keys
from service.editing.relationships import SET_BY_RECORD, WRITTEN_ALONE
from service.model.relationships import RELATIONSHIPS
from tests.conftest import reseed, run_db

Ask = Callable[..., dict[str, Any]]
REPORT = "source:gcg-2017-report"
SECTION = "1. Introduction to Alliance 8.7"
CITED = [{"source": REPORT, "section": SECTION, "note": "Test record."}]
SCOPED_ORG = "organization:test-rights-partner"
GCG = "action-group:global-coordinating-group"
OTHER_ORG = "organization:ilo"
KENYA = "country:KEN"

ADD = """mutation($input: RelationshipInput!) { addRelationship(input: $input) { type } }"""
REMOVE = """mutation($from: ID!, $type: String!, $to: ID!, $which: String) {
  removeRelationship(from: $from, type: $type, to: $to, which: $which) { type } }"""
CREATE_INITIATIVE = """mutation($input: InitiativeInput!) {
  createInitiative(input: $input) { id version } }"""
VERSION = """query($id: ID!) { node(id: $id) { version } }"""
HISTORY = """query($id: ID!) {
  history(id: $id) { action actor role scope summary targets before after } }"""


@pytest.fixture(scope="module")
def tokens(seeded: Settings, client: TestClient) -> Iterator[dict[str, str]]:
    """An admin, an editor, a reader and an editor scoped to a test organization (which
    leads an initiative of its own); the map is put back as the seed has it afterwards."""

    async def make(db: Database) -> dict[str, str]:
        made = {}
        for name, role in (
            ("rights-admin", "admin"),
            ("rights-editor", "editor"),
            ("rights-reader", "reader"),
        ):
            made[role] = (await keys.create_key(db, name, role))[1]
        return made

    made = run_db(seeded, make)
    body = _post(client, made["admin"], _CREATE_ORG, input=_org("test-rights-partner"))
    assert "errors" not in body, body

    async def scoped(db: Database) -> str:
        return (await keys.create_key(db, "rights-scoped", "editor", SCOPED_ORG))[1]

    made["scoped"] = run_db(seeded, scoped)
    yield made
    reseed(seeded)


_CREATE_ORG = """mutation($input: OrganizationInput!) {
  createOrganization(input: $input, confirmNew: true) { organization { id } } }"""


def _org(key: str) -> dict[str, Any]:
    return {"key": key, "name": f"Test {key}", "type": "NGO", "cited": CITED}


def _initiative(key: str) -> dict[str, Any]:
    return {
        "key": key,
        "name": f"Test {key}",
        "kind": "PROJECT",
        "status": "ACTIVE",
        "cited": CITED,
    }


def _post(client: TestClient, token: str | None, query: str, **variables: Any) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _link(from_id: str, link_type: str, to_id: str, **more: Any) -> dict[str, Any]:
    return {
        "from": from_id,
        "type": link_type,
        "to": to_id,
        "source": REPORT,
        "section": SECTION,
        "note": "Test link.",
        **more,
    }


def _code(body: dict[str, Any]) -> str | None:
    errors = body.get("errors")
    return str(errors[0]["extensions"]["code"]) if errors else None


def _removal(link: dict[str, Any], which: str | None = None) -> dict[str, Any]:
    return {"from": link["from"], "type": link["type"], "to": link["to"], "which": which}


@pytest.fixture(scope="module")
def own_initiative(tokens: dict[str, str], client: TestClient) -> str:
    """An initiative the scoped key created, so its organization leads it."""
    body = _post(client, tokens["scoped"], CREATE_INITIATIVE, input=_initiative("test-rights-own"))
    assert "errors" not in body, body
    made: str = body["data"]["createInitiative"]["id"]
    return made


def _in_anothers_name(own: str) -> list[dict[str, Any]]:
    """Claims in another's name, each about a record the scoped key has rights over: the
    issue's three (a country marked a pathfinder, the Global Coordinating Group endorsing,
    another organization's funding), and, from the model, every type written on its own
    that speaks for its `from` end, started at another organization or an Alliance body
    and pointed at the scoped key's own initiative."""
    claims = [
        _link(SCOPED_ORG, "COUNTRY_STATUS", KENYA, allianceStatus="PATHFINDER"),
        _link(GCG, "ENDORSED", own),
        _link(OTHER_ORG, "FUNDS", own),
    ]
    for link_type in sorted(WRITTEN_ALONE):
        rel = RELATIONSHIPS[link_type]
        if "from" not in rel.speaks_for or "initiative" not in rel.ends:
            continue
        for kind, other in (("organization", OTHER_ORG), ("action-group", GCG)):
            if kind in rel.starts and (kind, link_type) not in SET_BY_RECORD:
                claims.append(_link(other, link_type, own))
    return claims


def test_a_scoped_key_may_not_speak_for_another_organization(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask], own_initiative: str
) -> None:
    scoped, editor, public = as_key(tokens["scoped"]), as_key(tokens["editor"]), as_key(None)
    claims = _in_anothers_name(own_initiative)
    assert len(claims) >= 10  # FUNDS, LEADS, IMPLEMENTS, PARTNERS_IN, ENDORSED by both...
    refused = {(c["from"], c["type"], c["to"]): scoped(ADD, input=c) for c in claims}
    assert {k: _code(b) for k, b in refused.items()} == dict.fromkeys(refused, "FORBIDDEN")
    for (from_id, link_type, to_id), body in refused.items():
        spoken = from_id if from_id != SCOPED_ORG else to_id
        assert f"{link_type} speaks for {spoken}" in body["errors"][0]["message"]
    # Nothing was written: the initiative shows only its own organization, leading it, no
    # endorsement, and Kenya no status from the scoped organization.
    seen = public(
        """query($id: ID!) { initiative(id: $id) { participants { role organization { id } }
        endorsedBy { id } } country(iso3: "KEN") { allianceStatus { organization { id } } } }""",
        id=own_initiative,
    )["data"]
    assert seen["initiative"] == {
        "participants": [{"role": "LEADS", "organization": {"id": SCOPED_ORG}}],
        "endorsedBy": [],
    }
    assert {"organization": {"id": SCOPED_ORG}} not in seen["country"]["allianceStatus"]
    # What it may state: the same roles in its own organization's name.
    for link_type in ("FUNDS", "IMPLEMENTS", "PARTNERS_IN", "ENDORSED", "REQUESTED"):
        assert _code(scoped(ADD, input=_link(SCOPED_ORG, link_type, own_initiative))) is None
    # The claims themselves are well formed: an unscoped editor may record them.
    for claim in claims[:3]:
        assert _code(editor(ADD, input=claim)) is None, claim


def test_removing_follows_the_rules_of_adding(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask], own_initiative: str
) -> None:
    scoped, editor = as_key(tokens["scoped"]), as_key(tokens["editor"])
    # Claims in another's name that an editor recorded: the scoped key may not remove them
    # either, though each is about a record it has rights over.
    recorded = [
        _link(OTHER_ORG, "LEADS", own_initiative),
        _link(GCG, "COORDINATES", own_initiative),
        _link(SCOPED_ORG, "COUNTRY_STATUS", KENYA, allianceStatus="INTERESTED"),
    ]
    for link in recorded:
        assert _code(editor(ADD, input=link)) is None, link
        assert _code(scoped(ADD, input=link)) == "FORBIDDEN"
    which = {"COUNTRY_STATUS": "interested"}
    removals = [scoped(REMOVE, **_removal(c, which.get(c["type"]))) for c in recorded]
    assert [_code(b) for b in removals] == ["FORBIDDEN"] * len(recorded)
    participants = as_key(None)(
        """query($id: ID!) { initiative(id: $id) { participants { role organization { id } }
        coordinatedBy { id } } }""",
        id=own_initiative,
    )["data"]["initiative"]
    assert {"role": "LEADS", "organization": {"id": OTHER_ORG}} in participants["participants"]
    assert participants["coordinatedBy"] == [{"id": GCG}]
    # What it may add in its own name it may remove.
    own = _link(SCOPED_ORG, "HOSTS", own_initiative)
    assert _code(scoped(ADD, input=own)) is None
    assert _code(scoped(REMOVE, **_removal(own))) is None
    # The links a record's fields hold are removed as they are added: by updating the
    # record. MADE_BY cannot be added on its own, and now cannot be removed so either.
    made_by = _link("commitment:register-members", "MADE_BY", GCG)
    assert _code(editor(ADD, input=made_by)) == "BAD_USER_INPUT"
    gone = editor(REMOVE, **_removal(made_by))
    assert _code(gone) == "BAD_USER_INPUT"
    assert "updateCommitment" in gone["errors"][0]["extensions"]["problems"][0]["reason"]
    still = as_key(None)(
        '{ node(id: "commitment:register-members") { ... on Commitment { madeBy { id } } } }'
    )
    assert {"id": GCG} in still["data"]["node"]["madeBy"]
    # Every type a record's field sets is refused alike at adding and at removing.
    samples = {"country": KENYA, "sdg-target": "sdg-target:8.7", "theme": "theme:forced-labour"}
    for kind, link_type in sorted(SET_BY_RECORD):
        start = {"initiative": own_initiative, "organization": SCOPED_ORG}.get(kind)
        if start is None or link_type not in WRITTEN_ALONE:
            continue
        [target] = [samples[k] for k in sorted(RELATIONSHIPS[link_type].ends) if k in samples]
        link = _link(start, link_type, target)
        assert (_code(editor(ADD, input=link)), _code(editor(REMOVE, **_removal(link)))) == (
            "BAD_USER_INPUT",
            "BAD_USER_INPUT",
        ), link_type


def _version(ask: Ask, node_id: str) -> int:
    version: int = ask(VERSION, id=node_id)["data"]["node"]["version"]
    return version


def test_adding_and_removing_a_relationship_move_both_records_on_a_version(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask]
) -> None:
    editor = as_key(tokens["editor"])
    funder = "organization:walk-free-foundation"
    work = "initiative:knowledge-platform"
    read = {node_id: _version(editor, node_id) for node_id in (funder, work)}
    link = _link(funder, "FUNDS", work)
    if _code(editor(REMOVE, **_removal(link))) is None:  # the seed may record it already
        read = {node_id: _version(editor, node_id) for node_id in (funder, work)}
    assert _code(editor(ADD, input=link)) is None
    added = {node_id: _version(editor, node_id) for node_id in (funder, work)}
    assert added == {node_id: v + 1 for node_id, v in read.items()}
    # An edit at the version read before the link is told the record has changed.
    stale = editor(
        """mutation($id: ID!, $v: Int!) { retire(id: $id, version: $v) { id } }""",
        id=funder,
        v=read[funder],
    )
    assert _code(stale) == "CONFLICT"
    assert _code(editor(REMOVE, **_removal(link))) is None
    removed = {node_id: _version(editor, node_id) for node_id in (funder, work)}
    assert removed == {node_id: v + 1 for node_id, v in added.items()}
    actions = [e["action"] for e in editor(HISTORY, id=funder)["data"]["history"][:2]]
    assert actions == ["unlink", "link"]


# One call of every mutation, well formed, each on records the reader could otherwise
# name; `test_a_reader_key_*` checks the list covers the schema's mutations.
# Two organizations the identity work might judge the same, as a merge judgement names them.
_JUDGEMENT = {
    "key": "test-reader-judgement",
    "verdict": "DIFFERENT",
    "decidedBy": "the secretariat",
    "decidedOn": "2026-12-01",
    "organizations": ["organization:freedom-fund", "organization:walk-free-foundation"],
    "cited": CITED,
}
_PERIOD = {
    "key": "test-reader-report",
    "initiative": "initiative:knowledge-platform",
    "periodStart": "2026-01-01",
    "periodEnd": "2026-03-31",
    "cited": CITED,
}
_EVERY_MUTATION: dict[str, tuple[str, dict[str, Any]]] = {
    "createSource": (
        "mutation($i: SourceInput!) { createSource(input: $i) { id } }",
        {"i": {"key": "test-reader-source", "title": "Reader's source"}},
    ),
    "updateSource": (
        'mutation($i: SourceInput!) { updateSource(id: "source:un-m49", version: 1, input: $i) { id } }',
        {"i": {"title": "M49"}},
    ),
    "createOrganization": (_CREATE_ORG, {"input": _org("test-reader-org")}),
    "updateOrganization": (
        'mutation($i: OrganizationInput!) { updateOrganization(id: "organization:ilo", version: 1, input: $i) { id } }',
        {"i": _org("ilo")},
    ),
    "createActionGroup": (
        "mutation($i: ActionGroupInput!) { createActionGroup(input: $i) { id } }",
        {"i": {"key": "test-reader-group", "name": "G", "kind": "ACTION_GROUP", "cited": CITED}},
    ),
    "updateActionGroup": (
        f'mutation($i: ActionGroupInput!) {{ updateActionGroup(id: "{GCG}", version: 1, input: $i) {{ id }} }}',
        {"i": {"name": "G", "kind": "ACTION_GROUP", "cited": CITED}},
    ),
    "createInitiative": (
        "mutation($i: InitiativeInput!) { createInitiative(input: $i) { id } }",
        {"i": _initiative("test-reader-initiative")},
    ),
    "updateInitiative": (
        'mutation($i: InitiativeInput!) { updateInitiative(id: "initiative:knowledge-platform", version: 1, input: $i) { id } }',
        {"i": _initiative("knowledge-platform")},
    ),
    "createEvent": (
        "mutation($i: EventInput!) { createEvent(input: $i) { id } }",
        {
            "i": {
                "key": "test-reader-event",
                "name": "E",
                "kind": "MEETING",
                "status": "HELD",
                "cited": CITED,
            }
        },
    ),
    "updateEvent": (
        'mutation($i: EventInput!) { updateEvent(id: "event:gcg-1-buenos-aires-2017", version: 1, input: $i) { id } }',
        {"i": {"name": "E", "kind": "MEETING", "status": "HELD", "cited": CITED}},
    ),
    "createPerson": (
        "mutation($i: PersonInput!) { createPerson(input: $i) { id } }",
        {"i": {"key": "test-reader-person", "name": "P", "cited": CITED}},
    ),
    "updatePerson": (
        'mutation($i: PersonInput!) { updatePerson(id: "person:beate-andrees", version: 1, input: $i) { id } }',
        {"i": {"name": "P", "cited": CITED}},
    ),
    "createIndicator": (
        "mutation($i: IndicatorInput!) { createIndicator(input: $i) { id } }",
        {"i": {"key": "test-reader-indicator", "name": "I", "cited": CITED}},
    ),
    "updateIndicator": (
        'mutation($i: IndicatorInput!) { updateIndicator(id: "indicator:sdg-8-7-1", version: 1, input: $i) { id } }',
        {"i": {"name": "I", "cited": CITED}},
    ),
    "createCommitment": (
        "mutation($i: CommitmentInput!) { createCommitment(input: $i) { id } }",
        {"i": {"key": "test-reader-commitment", "name": "C", "status": "MADE", "cited": CITED}},
    ),
    "updateCommitment": (
        'mutation($i: CommitmentInput!) { updateCommitment(id: "commitment:register-members", version: 1, input: $i) { id } }',
        {"i": {"name": "C", "status": "MET", "cited": CITED}},
    ),
    "createMergeJudgement": (
        "mutation($i: MergeJudgementInput!) { createMergeJudgement(input: $i) { id } }",
        {"i": _JUDGEMENT},
    ),
    "updateMergeJudgement": (
        "mutation($i: MergeJudgementInput!) { updateMergeJudgement("
        'id: "merge-judgement:test-reader-judgement", version: 1, input: $i) { id } }',
        {"i": _JUDGEMENT},
    ),
    "createPeriodReport": (
        "mutation($i: PeriodReportInput!) { createPeriodReport(input: $i) { id } }",
        {"i": _PERIOD},
    ),
    "updatePeriodReport": (
        "mutation($i: PeriodReportInput!) { updatePeriodReport("
        'id: "period-report:test-reader-report", version: 1, input: $i) { id } }',
        {"i": _PERIOD},
    ),
    "retire": ('mutation { retire(id: "organization:ilo", version: 1) { id } }', {}),
    "restore": ('mutation { restore(id: "organization:ilo", version: 1) { id } }', {}),
    "delete": ('mutation { delete(id: "organization:ilo", version: 1) { id } }', {}),
    "addRelationship": (ADD, {"input": _link(OTHER_ORG, "FUNDS", "initiative:knowledge-platform")}),
    "removeRelationship": (
        REMOVE,
        {"from": "organization:fao", "type": "MEMBER_OF", "to": GCG, "which": None},
    ),
    "mergeOrganizations": (
        'mutation { mergeOrganizations(survivor: "organization:freedom-fund", survivorVersion: 1, '
        'duplicate: "organization:walk-free-foundation", duplicateVersion: 1) { id } }',
        {},
    ),
    "judgeOrganizations": (
        'mutation { judgeOrganizations(organizations: ["organization:freedom-fund", '
        '"organization:walk-free-foundation"], verdict: SAME) { merged { id } } }',
        {},
    ),
    "undoMerge": (
        'mutation { undoMerge(duplicate: "organization:walk-free-foundation", version: 2) { id } }',
        {},
    ),
    "reviewOverlap": (
        'mutation { reviewOverlap(a: "initiative:knowledge-platform", '
        'b: "initiative:global-estimates-modern-slavery", verdict: NOT_RELATED, reason: "Test.") { pair } }',
        {},
    ),
    "acknowledgeAlert": ('mutation { acknowledgeAlert(key: "overlap a b") }', {}),
    "registerWebhook": ('mutation { registerWebhook(url: "http://127.0.0.1:9/x") { id } }', {}),
    "removeWebhook": ('mutation { removeWebhook(id: "no-such-webhook") }', {}),
    "reviewSuggestion": (
        'mutation { reviewSuggestion(a: "organization:ilo", b: "organization:unu", '
        'verdict: NOT_USEFUL, reason: "Test.") { pair } }',
        {},
    ),
    "respondToReview": (
        'mutation { respondToReview(a: "initiative:knowledge-platform", '
        'b: "initiative:global-estimates-modern-slavery", response: "Test.") { pair } }',
        {},
    ),
}


def test_a_reader_key_reads_what_the_public_cannot_and_writes_nothing(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask], client: TestClient
) -> None:
    reader, public = as_key(tokens["reader"]), as_key(None)
    mutations = public("{ __schema { mutationType { fields { name } } } }")["data"]
    assert {f["name"] for f in mutations["__schema"]["mutationType"]["fields"]} == set(
        _EVERY_MUTATION
    )
    answers = {name: reader(query, **given) for name, (query, given) in _EVERY_MUTATION.items()}
    assert {name: _code(b) for name, b in answers.items()} == dict.fromkeys(answers, "FORBIDDEN")
    assert all("changes nothing" in b["errors"][0]["message"] for b in answers.values())
    created = public('{ node(id: "source:test-reader-source") { id } }')
    assert _code(created) == "NOT_FOUND"
    imported = client.post(
        "/import",
        headers={"Authorization": f"Bearer {tokens['reader']}"},
        files={"files": ("organizations.csv", b"id,name,type\n", "text/csv")},
    )
    assert imported.status_code == 403
    # What it reads that the public does not: the key behind each change.
    record = "initiative:knowledge-platform"
    assert _code(as_key(tokens["editor"])(ADD, input=_link(OTHER_ORG, "HOSTS", record))) is None
    actors = {
        who: as_key(token)(HISTORY, id=record)["data"]["history"][0]["actor"]
        for who, token in (
            ("public", None),
            ("scoped", tokens["scoped"]),
            ("editor", tokens["editor"]),
            ("reader", tokens["reader"]),
            ("admin", tokens["admin"]),
        )
    }
    assert actors == {
        "public": None,
        "scoped": None,
        "editor": None,
        "reader": "rights-editor",
        "admin": "rights-editor",
    }
    # What it does not read: contact details a person gave and then withdrew consent for,
    # which the history shows to admin keys only.
    editor = as_key(tokens["editor"])
    person = {"key": "test-rights-person", "name": "Test Person", "cited": CITED}
    made = editor(
        "mutation($i: PersonInput!) { createPerson(input: $i) { id } }",
        i={**person, "contact": "test@example.org", "contactConsent": True},
    )["data"]["createPerson"]
    withdrawn = editor(
        "mutation($id: ID!, $i: PersonInput!) { updatePerson(id: $id, version: 1, input: $i) { id } }",
        id=made["id"],
        i=person,
    )
    assert _code(withdrawn) is None
    contacts = {
        who: [
            (e["after"]["properties"].get("contact"))
            for e in as_key(tokens[who])(HISTORY, id=made["id"])["data"]["history"]
        ]
        for who in ("reader", "admin")
    }
    assert contacts == {"reader": [None, None], "admin": [None, "test@example.org"]}


def test_the_cli_makes_a_reader_key_and_refuses_to_scope_one(
    cli_env: None, client: TestClient
) -> None:
    runner = CliRunner()
    made = runner.invoke(cli, ["keys", "create", "cli-rights-reader", "--role", "reader"])
    assert made.exit_code == 0, made.output
    token = made.output.strip().splitlines()[-1]
    query, given = _EVERY_MUTATION["createSource"]
    assert _code(_post(client, token, query, **given)) == "FORBIDDEN"
    listed = runner.invoke(cli, ["keys", "list"])
    assert "reader" in listed.output
    scoped = runner.invoke(
        cli, ["keys", "create", "cli-rights-r2", "--role", "reader", "--organization", OTHER_ORG]
    )
    assert scoped.exit_code == 1
    assert "cannot be scoped" in scoped.output


@pytest.fixture(scope="module")
def strawberry_only(seeded: Settings) -> Iterator[TestClient]:
    """The same service with the fast read path off: every answer is strawberry's."""
    with TestClient(create_app(seeded.model_copy(update={"graphql_fast_reads": False}))) as c:
        yield c


def _leaves(value: Any, path: str = "") -> dict[str, Any]:
    """Every value of an answer by its path (`initiative.participants[0].role`), so two
    answers are compared field by field."""
    if isinstance(value, dict):
        return {
            k: v for key, item in value.items() for k, v in _leaves(item, f"{path}.{key}").items()
        }
    if isinstance(value, list):
        return {
            k: v for n, item in enumerate(value) for k, v in _leaves(item, f"{path}[{n}]").items()
        }
    return {path: value}


def _differing(one: dict[str, Any], other: dict[str, Any]) -> list[str]:
    a, b = _leaves(one), _leaves(other)
    return sorted(p for p in a.keys() | b.keys() if a.get(p, "(absent)") != b.get(p, "(absent)"))


# Questions asked by every caller on both paths: the first two touch what a key's role
# limits (the key behind each change), the others do not and go the fast way.
_BY_CALLER = {
    "history": """query($id: ID!) { history(id: $id) {
        id at actor role scope action targets summary changedFields before after } }""",
    "history in a fragment, beside records": """query($id: ID!) {
        initiative(id: $id) { id name participants { role organization { id name } } }
        changes: history(id: $id) { ...Who } }
      fragment Who on AuditEntry { action role scope actor }""",
}
_PUBLIC = {
    "records and their relationships": """query($id: ID!) {
        initiative(id: $id) { id name version status
          participants { role organization { id name version initiatives { role initiative { id } } } }
          sources { section note source { id title } } } }""",
    "a person and a page": """query($id: ID!) {
        node(id: "person:geoffrey-shaw") { id ... on Person { name contact seats { seat } } }
        initiatives(first: 5, filter: { organization: "organization:test-rights-partner" }) {
          totalCount edges { node { id name } } }
        other: node(id: $id) { id version } }""",
}
_CALLERS = ("admin", "reader", "scoped", "editor", "public")


def test_the_fast_read_path_gives_each_caller_what_strawberry_gives_them(
    tokens: dict[str, str],
    client: TestClient,
    strawberry_only: TestClient,
    own_initiative: str,
    as_key: Callable[[str | None], Ask],
) -> None:
    """Asked first by an admin key, then by keys of every role and by the public, without
    forgetting between them: each answer, on either path, is strawberry's to that caller,
    field by field, and what a role limits is never answered the fast way."""
    fast = client.app.state.fast_reads  # type: ignore[attr-defined]
    assert isinstance(fast, FastReads)
    # Changes by two keys, so the history has key names to show or hide.
    assert (
        _code(as_key(tokens["editor"])(ADD, input=_link(OTHER_ORG, "IMPLEMENTS", own_initiative)))
        is None
    )
    fast.forget()
    answers: dict[tuple[str, str], dict[str, Any]] = {}
    for name, query in {**_BY_CALLER, **_PUBLIC}.items():
        answered = fast.answered
        for caller in _CALLERS:
            token = None if caller == "public" else tokens[caller]
            slow = _post(strawberry_only, token, query, id=own_initiative)
            assert "errors" not in slow, slow
            for _ in range(2):  # the second is the fast path's, where it keeps the question
                body = _post(client, token, query, id=own_initiative)
                assert _differing(body["data"], slow["data"]) == [], (name, caller)
            answers[(name, caller)] = slow["data"]
        went_fast = fast.answered - answered
        if name in _BY_CALLER:
            assert went_fast == 0, name
        else:
            assert went_fast == 2 * len(_CALLERS), name
    # What differs between callers is the key behind each change, shown to readers and
    # admins only, and nothing else.
    for name in _BY_CALLER:
        for caller in _CALLERS:
            differs = _differing(answers[(name, caller)], answers[(name, "public")])
            assert all(p.endswith(".actor") for p in differs), (name, caller, differs)
            assert bool(differs) == (caller in ("admin", "reader")), (name, caller)
    for name in _PUBLIC:
        assert all(answers[(name, c)] == answers[(name, "public")] for c in _CALLERS)


def test_what_depends_on_the_caller_is_read_off_the_schema(client: TestClient) -> None:
    fast = client.app.state.fast_reads  # type: ignore[attr-defined]
    assert isinstance(fast, FastReads)
    assert {("AuditEntry", "actor"), ("Query", "history")} <= fast.answered_by_caller
